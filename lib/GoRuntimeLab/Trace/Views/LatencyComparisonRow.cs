// Mirrors: nothing in Go; one row of the comparison of a trace's scheduling latencies with runtime/metrics'
// /sched/latencies:seconds over the same window, by power-of-two bucket (both histograms' buckets nest in them).
// Simplified: none.
namespace GoRuntimeLab.Trace.Views;

/// <summary>
/// Waits in [<see cref="LowerNs"/>, <see cref="UpperNs"/>) ns: counted in the trace (every GoStart after a goroutine
/// became runnable) and in runtime/metrics (a sample), each also as a fraction of its total.
/// </summary>
public sealed record LatencyComparisonRow(long LowerNs, long UpperNs, long TraceCount, double TraceFraction, long MetricsCount, double MetricsFraction)
{
    /// <summary>"1µs–2µs".</summary>
    public string Label => $"{GoDuration.Format(LowerNs)}–{GoDuration.Format(UpperNs)}";
}
