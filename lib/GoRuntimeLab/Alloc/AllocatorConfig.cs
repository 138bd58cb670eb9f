// Mirrors: the knobs of runtime/malloc.go and mgc.go the allocator model needs (GOMAXPROCS, GOGC, version), Go 1.19–1.23.
// Simplified: GC triggers at the heap goal itself (no pacer, no concurrent mark); GOGC=-1 switches GC off.
using System.Globalization;

namespace GoRuntimeLab.Alloc;

/// <summary>Immutable settings of an <see cref="AllocatorModel"/> run; change them with the <c>With*</c> copies.</summary>
/// <param name="Version">Go release: selects the 1.22+ malloc header and small-size limit.</param>
/// <param name="Procs">Number of Ps (GOMAXPROCS), each with its own mcache; allocation i runs on P i mod Procs.</param>
/// <param name="Gogc">GOGC: the heap goal is live × (1 + GOGC/100), at least 4 MiB × GOGC/100; −1 = GC off.</param>
public sealed record AllocatorConfig(GoVersion Version, int Procs, int Gogc)
{
    /// <summary>Go <see cref="GoVersion.Latest"/>, 1 P, GOGC=100.</summary>
    public static AllocatorConfig Default { get; } = new(GoVersion.Latest, 1, 100);

    /// <summary>heapMinimum at GOGC=100 (mgcpacer.go defaultHeapMinimum): 4 MiB.</summary>
    public const long DefaultHeapMinimum = 4 << 20;

    /// <summary>The Go settings this run uses (GOGC, GOMAXPROCS, the release; GOMEMLIMIT is not modelled here).</summary>
    public GoSettings Settings => GoSettings.Default.WithVersion(Version).WithProcs(Procs).WithGogc(Gogc);

    /// <summary>A copy with the GOGC, GOMAXPROCS and release of <paramref name="settings"/> (one grammar: <see cref="GoSettings"/>).</summary>
    public AllocatorConfig WithSettings(GoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return WithVersion(settings.Version).WithProcs(settings.Procs).WithGogc(settings.Gogc);
    }

    public AllocatorConfig WithVersion(GoVersion version) => this with { Version = SizeClasses.CheckVersion(version) };

    /// <summary>GOMAXPROCS, 1 … <see cref="GoSettings.MaxProcs"/>.</summary>
    public AllocatorConfig WithProcs(int procs) => this with { Procs = GoSettings.Default.WithProcs(procs).Procs };

    /// <summary>GOGC; any negative value is off (−1), as setGCPercent stores it.</summary>
    public AllocatorConfig WithGogc(int gogc) => this with { Gogc = GoSettings.Default.WithGogc(gogc).Gogc };

    /// <summary>Checks a config built with the constructor rather than the <c>With*</c> copies.</summary>
    public AllocatorConfig Validated() => WithVersion(Version).WithProcs(Procs).WithGogc(Gogc);

    /// <summary>The smallest heap goal: heapMinimum = defaultHeapMinimum × GOGC/100.</summary>
    public long HeapMinimum => Gogc < 0 ? long.MaxValue : DefaultHeapMinimum * Gogc / 100;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Version}, GOMAXPROCS={Procs}, GOGC={(Gogc < 0 ? "off" : Gogc.ToString(CultureInfo.InvariantCulture))}");
}
