// Mirrors: one runtime/metrics Float64Histogram as data/go/metricsdump prints it (len(Counts), Buckets, sum of Counts).
// Simplified: the per-bucket counts are not recorded (they vary run to run); the layout and total are.
using System.Globalization;

namespace GoRuntimeLab.Metrics;

/// <summary>A real histogram's layout: boundaries (exact float64) and how many samples it held.</summary>
public sealed record MetricsDumpHistogram(string Name, int Counts, IReadOnlyList<double> Buckets, ulong Total)
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name}: {Counts} buckets, {Total} samples");
}
