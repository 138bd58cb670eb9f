// Mirrors: the settings a Go process reads at start-up, Go 1.19–1.23: GOGC (runtime/mgcpacer.go readGOGC; a negative
// value stored by setGCPercent means off), GOMEMLIMIT (readGOMEMLIMIT → string.go parseByteCount), GOMAXPROCS
// (proc.go schedinit: atoi32, used only when > 0; procresize caps it at _MaxGomaxprocs = 1024) and the Go release.
// Simplified: text Go would silently ignore (GOGC=OFF reads as 100, GOMAXPROCS=abc as the CPU count) is rejected,
// since a learner who typed it meant something else; GOMAXPROCS is capped at 256, the largest machine the kit models.
using System.Globalization;
using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab;

/// <summary>
/// The Go settings every model of the kit takes — GOGC, GOMEMLIMIT, GOMAXPROCS and the Go release — with one parser
/// for their text forms and one set of limits. Model configs (<c>GcConfig</c>, <c>GcSimOptions</c>,
/// <c>AllocatorConfig</c>, <c>ProcessConfig</c>, <c>SchedConfig</c>, <c>GuideConfig</c>) embed it, so
/// <c>GOGC=off</c>, <c>-1</c> and <c>50</c> mean the same thing everywhere. Immutable:
/// <c>GoSettings.Default.WithGogc("off").WithMemoryLimit("64MiB")</c>.
/// </summary>
/// <remarks>
/// Errors are <see cref="KitInputException"/>s whose <see cref="KitInputException.Parameter"/> is the Go name of the
/// setting (<see cref="GogcName"/>, <see cref="MemoryLimitName"/>, <see cref="ProcsName"/>, <see cref="VersionName"/>);
/// a front end maps that name to its own (the CLI's <c>--gogc</c>, a notebook's variable).
/// </remarks>
public sealed record GoSettings
{
    /// <summary>The parameter name of GOGC in errors.</summary>
    public const string GogcName = "GOGC";

    /// <summary>The parameter name of GOMEMLIMIT in errors.</summary>
    public const string MemoryLimitName = "GOMEMLIMIT";

    /// <summary>The parameter name of GOMAXPROCS in errors.</summary>
    public const string ProcsName = "GOMAXPROCS";

    /// <summary>The parameter name of the Go release in errors.</summary>
    public const string VersionName = "version";

    /// <summary>The largest GOMAXPROCS the kit's models take (Go's own cap, _MaxGomaxprocs, is 1024).</summary>
    public const int MaxProcs = 256;

    /// <summary>GOGC=100, GOMEMLIMIT=off, GOMAXPROCS=1, the newest modelled Go.</summary>
    public static GoSettings Default { get; } = new();

    private GoSettings() { }

    /// <summary>GOGC as setGCPercent stores it: -1 is off, otherwise 0 … int32 max.</summary>
    public int Gogc { get; private init; } = 100;

    /// <summary>GOMEMLIMIT in bytes: 0 … math.MaxInt64, where <see cref="MemoryLimit.None"/> (math.MaxInt64) is off.</summary>
    public long MemoryLimit { get; private init; } = Gc.Pacer.MemoryLimit.None;

    /// <summary>GOMAXPROCS: 1 … <see cref="MaxProcs"/>.</summary>
    public int Procs { get; private init; } = 1;

    /// <summary>The Go release whose rules apply (each model checks which releases it covers).</summary>
    public GoVersion Version { get; private init; } = GoVersion.Latest;

    /// <summary>True when GOGC=off.</summary>
    public bool GcOff => Gogc < 0;

    /// <summary>True when GOMEMLIMIT is set.</summary>
    public bool HasMemoryLimit => MemoryLimit != Gc.Pacer.MemoryLimit.None;

    /// <summary>A copy with GOGC = <paramref name="gogc"/>; any negative value means off, as in setGCPercent.</summary>
    public GoSettings WithGogc(int gogc) => this with { Gogc = gogc < 0 ? -1 : gogc };

    /// <summary>A copy with GOGC in Go's text form (see <see cref="ParseGogc"/>).</summary>
    public GoSettings WithGogc(string gogc) => WithGogc(ParseGogc(gogc));

