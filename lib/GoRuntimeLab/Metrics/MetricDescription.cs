// Mirrors: runtime/metrics/description.go (type Description: Name, Description, Kind, Cumulative), Go 1.19–1.23.
// Simplified: nothing dropped; Path and Unit split Name at its colon as the Description doc comment defines.
using System.Globalization;

namespace GoRuntimeLab.Metrics;

/// <summary>One entry of Go's runtime/metrics table (<c>metrics.All()</c>).</summary>
/// <param name="Name">Full name including the unit, e.g. <c>/gc/heap/goal:bytes</c>.</param>
/// <param name="Kind">Value kind.</param>
/// <param name="Cumulative">True when the value (or each bucket count) only ever grows, so a rate makes sense.</param>
/// <param name="Description">Go's English description, verbatim.</param>
public sealed record MetricDescription(string Name, MetricKind Kind, bool Cumulative, string Description)
{
    /// <summary>The part before the colon: <c>/gc/heap/goal</c>.</summary>
    public string Path => Name[..Colon()];

    /// <summary>The unit after the colon: <c>bytes</c>, <c>seconds</c>, <c>gc-cycles</c>, <c>cpu-seconds</c>.</summary>
    public string Unit => Name[(Colon() + 1)..];

    private int Colon()
    {
        var i = Name.IndexOf(':', StringComparison.Ordinal);
        return i < 0 ? Name.Length : i;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} ({KindText(Kind)}{(Cumulative ? ", cumulative" : "")})");

    /// <summary>Go's spelling of a kind in metricsdump output: uint64, float64, float64Histogram.</summary>
    public static string KindText(MetricKind kind) => kind switch
    {
        MetricKind.Uint64 => "uint64",
        MetricKind.Float64 => "float64",
        MetricKind.Float64Histogram => "float64Histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown metric kind"),
    };

    /// <summary>Parses <see cref="KindText"/>'s spelling.</summary>
    public static MetricKind ParseKind(string text) => text switch
    {
        "uint64" => MetricKind.Uint64,
        "float64" => MetricKind.Float64,
        "float64Histogram" => MetricKind.Float64Histogram,
        _ => throw KitInputException.For($"\"{IO.KitText.Excerpt(text)}\" is not a metric kind (uint64, float64, float64Histogram)", parameter: "kind"),
    };
}
