// Mirrors: the percentile rule of data/go/poolprobe (percentile: the ⌊p·n + 0.5⌋-th smallest, nearest rank).
namespace GoRuntimeLab.NetPool;

/// <summary>Request latencies (from asking for a connection to the end of the response), in milliseconds.</summary>
/// <param name="Count">Requests measured.</param>
/// <param name="MeanMs">Mean.</param>
/// <param name="P50Ms">Median.</param>
/// <param name="P90Ms">90th percentile.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="MaxMs">Largest.</param>
public sealed record LatencySummary(int Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    /// <summary>Summarises latencies given in nanoseconds.</summary>
    public static LatencySummary FromNanoseconds(IEnumerable<long> nanoseconds)
    {
        ArgumentNullException.ThrowIfNull(nanoseconds);
        var sorted = nanoseconds.Order().ToArray();
        if (sorted.Length == 0) return new LatencySummary(0, 0, 0, 0, 0, 0);
        double At(double p)
        {
            var i = Math.Clamp((int)(p * sorted.Length + 0.5) - 1, 0, sorted.Length - 1);
            return sorted[i] / 1e6;
        }
        return new LatencySummary(sorted.Length, sorted.Average(v => (double)v) / 1e6, At(0.50), At(0.90), At(0.99), sorted[^1] / 1e6);
    }
}
