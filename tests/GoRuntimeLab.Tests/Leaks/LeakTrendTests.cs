using GoRuntimeLab.Leaks;

namespace GoRuntimeLab.Tests.Leaks;

/// <summary>The least-squares line, worked by hand.</summary>
public class LeakTrendTests
{
    [Fact]
    public void A_straight_line_is_fitted_exactly()
    {
        var t = LeakTrend.Fit(LeakMetric.Goroutines, [0, 1, 2, 3], [1, 3, 5, 7]);
        Assert.Equal(2.0, t.Slope, 12);
        Assert.Equal(1.0, t.Intercept, 12);
        Assert.Equal(1.0, t.RSquared, 12);
        Assert.Equal(9.0, t.At(4), 12);
    }

    [Fact]
    public void Noisy_points_give_the_textbook_least_squares_line()
    {
        // x̄ = 1.5, ȳ = 2.5; Sxy = (−1.5)(−1.5) + (−0.5)(0.5) + (0.5)(−0.5) + (1.5)(1.5) = 4, Sxx = 5 → slope 0.8, intercept 1.3.
        // ŷ = 1.3, 2.1, 2.9, 3.7; SSE = 0.09+0.81+0.81+0.09 = 1.8, SST = 5 → R² = 0.64.
        var t = LeakTrend.Fit(LeakMetric.HeapObjectsBytes, [0, 1, 2, 3], [1, 3, 2, 4]);
        Assert.Equal(0.8, t.Slope, 12);
        Assert.Equal(1.3, t.Intercept, 12);
        Assert.Equal(0.64, t.RSquared, 12);
    }

    [Fact]
    public void A_constant_series_is_flat_with_r_squared_one()
    {
        var t = LeakTrend.Fit(LeakMetric.Goroutines, [0, 1, 2], [5, 5, 5]);
        Assert.Equal(0.0, t.Slope);
        Assert.Equal(1.0, t.RSquared);
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_parameter()
    {
        Assert.Equal("steps", Assert.Throws<KitInputException>(() => LeakTrend.Fit(LeakMetric.Goroutines, [0], [1])).Parameter);
        Assert.Equal("values", Assert.Throws<KitInputException>(() => LeakTrend.Fit(LeakMetric.Goroutines, [0, 1], [1])).Parameter);
        Assert.Equal("steps", Assert.Throws<KitInputException>(() => LeakTrend.Fit(LeakMetric.Goroutines, [2, 2], [1, 3])).Parameter);
        Assert.Equal("maxFlatHeapBytesPerStep", Assert.Throws<KitInputException>(() => LeakCriteria.Default.WithMaxFlatHeapBytesPerStep(-1)).Parameter);
        Assert.Equal("maxFlatGoroutinesPerStep", Assert.Throws<KitInputException>(() => LeakCriteria.Default.WithMaxFlatGoroutinesPerStep(double.NaN)).Parameter);
    }
}
