// Mirrors: golang.org/x/perf benchmath/sample.go (DefaultThresholds.CompareAlpha = 0.05) and cmd/benchstat/main.go
// (-confidence 0.95, -alpha 0.05).
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// How benchstat judges a comparison: <see cref="Alpha"/>, the p-value at or below which a change is reported
/// (0.05), and <see cref="Confidence"/>, the level of the median's interval (0.95).
/// </summary>
public sealed record BenchstatOptions
{
    /// <summary>alpha 0.05, confidence 0.95: benchstat's defaults.</summary>
    public static readonly BenchstatOptions Default = new();

    /// <summary>The significance level: a change with p ≤ alpha is reported, otherwise "~". In (0, 1).</summary>
    public double Alpha { get; private init; } = 0.05;

    /// <summary>The confidence level of the median's interval ("± x%"). In (0, 1).</summary>
    public double Confidence { get; private init; } = 0.95;

    /// <summary>A copy with another alpha.</summary>
    /// <exception cref="KitInputException">Not strictly between 0 and 1.</exception>
    public BenchstatOptions WithAlpha(double alpha) => this with { Alpha = Check(alpha, "alpha") };

    /// <summary>A copy with another confidence level.</summary>
    /// <exception cref="KitInputException">Not strictly between 0 and 1.</exception>
    public BenchstatOptions WithConfidence(double confidence) => this with { Confidence = Check(confidence, "confidence") };

    private static double Check(double value, string parameter) =>
        double.IsFinite(value) && value > 0 && value < 1 ? value
        : throw KitInputException.For($"must be between 0 and 1 (exclusive), not {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}", parameter: parameter);
}
