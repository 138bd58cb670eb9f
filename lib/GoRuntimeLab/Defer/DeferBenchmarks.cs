// Mirrors: nothing in Go; reads the benchmarks of data/go/defer/bench (go test -bench -benchmem output), Go 1.19–1.23.
// Simplified: per-defer cost = difference of medians; no statistics beyond min/max.
namespace GoRuntimeLab.Defer;

/// <summary>Turns the defer benchmarks' output into costs per defer kind and the course's "N× slower" ratios.</summary>
public static class DeferBenchmarks
{
    /// <summary>Per-defer cost of each kind, from the pairs that differ only by the defers (see bench_test.go).</summary>
    /// <exception cref="KitInputException">A benchmark of the pair is missing from the output.</exception>
    public static IReadOnlyList<DeferCost> Costs(GoBenchOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return
        [
            Cost(output, DeferKind.OpenCoded, "OpenCoded", "DirectCall", 1),
            Cost(output, DeferKind.OpenCoded, "TwoOpenCoded", "TwoDirect", 2),
            Cost(output, DeferKind.OpenCoded, "MutexDefer", "MutexDirect", 1),
            Cost(output, DeferKind.StackAllocated, "TwoStack", "TwoDirect", 2),
            Cost(output, DeferKind.HeapAllocated, "Loop100Defer", "Loop100Call", 100),
            Cost(output, DeferKind.HeapAllocated, "CourseLoop100Defer", "CourseLoop100Direct", 100),
        ];
    }

    /// <summary>The course's "defer in a loop is 37× slower", against each baseline the benchmarks have.</summary>
    /// <exception cref="KitInputException">A benchmark is missing from the output.</exception>
    public static IReadOnlyList<BenchRatio> LoopRatios(GoBenchOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return
        [
            Ratio(output, "Loop100Defer", "Loop100Inlined"),
            Ratio(output, "Loop100Defer", "Loop100Call"),
            Ratio(output, "CourseLoop100Defer", "CourseLoop100Direct"),
            Ratio(output, "CourseLoop100Defer", "Loop100Call"),
        ];
    }

    /// <summary>The per-defer cost of <paramref name="benchmark"/> over <paramref name="baseline"/>.</summary>
    public static DeferCost Cost(GoBenchOutput output, DeferKind kind, string benchmark, string baseline, int defersPerOp)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (defersPerOp < 1) throw KitInputException.For($"must be at least 1, got {defersPerOp}", parameter: nameof(defersPerOp));
        var a = output.Summary(benchmark);
        var b = output.Summary(baseline);
        return new DeferCost(kind, a.Name, b.Name, defersPerOp,
            (a.MedianNsPerOp - b.MedianNsPerOp) / defersPerOp,
            (a.MinNsPerOp - b.MaxNsPerOp) / defersPerOp,
            (a.MaxNsPerOp - b.MinNsPerOp) / defersPerOp);
    }

    /// <summary>How many times slower <paramref name="benchmark"/> is than <paramref name="baseline"/>.</summary>
    public static BenchRatio Ratio(GoBenchOutput output, string benchmark, string baseline)
    {
        ArgumentNullException.ThrowIfNull(output);
        var a = output.Summary(benchmark);
        var b = output.Summary(baseline);
        return new BenchRatio(a.Name, b.Name, a.MedianNsPerOp / b.MedianNsPerOp, a.MinNsPerOp / b.MaxNsPerOp, a.MaxNsPerOp / b.MinNsPerOp);
    }
}
