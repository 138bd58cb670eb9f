// Mirrors: nothing in Go; an ordinary least-squares line through a metric's values per step (what a dashboard's
// "deriv"/trend line does), used on data/go/leakhunt's runtime/metrics samples.
namespace GoRuntimeLab.Leaks;

/// <summary>
/// The least-squares line y = Intercept + Slope·step through (step, value) points: Slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²,
/// Intercept = ȳ − Slope·x̄; RSquared = 1 − Σ(y−ŷ)² / Σ(y−ȳ)² (1 when every value is the same).
/// </summary>
/// <param name="Metric">The metric fitted.</param>
/// <param name="Steps">The x values (step numbers).</param>
/// <param name="Values">The y values.</param>
/// <param name="Slope">Change per step (bytes, goroutines, … per step).</param>
/// <param name="Intercept">The fitted value at step 0.</param>
/// <param name="RSquared">How well the line explains the values (0–1).</param>
public sealed record LeakTrend(LeakMetric Metric, IReadOnlyList<int> Steps, IReadOnlyList<long> Values, double Slope, double Intercept, double RSquared)
{
    /// <summary>Fits the line through <paramref name="steps"/> and <paramref name="values"/> (at least two distinct steps).</summary>
    /// <exception cref="KitInputException">Fewer than two points, lengths differ, or every step is the same.</exception>
    public static LeakTrend Fit(LeakMetric metric, IReadOnlyList<int> steps, IReadOnlyList<long> values)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(values);
        if (steps.Count != values.Count)
            throw KitInputException.For($"{steps.Count} steps but {values.Count} values", parameter: "values");
        if (steps.Count < 2)
            throw KitInputException.For($"a trend needs at least 2 snapshots, not {steps.Count}", parameter: "steps");
        var mx = steps.Average(s => (double)s);
        var my = values.Average(v => (double)v);
        double sxx = 0, sxy = 0, syy = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var dx = steps[i] - mx;
            var dy = values[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0)
            throw KitInputException.For("every snapshot has the same step", parameter: "steps");
        var slope = sxy / sxx;
        var intercept = my - slope * mx;
        double sse = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var r = values[i] - (intercept + slope * steps[i]);
            sse += r * r;
        }
        var r2 = syy == 0 ? 1 : Math.Max(0, 1 - sse / syy);
        return new LeakTrend(metric, steps.ToList(), values.ToList(), slope, intercept, r2);
    }

    /// <summary>The fitted value at <paramref name="step"/>.</summary>
    public double At(double step) => Intercept + Slope * step;

    public override string ToString() => FormattableString.Invariant($"{Metric}: {Slope:0.##} per step (R² {RSquared:0.000}) over {Steps.Count} snapshots");
}
