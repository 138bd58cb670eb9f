// Mirrors: the scheduling latency the execution tracer reports (runnable → running), Go 1.13–1.23.
// Simplified: nearest-rank percentiles over all samples.
using static System.FormattableString;

namespace GoRuntimeLab.Sched;

/// <summary>Scheduling latency percentiles (ns): time from runnable to running.</summary>
public sealed record LatencyStats(long Count, long P50, long P90, long P99, long Max)
{
    public static LatencyStats From(IReadOnlyList<long> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) return new LatencyStats(0, 0, 0, 0, 0);
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return new LatencyStats(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1]);
    }

    private static long Rank(long[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() =>
        Invariant($"latency n={Count} p50={GoDuration.Format(P50)} p90={GoDuration.Format(P90)} p99={GoDuration.Format(P99)} max={GoDuration.Format(Max)}");
}
