// Mirrors: nothing in Go; data/go/zerocopy's results of several Go releases side by side (ZeroCopyBench.Compare).
namespace GoRuntimeLab.ZeroCopy;

/// <summary>One case and size across Go releases; each list is aligned with <see cref="Versions"/> (null: not run there).</summary>
public sealed record ZeroCopyVersionsRow(ZeroCopyCase Case, string Size, IReadOnlyList<string> Versions,
    IReadOnlyList<long?> AllocsPerOp, IReadOnlyList<long?> BytesPerOp, IReadOnlyList<double?> MedianNsPerOp)
{
    /// <summary>The benchmark name without "Benchmark" and GOMAXPROCS.</summary>
    public string Name => $"{Case.Family}/{Size}";

    /// <summary>True when every release that ran the case made the same number of allocations.</summary>
    public bool SameAllocs => AllocsPerOp.Where(a => a is not null).Distinct().Count() == 1;
}
