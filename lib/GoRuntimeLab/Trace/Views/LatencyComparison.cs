// Mirrors: cmd/trace's scheduler wait (internal/trace/goroutines.go: GoCreate/GoUnblock/GoSched/GoPreempt/GoSysExit →
// GoStart, Go 1.19/1.21) next to runtime/metrics /sched/latencies:seconds (proc.go casgstatus: _Grunnable → _Grunning
// of a tracked goroutine, Go 1.17–1.23), rebinned to powers of two of nanoseconds: the runtime's timeHistogram buckets
// (runtime/histogram.go: power-of-two super-buckets split into sub-buckets) each lie inside one of them.
// Simplified: a metrics bucket straddling a power of two (none in Go 1.19–1.23) would be counted in its lower one.
namespace GoRuntimeLab.Trace.Views;

/// <summary>The trace's latency samples and the runtime's histogram of the same run, side by side.</summary>
public static class LatencyComparison
{
    /// <summary>
    /// One row per power-of-two bucket [2^k, 2^(k+1)) ns that either side counts (values under 1 ns fall in [0, 1)),
    /// in increasing order; fractions are of each side's total (0 when a side is empty).
    /// </summary>
    public static IReadOnlyList<LatencyComparisonRow> Compare(IReadOnlyList<long> traceSamplesNs, IReadOnlyList<LatencyBucket> metrics)
    {
        ArgumentNullException.ThrowIfNull(traceSamplesNs);
        ArgumentNullException.ThrowIfNull(metrics);
        var trace = new SortedDictionary<int, long>();
        var metric = new SortedDictionary<int, long>();
        foreach (var ns in traceSamplesNs)
        {
            if (ns < 0) throw KitInputException.For($"a latency cannot be negative ({ns} ns)", parameter: "traceSamplesNs");
            Add(trace, Exponent(ns));
        }
        foreach (var b in metrics)
        {
            var lowerNs = double.IsNegativeInfinity(b.LowerSeconds) ? 0 : b.LowerSeconds * 1e9;
            Add(metric, Exponent((long)Math.Min(Math.Max(lowerNs, 0), long.MaxValue / 2)), b.Count);
        }
        double traceTotal = trace.Values.Sum(), metricTotal = metric.Values.Sum();
        return [.. trace.Keys.Union(metric.Keys).Order().Select(k =>
        {
            var (lo, hi) = k < 0 ? (0L, 1L) : (1L << k, 1L << (k + 1));
            long t = trace.GetValueOrDefault(k), m = metric.GetValueOrDefault(k);
            return new LatencyComparisonRow(lo, hi, t, traceTotal > 0 ? t / traceTotal : 0, m, metricTotal > 0 ? m / metricTotal : 0);
        })];
    }

    // floor(log2(ns)), -1 for 0 ns.
    private static int Exponent(long ns) => ns < 1 ? -1 : 63 - (int)long.LeadingZeroCount(ns);

    private static void Add(SortedDictionary<int, long> d, int k, long n = 1) => d[k] = d.GetValueOrDefault(k) + n;
}
