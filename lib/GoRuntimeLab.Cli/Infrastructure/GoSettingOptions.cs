using System.CommandLine;

namespace GoRuntimeLab.Cli.Infrastructure;

/// <summary>
/// The Go settings as command-line options: the same flag, grammar and help text in every command that takes them
/// (<c>--gogc</c>, <c>--memlimit</c>, <c>--procs</c>, <c>--go</c>). They are read as text and parsed by
/// <see cref="GoSettings"/>, the kit's one parser, so <c>off</c>, <c>-1</c> and <c>50</c> mean the same everywhere.
/// </summary>
internal static class GoSettingOptions
{
    public static Option<string> Gogc(string defaultValue = "100") => CliOptions.Text(
        "--gogc", "GOGC: a percentage (100), or off; any negative number is off too, as in Go.", defaultValue, "N|off");

    public static Option<string> MemoryLimit(string defaultValue = "off") => CliOptions.Text(
        "--memlimit", "GOMEMLIMIT in Go's byte syntax (64MiB, 1GiB, 1048576), or off.", defaultValue, "BYTES|off");

    public static Option<string> Procs(int defaultValue) => CliOptions.Text(
        "--procs", $"GOMAXPROCS: 1 to {GoSettings.MaxProcs}.", defaultValue.ToString(System.Globalization.CultureInfo.InvariantCulture), "N");

    /// <param name="covers">Which releases the command's model covers, e.g. "1.19 to 1.23".</param>
    /// <param name="defaultValue">The default release.</param>
    /// <param name="why">What the release changes in this model (optional).</param>
    public static Option<string> Go(string covers, string? defaultValue = null, string? why = null) => CliOptions.Text(
        "--go", $"Go release whose rules apply ({covers}; e.g. 1.23 or go1.19.8).{(why is null ? "" : " " + why)}", defaultValue ?? Short(GoVersion.Latest), "VERSION");

    /// <summary>
    /// Applies the options the command has (null: not one of its options) to <paramref name="start"/>. Each value is
    /// parsed by <see cref="GoSettings"/>; an error names the Go setting, which the CLI reports under the flag.
    /// </summary>
    public static GoSettings Read(ParseResult parse, GoSettings start, Option<string>? gogc = null, Option<string>? memoryLimit = null,
        Option<string>? procs = null, Option<string>? go = null)
    {
        var s = start;
        if (gogc is not null) s = s.WithGogc(parse.GetValue(gogc)!);
        if (memoryLimit is not null) s = s.WithMemoryLimit(parse.GetValue(memoryLimit)!);
        if (procs is not null) s = s.WithProcs(parse.GetValue(procs)!);
        if (go is not null) s = s.WithVersion(parse.GetValue(go)!);
        return s;
    }

    /// <summary>The release as "1.23".</summary>
    public static string Short(GoVersion v) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}");
}
