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

    public AllocatorConfig WithVersion(GoVersion version) => this with { Version = SizeClasses.CheckVersion(version) };

    public AllocatorConfig WithProcs(int procs) => procs is >= 1 and <= 256
        ? this with { Procs = procs }
        : throw KitInputException.For($"must be 1…256, got {procs}", parameter: "procs");

    public AllocatorConfig WithGogc(int gogc) => gogc is -1 or (>= 1 and <= 100_000)
        ? this with { Gogc = gogc }
        : throw KitInputException.For($"must be −1 (off) or 1…100000, got {gogc}", parameter: "gogc");

    /// <summary>Checks a config built with the constructor rather than the <c>With*</c> copies.</summary>
    public AllocatorConfig Validated() => WithVersion(Version).WithProcs(Procs).WithGogc(Gogc);

    /// <summary>The smallest heap goal: heapMinimum = defaultHeapMinimum × GOGC/100.</summary>
    public long HeapMinimum => Gogc < 0 ? long.MaxValue : DefaultHeapMinimum * Gogc / 100;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Version}, GOMAXPROCS={Procs}, GOGC={(Gogc < 0 ? "off" : Gogc.ToString(CultureInfo.InvariantCulture))}");
}
