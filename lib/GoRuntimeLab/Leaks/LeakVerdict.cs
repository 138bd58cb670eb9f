// Mirrors: nothing in Go; the kit's reading of a leak series: runtime/metrics trends plus the heap and goroutine
// profile diffs, the three signals a leak hunt with runtime/metrics and pprof -base looks at.
using System.Globalization;

namespace GoRuntimeLab.Leaks;

/// <summary>
/// What a series says: is live heap growing, are goroutines piling up, and where. The notebook shows
/// <see cref="Checks"/> as a table.
/// </summary>
/// <param name="Series">"scenario/mode, Go version" of the series judged.</param>
/// <param name="Heap">The trend of live heap bytes.</param>
/// <param name="Goroutines">The trend of the goroutine count.</param>
/// <param name="Criteria">The bounds used.</param>
/// <param name="TopFunction">The function of the program's own code whose in-use heap grew most from the first to the last snapshot (null: no growth in its code).</param>
/// <param name="TopStack">The goroutine stack that grew most (null: none grew).</param>
public sealed record LeakVerdict(string Series, LeakTrend Heap, LeakTrend Goroutines, LeakCriteria Criteria,
    LeakFunctionGrowth? TopFunction, GoroutineStackCount? TopStack)
{
    /// <summary>Live heap grows faster than <see cref="LeakCriteria.MaxFlatHeapBytesPerStep"/>.</summary>
    public bool HeapLeaking => Heap.Slope > Criteria.MaxFlatHeapBytesPerStep;

    /// <summary>Goroutines grow faster than <see cref="LeakCriteria.MaxFlatGoroutinesPerStep"/>.</summary>
    public bool GoroutinesLeaking => Goroutines.Slope > Criteria.MaxFlatGoroutinesPerStep;

    /// <summary>Either leaks.</summary>
    public bool Leaking => HeapLeaking || GoroutinesLeaking;

    /// <summary>The table: one row per check.</summary>
    public IReadOnlyList<LeakCheck> Checks =>
    [
        new("堆上存活字节的斜率 live heap slope", Inv($"{Heap.Slope / 1024:0.0} KiB/步 per step (R² {Heap.RSquared:0.00})"),
            Inv($"≤ {Criteria.MaxFlatHeapBytesPerStep / 1024:0.#} KiB/步"), HeapLeaking),
        new("goroutine 数的斜率 goroutine slope", Inv($"{Goroutines.Slope:0.##} 个/步 per step"),
            Inv($"≤ {Criteria.MaxFlatGoroutinesPerStep:0.##} 个/步"), GoroutinesLeaking),
        new("增长最多的自家函数 top growing function (inuse_space)",
            TopFunction is null ? "—" : Inv($"{TopFunction.Function}: +{TopFunction.Bytes / 1024.0:0.0} KiB ({TopFunction.Share:P0})") + (HeapLeaking ? "" : "（堆平稳：只是噪声 noise）"),
            "首尾快照之差 last − first", HeapLeaking),
        new("增长最多的 goroutine 栈 top growing stack",
            TopStack is null ? "—" : $"{TopStack.BlockedAt} [{TopStack.WaitsIn}]: {string.Join(" → ", TopStack.Counts)}",
            "首尾快照之差 last − first", GoroutinesLeaking),
    ];

    public override string ToString() =>
        $"{Series}: {(Leaking ? "leaking" : "flat")} — heap {Heap.Slope.ToString("0", CultureInfo.InvariantCulture)} B/step, goroutines {Goroutines.Slope.ToString("0.##", CultureInfo.InvariantCulture)}/step"
        + (HeapLeaking && TopFunction is not null ? $"; heap grows in {TopFunction.Function}" : "")
        + (GoroutinesLeaking && TopStack is not null ? $"; goroutines pile up in {TopStack.BlockedAt} [{TopStack.WaitsIn}]" : "");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
