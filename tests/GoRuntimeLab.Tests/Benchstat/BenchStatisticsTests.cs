using GoRuntimeLab.Benchstat;

namespace GoRuntimeLab.Tests.Benchstat;

/// <summary>
/// The statistics under benchstat, against the tests of github.com/aclements/go-moremath/stats (utest_test.go,
/// quantileci_test.go) that benchstat relies on.
/// </summary>
public sealed class BenchStatisticsTests
{
    private static readonly double[] S1 = [2, 1, 3, 5];
    private static readonly double[] S2 = [12, 11, 13, 15];
    private static readonly double[] S3 = [0, 4, 6, 7];
    private static readonly double[] S4 = [2, 2, 2, 2];
    private static readonly double[] S5 = [1, 1, 1, 1, 1];

    public static TheoryData<double[], double[], double, double> UTestCases => new()
    {
        // TestMannWhitneyUTest, LocationDiffers: small samples without ties, then with ties.
        { S1, S2, 0, 0.028571428571428577 },
        { S2, S1, 16, 0.028571428571428577 },
        { S1, S3, 5, 0.485714285714285770 },
        { S1, S1, 8, 1 },
        { S1, S4, 10, 0.7142857142857143 },
        { S1, S5, 17.5, 0 },
    };

    [Theory]
    [MemberData(nameof(UTestCases))]
    public void MannWhitney_SmallSamples_MatchGo(double[] x1, double[] x2, double u, double p)
    {
        var result = MannWhitney.Test(x1, x2)!;
        Assert.Equal(u, result.U);
        Assert.Equal(p, result.P, 12);
        Assert.True(result.Exact);
    }

    [Fact]
    public void MannWhitney_LargeSamples_NormalApproximation_MatchesGo()
    {
        // l1 = 0,2,…,998; l2 = -41,-39,…,1157; l3 = l2 with its first 30 values replaced by l1's (ties).
        var l1 = Enumerable.Range(0, 500).Select(i => i * 2.0).ToArray();
        var l2 = Enumerable.Range(0, 600).Select(i => i * 2.0 - 41).ToArray();
        var l3 = l2.ToArray();
        for (var i = 0; i < 30; i++) l3[i] = l1[i];
        Check(l1, l2, 135250, 0.0049335360814172224);
        Check(l1, l1, 125000, 1);
        Check(l1, l3, 134845, 0.0038703814239617884);

        static void Check(double[] a, double[] b, double u, double p)
        {
            var r = MannWhitney.Test(a, b)!;
            Assert.False(r.Exact);
            Assert.Equal(u, r.U);
            Assert.Equal(p, r.P, 12);
        }
    }

    [Fact]
    public void MannWhitney_Degenerate_IsNullWithGosError()
    {
        Assert.Null(MannWhitney.Test(S4, S4, out var equal));
        Assert.Equal("all samples are equal", equal);
        Assert.Null(MannWhitney.Test([], S1, out var empty));
        Assert.Equal("sample is too small", empty);
    }

    [Fact]
    public void MannWhitney_ExactDistribution_IsAProbabilityDistribution_AndMatchesMannWhitneyRecurrence()
    {
        // Without ties the distribution is Mann & Whitney's p_{n,m}: for n = m = 3, counts of U = 0..9 are 1,1,2,3,3,3,3,2,1,1 of 20.
        int[] counts = [1, 1, 2, 3, 3, 3, 3, 2, 1, 1];
        var ties = Enumerable.Repeat(1, 6).ToArray();
        var cumulative = 0;
        for (var u = 0; u <= 9; u++)
        {
            cumulative += counts[u];
            Assert.Equal(cumulative / 20.0, MannWhitney.ExactCdf(3, ties, u), 14);
        }
        // With ties, the CDF at the maximum is 1 and is monotone in steps of ½.
        int[] tied = [3, 1, 2, 4];
        var previous = 0.0;
        for (var twoU = 0; twoU <= 2 * 5 * 5; twoU++)
        {
            var cdf = MannWhitney.ExactCdf(5, tied, twoU / 2.0);
            Assert.True(cdf >= previous);
            previous = cdf;
        }
        Assert.Equal(1, previous);
    }

