// Mirrors: runtime/mgcpacer.go (gcControllerState.init inputs: readGOGC, readGOMEMLIMIT) and GOMAXPROCS, Go 1.19–1.23.
// Simplified: a validated value object; the GOGC/GOMEMLIMIT text forms are parsed by GoGcSetting and MemoryLimit.
using System.Globalization;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// The GC settings of a Go process: GOGC (-1 = off), GOMEMLIMIT (bytes; long.MaxValue = none), GOMAXPROCS, and the
/// Go release. Immutable: change it with the <c>With*</c> copies, e.g.
/// <c>GcConfig.Default.WithGogc(200).WithMemoryLimit(MemoryLimit.Parse("512MiB"))</c>. Every value is validated
/// when set; bad values throw <see cref="KitInputException"/> naming the parameter.
/// </summary>
public sealed record GcConfig
{
    private GcConfig(int gogc, long memoryLimit, int procs, GoVersion version)
    {
        Gogc = gogc;
        MemoryLimit = memoryLimit;
        Procs = procs;
        Version = version;
    }

    /// <summary>GOGC=100, no memory limit, GOMAXPROCS=8 (as in TestGcPacer), the newest modelled Go.</summary>
    public static GcConfig Default { get; } = new(100, long.MaxValue, 8, GoVersion.Latest);

    /// <summary>GOGC; -1 means off (GOGC=off).</summary>
    public int Gogc { get; }

    /// <summary>The soft memory limit in bytes; <see cref="long.MaxValue"/> means none (GOMEMLIMIT=off).</summary>
    public long MemoryLimit { get; }

    /// <summary>GOMAXPROCS.</summary>
    public int Procs { get; }

    /// <summary>The Go release whose pacer rules apply.</summary>
    public GoVersion Version { get; }

    /// <summary>True when GOGC=off.</summary>
    public bool GcOff => Gogc < 0;

    /// <summary>True when a memory limit is set.</summary>
    public bool HasMemoryLimit => MemoryLimit != long.MaxValue;

    /// <summary>A copy with GOGC = <paramref name="gogc"/> (≥ -1; -1 = off).</summary>
    public GcConfig WithGogc(int gogc)
    {
        if (gogc < -1) throw KitInputException.For($"GOGC must be ≥ -1 (-1 = off), got {gogc}", parameter: "gogc");
        return new GcConfig(gogc, MemoryLimit, Procs, Version);
    }

    /// <summary>A copy with GOGC from Go's text form ("off", "100").</summary>
    public GcConfig WithGogc(string gogc) => WithGogc(GoGcSetting.Parse(gogc));

    /// <summary>A copy with the memory limit in bytes (&gt; 0; <see cref="long.MaxValue"/> = none).</summary>
    public GcConfig WithMemoryLimit(long bytes)
    {
        if (bytes <= 0) throw KitInputException.For($"memory limit must be > 0 bytes, got {bytes}", parameter: "memoryLimit");
        return new GcConfig(Gogc, bytes, Procs, Version);
    }

    /// <summary>A copy with the memory limit from Go's text form ("512MiB", "off").</summary>
    public GcConfig WithMemoryLimit(string limit) => WithMemoryLimit(Pacer.MemoryLimit.Parse(limit));

    /// <summary>A copy without a memory limit.</summary>
    public GcConfig WithoutMemoryLimit() => new(Gogc, long.MaxValue, Procs, Version);

    /// <summary>A copy with GOMAXPROCS = <paramref name="procs"/> (≥ 1).</summary>
    public GcConfig WithProcs(int procs)
    {
        if (procs < 1) throw KitInputException.For($"GOMAXPROCS must be ≥ 1, got {procs}", parameter: "procs");
        return new GcConfig(Gogc, MemoryLimit, procs, Version);
    }

    /// <summary>A copy for another Go release (1.19–1.23).</summary>
    public GcConfig WithVersion(GoVersion version)
    {
        ValidateVersion(version);
        return new GcConfig(Gogc, MemoryLimit, Procs, version);
    }

    /// <summary>A copy for another Go release given as text ("1.19", "go1.23.5").</summary>
    public GcConfig WithVersion(string version) => WithVersion(GoVersion.Parse(version));

    /// <summary>Throws unless the pacer models <paramref name="version"/> (Go 1.19 to 1.23).</summary>
    public static void ValidateVersion(GoVersion version)
    {
        if (version < GoVersion.Go1_19 || version >= new GoVersion(1, 24))
        {
            throw KitInputException.For(
                $"the pacer models Go 1.19 to 1.23, not {version} (the memory limit and this pacer arrived in 1.19; 1.24+ is not modelled)",
                parameter: "version");
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GOGC={GoGcSetting.Format(Gogc)} GOMEMLIMIT={Pacer.MemoryLimit.Format(MemoryLimit)} GOMAXPROCS={Procs} {Version}");
}
