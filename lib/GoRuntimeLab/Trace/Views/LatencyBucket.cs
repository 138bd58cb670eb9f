// Mirrors: one bucket of a runtime/metrics Float64Histogram (runtime/metrics/histogram.go: Counts[i] counts values in
// [Buckets[i], Buckets[i+1])), Go 1.17–1.23.
// Simplified: bounds are kept in seconds as the metric gives them; -Inf/+Inf bounds are allowed.
namespace GoRuntimeLab.Trace.Views;

/// <summary><see cref="Count"/> values in [<see cref="LowerSeconds"/>, <see cref="UpperSeconds"/>).</summary>
public sealed record LatencyBucket(double LowerSeconds, double UpperSeconds, long Count);
