// Mirrors: runtime/metrics/sample.go and value.go (Sample{Name, Value}; Value.Uint64/Float64/Float64Histogram), Go 1.19–1.23.
// Simplified: an immutable record instead of a reusable slot filled by metrics.Read.
using System.Globalization;

namespace GoRuntimeLab.Metrics;

/// <summary>One value as <c>metrics.Read</c> returns it: a uint64, a float64 or a histogram, by <see cref="Kind"/>.</summary>
public sealed record MetricSample
{
    private MetricSample(string name, MetricKind kind, ulong u, double f, Float64Histogram? h)
    {
        Name = name;
        Kind = kind;
        Uint64 = u;
        Float64 = f;
        Histogram = h;
    }

    /// <summary>The metric's full name.</summary>
    public string Name { get; }

    /// <summary>Which of the value properties holds the value.</summary>
    public MetricKind Kind { get; }

    // CA1720: named after Go's Value.Uint64() and Value.Float64(), which is what a reader of Go code looks for.
#pragma warning disable CA1720
    /// <summary>The value of a <see cref="MetricKind.Uint64"/> metric (0 otherwise).</summary>
    public ulong Uint64 { get; }

    /// <summary>The value of a <see cref="MetricKind.Float64"/> metric (0 otherwise).</summary>
    public double Float64 { get; }
#pragma warning restore CA1720

    /// <summary>The value of a <see cref="MetricKind.Float64Histogram"/> metric (null otherwise).</summary>
    public Float64Histogram? Histogram { get; }

    /// <summary>A uint64 sample.</summary>
    public static MetricSample Of(string name, ulong value) => new(name, MetricKind.Uint64, value, 0, null);

    /// <summary>A float64 sample.</summary>
    public static MetricSample Of(string name, double value) => new(name, MetricKind.Float64, 0, value, null);

    /// <summary>A histogram sample.</summary>
    public static MetricSample Of(string name, Float64Histogram value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, MetricKind.Float64Histogram, 0, 0, value);
    }

    /// <summary>The scalar value as a double (histograms: the sample total).</summary>
    public double AsDouble => Kind switch
    {
        MetricKind.Uint64 => Uint64,
        MetricKind.Float64 => Float64,
        _ => Histogram!.Total,
    };

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        MetricKind.Uint64 => string.Create(CultureInfo.InvariantCulture, $"{Name} = {Uint64}"),
        MetricKind.Float64 => string.Create(CultureInfo.InvariantCulture, $"{Name} = {Float64:G6}"),
        _ => $"{Name} = {Histogram}",
    };
}
