// Mirrors: nothing in Go; one latency percentile as data/go/gateway prints it ("latency-p99-us 2758.8": the
// nearest-rank value of the sorted latencies, index round(q·(n−1))).
namespace GoRuntimeLab.Gateway;

/// <summary>One percentile of the load generator's request latencies.</summary>
/// <param name="Name">p50, p90, p99, p999 or max.</param>
/// <param name="Quantile">0.5, 0.9, 0.99, 0.999 or 1.</param>
/// <param name="Microseconds">The latency at that quantile (µs).</param>
public sealed record LatencyPercentile(string Name, double Quantile, double Microseconds);