    [Fact]
    public void MannWhitney_TwoSamplesOf50_StaysFast()
    {
        var a = Enumerable.Range(0, 50).Select(i => i * 1.0).ToArray();
        var b = Enumerable.Range(0, 50).Select(i => i + 0.5).ToArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var r = MannWhitney.Test(a, b)!;
        Assert.True(r.Exact);
        Assert.InRange(r.P, 0.5, 1);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Theory]
    // TestQuantileCI, exact binomial part: (n, q, confidence) → (lo, hi, confidence reached, ambiguous).
    [InlineData(4, 0.5, 0.001, 2, 3, 0.375, false)]
    [InlineData(4, 0.25, 0.001, 1, 2, 0.421875, false)]
    [InlineData(4, 0, 0.001, 0, 1, 1, false)]
    [InlineData(4, 1, 0.001, 4, 5, 1, false)]
    [InlineData(4, 0.5, 0.375, 2, 3, 0.375, false)]
    [InlineData(4, 0.5, 0.3750001, 1, 3, 0.625, true)]
    [InlineData(4, 0.5, 1, 0, 5, 1, false)]
    [InlineData(4, 0.5, 0.99, 0, 5, 1, false)]
    [InlineData(4, 0.5, 0.99 - 0.0625, 0, 4, 0.375 + 2 * 0.25 + 0.0625, true)]
    [InlineData(5, 0.5, 0.001, 2, 3, 0.3125, true)]
    [InlineData(5, 0.5, 0.3125, 2, 3, 0.3125, true)]
    [InlineData(5, 0.5, 0.3125001, 2, 4, 0.625, false)]
    [InlineData(5, 0.5, 0.99 - 0.03125, 0, 5, 1 - 0.03125, true)]
    public void QuantileCi_Exact_MatchesGo(int n, double q, double confidence, int lo, int hi, double reached, bool ambiguous)
    {
        var r = QuantileCi.Compute(n, q, confidence);
        Assert.Equal((lo, hi, ambiguous), (r.LoOrder, r.HiOrder, r.Ambiguous));
        Assert.Equal(reached, r.Confidence, 12);
    }

    [Fact]
    public void QuantileCi_NormalApproximation_MatchesGo()
    {
        // quantileCIApproxThreshold = 0: the normal approximation on small n.
        var norm4 = Bands(4);
        Check(4, 0.001, 2, 3, norm4[2], false);
        Check(4, norm4[2], 2, 3, norm4[2], false);
        Check(4, norm4[2] + 0.00001, 1, 3, norm4[1] + norm4[2], true);
        Check(4, 1, 0, 5, 1, false);
        Check(4, 0.99, 0, 5, 1, false);
        Check(4, 0.90, 0, 4, norm4[0] + norm4[1] + norm4[2] + norm4[3], true);
        var norm5 = Bands(5);
        Check(5, 0.001, 2, 3, norm5[2], true);
        Check(5, norm5[2], 2, 3, norm5[2], true);
        Check(5, norm5[2] + 0.00001, 2, 4, norm5[2] + norm5[3], false);
        Assert.Equal((0, 1), Orders(QuantileCi.Compute(5, 0, 0.95, 0)));
        Assert.Equal((0, 1), Orders(QuantileCi.Compute(5, 0.001, 0.95, 0)));
        Assert.Equal((5, 6), Orders(QuantileCi.Compute(5, 1, 0.95, 0)));
        Assert.Equal((5, 6), Orders(QuantileCi.Compute(5, 0.999, 0.95, 0)));

        static double[] Bands(int n)
        {
            var norm = new NormalDistribution(n * 0.5, Math.Sqrt(n * 0.5 * 0.5));
            return [.. Enumerable.Range(0, n + 1).Select(i => norm.Cdf(i + 0.5) - norm.Cdf(i - 0.5))];
        }

        static void Check(int n, double confidence, int lo, int hi, double reached, bool ambiguous)
        {
            var r = QuantileCi.Compute(n, 0.5, confidence, approximationThreshold: 0);
            Assert.Equal((lo, hi, ambiguous), (r.LoOrder, r.HiOrder, r.Ambiguous));
            Assert.Equal(reached, r.Confidence, 12);
        }

        static (int, int) Orders(QuantileCiResult r) => (r.LoOrder, r.HiOrder);
    }

    [Fact]
    public void Median_IsGosR8Quantile_AndTheIntervalNeedsSixValuesAt95()
    {
        Assert.Equal(2.5, QuantileCi.SampleQuantile([1, 2, 3, 4], 0.5));
        Assert.Equal(3, QuantileCi.SampleQuantile([1, 2, 3, 4, 5], 0.5));
        var five = BenchstatComparer.Summarize([1, 2, 3, 4, 5], 0.95);
        Assert.Equal("∞", five.RangeText);
        Assert.Equal("need >= 6 samples for confidence interval at level 0.95", Assert.Single(five.Warnings));
        var six = BenchstatComparer.Summarize([100, 101, 102, 103, 104, 105], 0.95);
        Assert.Equal((100, 105), (six.Lo, six.Hi));
        Assert.Empty(six.Warnings);
        // n = 10: the interval is the 2nd to the 9th value (confidence 0.9785).
        var ten = QuantileCi.Compute(10, 0.5, 0.95);
        Assert.Equal((2, 9), (ten.LoOrder, ten.HiOrder));
        Assert.Equal(0.978515625, ten.Confidence, 12);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.004677734981047266)]
    [InlineData(3.0, 2.209049699858544e-05)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_MatchesReferenceValues(double x, double expected) =>
        Assert.Equal(expected, NormalDistribution.Erfc(x), Math.Abs(expected) * 1e-13);

    [Fact]
    public void InvCdf_InvertsCdf()
    {
        foreach (var p in new[] { 1e-6, 0.01, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999 })
            Assert.Equal(p, NormalDistribution.Standard.Cdf(NormalDistribution.Standard.InvCdf(p)), 1e-12);
        Assert.Equal(-1.959963984540054, NormalDistribution.Standard.InvCdf(0.025), 1e-12);
    }
}
