// Mirrors: runtime/mgcpacer.go (gcControllerState.init inputs: readGOGC, readGOMEMLIMIT) and GOMAXPROCS, Go 1.19–1.23.
// Simplified: a validated value object; the GOGC/GOMEMLIMIT text forms are parsed by GoGcSetting and MemoryLimit.
using System.Globalization;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// The GC settings of a Go process: GOGC (-1 = off), GOMEMLIMIT (bytes; long.MaxValue = none), GOMAXPROCS, and the
/// Go release. Immutable: change it with the <c>With*</c> copies, e.g.
/// <c>GcConfig.Default.WithGogc(200).WithMemoryLimit(MemoryLimit.Parse("512MiB"))</c>. Every value is validated
/// when set (by <see cref="GoSettings"/>); bad values throw <see cref="KitInputException"/> naming the Go setting.
/// </summary>
public sealed record GcConfig
{
    private GcConfig() { }

    /// <summary>GOGC=100, no memory limit, GOMAXPROCS=8 (as in TestGcPacer), the newest modelled Go.</summary>
    public static GcConfig Default { get; } = new();

    /// <summary>The Go settings (one grammar and one set of limits for every model: <see cref="GoSettings"/>).</summary>
    public GoSettings Settings { get; private init; } = GoSettings.Default.WithProcs(8);

    /// <summary>GOGC; -1 means off (GOGC=off).</summary>
    public int Gogc => Settings.Gogc;

    /// <summary>The soft memory limit in bytes; <see cref="long.MaxValue"/> means none (GOMEMLIMIT=off).</summary>
    public long MemoryLimit => Settings.MemoryLimit;

    /// <summary>GOMAXPROCS.</summary>
    public int Procs => Settings.Procs;

    /// <summary>The Go release whose pacer rules apply.</summary>
    public GoVersion Version => Settings.Version;

    /// <summary>True when GOGC=off.</summary>
    public bool GcOff => Settings.GcOff;

    /// <summary>True when a memory limit is set.</summary>
    public bool HasMemoryLimit => Settings.HasMemoryLimit;

    /// <summary>A copy with other Go settings; the release must be one the pacer models.</summary>
    public GcConfig WithSettings(GoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ValidateVersion(settings.Version);
        return this with { Settings = settings };
    }

    /// <summary>A copy with GOGC = <paramref name="gogc"/> (any negative value = off, as setGCPercent stores it).</summary>
    public GcConfig WithGogc(int gogc) => this with { Settings = Settings.WithGogc(gogc) };

    /// <summary>A copy with GOGC from Go's text form ("off", "100").</summary>
    public GcConfig WithGogc(string gogc) => this with { Settings = Settings.WithGogc(gogc) };

    /// <summary>A copy with the memory limit in bytes (≥ 0; <see cref="long.MaxValue"/> = none).</summary>
    public GcConfig WithMemoryLimit(long bytes) => this with { Settings = Settings.WithMemoryLimit(bytes) };

    /// <summary>A copy with the memory limit from Go's text form ("512MiB", "off").</summary>
    public GcConfig WithMemoryLimit(string limit) => this with { Settings = Settings.WithMemoryLimit(limit) };

    /// <summary>A copy without a memory limit.</summary>
    public GcConfig WithoutMemoryLimit() => this with { Settings = Settings.WithoutMemoryLimit() };

    /// <summary>A copy with GOMAXPROCS = <paramref name="procs"/> (1 … <see cref="GoSettings.MaxProcs"/>).</summary>
    public GcConfig WithProcs(int procs) => this with { Settings = Settings.WithProcs(procs) };

    /// <summary>A copy for another Go release (1.19–1.23).</summary>
    public GcConfig WithVersion(GoVersion version) => WithSettings(Settings.WithVersion(version));

    /// <summary>A copy for another Go release given as text ("1.19", "go1.23.5").</summary>
    public GcConfig WithVersion(string version) => WithVersion(GoSettings.ParseVersion(version));

    /// <summary>Throws unless the pacer models <paramref name="version"/> (Go 1.19 to 1.23).</summary>
    public static void ValidateVersion(GoVersion version)
    {
        if (version < GoVersion.Go1_19 || version >= new GoVersion(1, 24))
        {
            throw KitInputException.For(
                $"the pacer models Go 1.19 to 1.23, not {version} (the memory limit and this pacer arrived in 1.19; 1.24+ is not modelled)",
                parameter: GoSettings.VersionName);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GOGC={GoGcSetting.Format(Gogc)} GOMEMLIMIT={Pacer.MemoryLimit.Format(MemoryLimit)} GOMAXPROCS={Procs} {Version}");
}