    /// <summary>A copy with GOMEMLIMIT in bytes (≥ 0; <see cref="MemoryLimit.None"/> is off).</summary>
    /// <exception cref="KitInputException">Negative: Go's parseByteCount rejects a sign.</exception>
    public GoSettings WithMemoryLimit(long bytes) => bytes >= 0
        ? this with { MemoryLimit = bytes }
        : throw KitInputException.For(Invariant($"must be 0 bytes or more (or off), not {bytes}"), parameter: MemoryLimitName);

    /// <summary>A copy with GOMEMLIMIT in Go's text form (see <see cref="ParseMemoryLimit"/>).</summary>
    public GoSettings WithMemoryLimit(string limit) => WithMemoryLimit(ParseMemoryLimit(limit));

    /// <summary>A copy without a memory limit (GOMEMLIMIT=off).</summary>
    public GoSettings WithoutMemoryLimit() => this with { MemoryLimit = Gc.Pacer.MemoryLimit.None };

    /// <summary>A copy with GOMAXPROCS = <paramref name="procs"/> (1 … <see cref="MaxProcs"/>).</summary>
    public GoSettings WithProcs(int procs) => procs is >= 1 and <= MaxProcs
        ? this with { Procs = procs }
        : throw KitInputException.For(Invariant($"must be 1 to {MaxProcs}, not {procs}"), parameter: ProcsName);

    /// <summary>A copy with GOMAXPROCS in text form (see <see cref="ParseProcs"/>).</summary>
    public GoSettings WithProcs(string procs) => WithProcs(ParseProcs(procs));

    /// <summary>A copy for another Go release (the model that uses it checks that it covers the release).</summary>
    public GoSettings WithVersion(GoVersion version) => this with { Version = version };

    /// <summary>A copy for another Go release in Go's syntax ("1.23", "go1.19.8").</summary>
    public GoSettings WithVersion(string version) => WithVersion(ParseVersion(version));

    /// <summary>
    /// GOGC as readGOGC reads it: <c>off</c>, or a decimal int32 with an optional '-' (a negative number is off).
    /// Text Go would silently read as 100 — <c>OFF</c>, <c>1e3</c>, <c>+50</c>, <c>""</c> — is rejected, naming GOGC.
    /// </summary>
    public static int ParseGogc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) throw KitInputException.For("empty value (expected a percentage such as 100, or off)", parameter: GogcName);
        if (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase) && text != "off")
            throw KitInputException.For($"\"{text}\" is not a GOGC value: Go accepts only lower-case \"off\" and would silently use 100", parameter: GogcName);
        return GoGcSetting.Parse(text);
    }

    /// <summary>
    /// GOMEMLIMIT as readGOMEMLIMIT reads it: <c>off</c>, or bytes with an optional B, KiB, MiB, GiB or TiB suffix
    /// (parseByteCount: no sign, no fraction, no decimal units). Go also reads an empty value as off; here an empty
    /// value is refused, since on a command line or in a cell it is a slip, not "unset".
    /// </summary>
    public static long ParseMemoryLimit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) throw KitInputException.For("empty value (expected bytes such as 64MiB, or off)", parameter: MemoryLimitName);
        try
        {
            return Gc.Pacer.MemoryLimit.Parse(text);
        }
        catch (KitInputException e)
        {
            throw KitInputException.For(e.Reason, parameter: MemoryLimitName);
        }
    }

    /// <summary>GOMAXPROCS as schedinit reads it (atoi32, &gt; 0), within 1 … <see cref="MaxProcs"/>.</summary>
    public static int ParseProcs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (GoGcSetting.Atoi64(text) is { } n && n is >= 1 and <= MaxProcs) return (int)n;
        throw KitInputException.For($"\"{text}\" is not a GOMAXPROCS value (expected a whole number from 1 to {MaxProcs})", parameter: ProcsName);
    }

    /// <summary>A Go release in Go's syntax ("1.23", "go1.19.8", "go1.22rc1").</summary>
    public static GoVersion ParseVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return GoVersion.Parse(text);
        }
        catch (KitInputException e)
        {
            throw KitInputException.For(e.Reason, parameter: VersionName);
        }
    }

    /// <summary>"GOGC=100 GOMEMLIMIT=off GOMAXPROCS=1 go1.23".</summary>
    public override string ToString() => Invariant(
        $"GOGC={GoGcSetting.Format(Gogc)} GOMEMLIMIT={Gc.Pacer.MemoryLimit.Format(MemoryLimit)} GOMAXPROCS={Procs} go{Version.Major}.{Version.Minor}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
