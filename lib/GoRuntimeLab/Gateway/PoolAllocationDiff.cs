// Mirrors: go tool pprof -sample_index=alloc_space -top, and -base (github.com/google/pprof report and
// profile.Merge with the base negated), on the heap profiles runtime/pprof writes (mprof.go), Go 1.19–1.23.
// Simplified: totals and the hot spot's flat bytes; the values are the profiles' sampled estimates
// (runtime.MemProfileRate), not MemStats' exact counts.
using System.Globalization;
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Gateway;

/// <summary>
/// What the sync.Pool changed in the allocations, read from the two runs' heap profiles (alloc_space): the hot spot
/// of the run without the pool (the function with the largest flat alloc_space), its bytes in both runs, the totals,
/// and the diff's top rows (without − with).
/// </summary>
/// <param name="HotSpot">The function allocating the most bytes itself (flat) without the pool.</param>
/// <param name="HotSpotBytesWithout">Its flat alloc_space without the pool.</param>
/// <param name="HotSpotBytesWith">Its flat alloc_space with the pool (0 when absent).</param>
/// <param name="TotalWithout">Total alloc_space without the pool.</param>
/// <param name="TotalWith">Total alloc_space with the pool.</param>
/// <param name="DiffTop">-top of the diff profile (without the pool − with it), largest |flat| first.</param>
public sealed record PoolAllocationDiff(
    string HotSpot, long HotSpotBytesWithout, long HotSpotBytesWith, long TotalWithout, long TotalWith, IReadOnlyList<TopRow> DiffTop)
{
    /// <summary>The sample type compared.</summary>
    public const string SampleIndex = "alloc_space";

    /// <summary>Bytes the pool saved over the run: TotalWithout − TotalWith.</summary>
    public long SavedBytes => TotalWithout - TotalWith;

    /// <summary>The saved share of all allocation: SavedBytes ÷ TotalWithout.</summary>
    public double SavedFraction => (double)SavedBytes / TotalWithout;

    /// <summary>The hot spot's share of all allocation without the pool.</summary>
    public double HotSpotShare => (double)HotSpotBytesWithout / TotalWithout;

    /// <summary>Compares the heap profiles of a run without the pool and one with it.</summary>
    /// <exception cref="KitInputException">A profile has no alloc_space samples, or no allocation at all.</exception>
    public static PoolAllocationDiff From(PprofProfile without, PprofProfile with)
    {
        ArgumentNullException.ThrowIfNull(without);
        ArgumentNullException.ThrowIfNull(with);
        var a = without.Top(SampleIndex);
        var b = with.Top(SampleIndex);
        if (a.Total <= 0 || b.Total <= 0 || a.Rows.Count == 0)
            throw KitInputException.For("a heap profile has no allocations (alloc_space is 0)", parameter: "heapProfile", file: a.Total <= 0 ? without.Source : with.Source);
        var hot = a.Rows.MaxBy(r => r.Flat)!;
        var hotWith = b.Rows.FirstOrDefault(r => r.Function == hot.Function)?.Flat ?? 0;
        var diff = PprofProfile.Diff(with, without).Top(TopOptions.Default.WithSampleIndex(SampleIndex).WithNodeCount(10));
        return new PoolAllocationDiff(hot.Function, hot.Flat, hotWith, a.Total, b.Total, diff.Rows);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"hot spot {HotSpot}: {HotSpotBytesWithout / 1048576.0:0.0} MiB ({HotSpotShare:P0}) → {HotSpotBytesWith / 1048576.0:0.0} MiB; total {TotalWithout / 1048576.0:0.0} → {TotalWith / 1048576.0:0.0} MiB ({SavedFraction:P1} saved)");
}
