using GoRuntimeLab.Metrics;

namespace GoRuntimeLab.Tests.Metrics;

/// <summary>Float64Histogram: the invariants runtime/metrics documents, and the quantile helpers.</summary>
public class Float64HistogramTests
{
    [Theory]
    [InlineData(new ulong[] { 1 }, new[] { 0.0 })]                               // one boundary
    [InlineData(new ulong[] { 1, 2 }, new[] { 0.0, 1.0 })]                       // counts ≠ boundaries − 1
    [InlineData(new ulong[] { 1, 2 }, new[] { 0.0, 2.0, 1.0 })]                  // not increasing
    [InlineData(new ulong[] { 1, 2 }, new[] { 0.0, double.PositiveInfinity, 3 })] // +Inf not last
    [InlineData(new ulong[] { 1, 2 }, new[] { 0.0, double.NegativeInfinity, 3 })] // -Inf not first
    [InlineData(new ulong[] { 1 }, new[] { 0.0, double.NaN })]
    public void Broken_invariants_are_refused(ulong[] counts, double[] buckets) =>
        Assert.Equal("buckets", Assert.Throws<KitInputException>(() => new Float64Histogram(counts, buckets)).Parameter);

    [Fact]
    public void Empty_is_allowed_and_has_no_quantile()
    {
        var h = new Float64Histogram([], []);
        Assert.Equal(0UL, h.Total);
        Assert.True(double.IsNaN(h.Quantile(0.5)));
    }

    [Fact]
    public void Quantile_interpolates_inside_the_bucket_like_histogram_quantile()
    {
        // 10 samples in [0,1), 30 in [1,2), 60 in [2,4).
        var h = new Float64Histogram([10, 30, 60], [0, 1, 2, 4]);
        Assert.Equal(100UL, h.Total);
        Assert.Equal(0.5, h.Quantile(0.05), 12);            // rank 5 of 10 in [0,1)
        Assert.Equal(1 + 20.0 / 30, h.Quantile(0.30), 12);  // rank 30: 20 of 30 into [1,2)
        Assert.Equal(4.0, h.Quantile(1), 12);
        Assert.Equal(h.Quantile(0.99), h.Percentile(99));
        Assert.Equal((2.0, 4.0, 2), h.QuantileBucket(0.5));
    }

    [Fact]
    public void Infinite_buckets_answer_with_their_finite_bound()
    {
        var h = new Float64Histogram([1, 0, 1], [double.NegativeInfinity, 0, 1, double.PositiveInfinity]);
        Assert.Equal(0.0, h.Quantile(0.5));
        Assert.Equal(1.0, h.Quantile(1));
    }

    [Fact]
    public void Minus_gives_what_happened_between_two_reads()
    {
        var a = new Float64Histogram([1, 2, 3], [0, 1, 2, 3]);
        var b = new Float64Histogram([1, 5, 4], [0, 1, 2, 3]);
        Assert.Equal([0UL, 3, 1], b.Minus(a).Counts);
        Assert.Throws<KitInputException>(() => a.Minus(b));
        Assert.Throws<KitInputException>(() => a.Minus(new Float64Histogram([1, 2, 3], [0, 1, 2, 4])));
    }

    [Fact]
    public void ToString_is_a_summary() =>
        Assert.Equal("Float64Histogram: 3 buckets [0, 4), 100 samples, p50 ≈ 2.333, p99 ≈ 3.967", new Float64Histogram([10, 30, 60], [0, 1, 2, 4]).ToString());
}
