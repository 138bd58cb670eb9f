// Mirrors: nothing in Go; the overhead per defer derived from data/go/defer/bench (go test -bench), Go 1.19–1.23 runs.
// Simplified: difference of medians per defer; the range combines the runs' extremes (a conservative spread).
using System.Globalization;

namespace GoRuntimeLab.Defer;

/// <summary>Measured extra time per defer of one kind: (benchmark − baseline) / defers per op.</summary>
/// <param name="Kind">The kind measured.</param>
/// <param name="Benchmark">The benchmark with defers.</param>
/// <param name="Baseline">The same work without defers.</param>
/// <param name="DefersPerOp">Defers executed per op.</param>
/// <param name="MedianNs">(median − baseline median) / defers.</param>
/// <param name="LowNs">(fastest − slowest baseline) / defers.</param>
/// <param name="HighNs">(slowest − fastest baseline) / defers.</param>
public sealed record DeferCost(DeferKind Kind, string Benchmark, string Baseline, int DefersPerOp, double MedianNs, double LowNs, double HighNs)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{DeferClassifier.GoName(Kind)}: {MedianNs:0.0} ns per defer ({LowNs:0.0}…{HighNs:0.0}; {Benchmark} vs {Baseline})");
}
