// Mirrors: prometheus/client_golang go_collector_latest.go (batchHistogram.Write: dto.Histogram with cumulative buckets),
// i.e. what a runtime/metrics histogram becomes in the exposition. Simplified: a plain record, no protobuf.
using System.Globalization;

namespace GoRuntimeLab.Metrics;

/// <summary>A Prometheus histogram derived from a runtime/metrics one (see <see cref="PrometheusNaming.ToPrometheus"/>).</summary>
/// <param name="UpperBounds">Inclusive <c>le</c> bounds, without +Inf.</param>
/// <param name="CumulativeCounts">Samples ≤ each bound.</param>
/// <param name="Count">All samples (the +Inf bucket).</param>
/// <param name="Sum">The Go client's estimated sum (lower bounds × counts).</param>
/// <param name="LowerBounds">The reduced runtime/metrics boundaries (inclusive lower bounds, +Inf last).</param>
public sealed record PrometheusHistogram(
    IReadOnlyList<double> UpperBounds,
    IReadOnlyList<ulong> CumulativeCounts,
    ulong Count,
    double Sum,
    IReadOnlyList<double> LowerBounds)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{UpperBounds.Count} le buckets + Inf, count {Count}, sum {Sum:G6}");
}
