namespace GoRuntimeLab.Binaries;

/// <summary>
/// The build information the Go linker embeds (runtime.buildVersion and runtime/debug's modinfo), as
/// <c>go version -m FILE</c> prints it.
/// </summary>
/// <param name="GoVersion">"go1.19.8".</param>
/// <param name="Path">The main package's import path ("golab/httpsvc"), "" when the binary has no module info.</param>
/// <param name="Settings">The "build" lines in order: -compiler, -ldflags, CGO_ENABLED, GOARCH, GOOS, GOAMD64…</param>
public sealed record GoBuildInfo(string GoVersion, string Path, IReadOnlyList<GoBuildSetting> Settings)
{
    /// <summary>The value of the setting <paramref name="key"/>, or null when it was not recorded.</summary>
    public string? Setting(string key) => Settings.FirstOrDefault(s => s.Key == key)?.Value;
}
