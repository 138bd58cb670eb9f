namespace GoRuntimeLab.Binaries;

/// <summary>One "build key=value" line of a Go binary's build information ("-ldflags", "-s -w").</summary>
public sealed record GoBuildSetting(string Key, string Value);
