// Mirrors: github.com/aclements/go-moremath stats/utest.go (MannWhitneyUTest with LocationDiffers, the alternative
// benchmath/anone.go assumeNothing.Compare uses; MannWhitneyExactLimit = 50, MannWhitneyTiesExactLimit = 25; normal
// approximation with tie and continuity correction beyond) and stats/udist.go (UDist.CDF: the exact distribution of U,
// with ties after Klotz 1966 / Cheung & Klotz 1997).
// Simplified: the exact distribution is computed by this kit's own dynamic programme over the tie groups (below),
// which counts the same subsets as Go's memo tables; sums of doubles may differ from Go's in the last bits.
namespace GoRuntimeLab.Benchstat;

/// <summary>The Mann–Whitney U-test (Wilcoxon rank-sum test), the comparison benchstat makes between two samples.</summary>
public static class MannWhitney
{
    /// <summary>Largest sample size for the exact distribution without ties (stats.MannWhitneyExactLimit).</summary>
    public const int ExactLimit = 50;

    /// <summary>Largest sample size for the exact distribution with ties (stats.MannWhitneyTiesExactLimit).</summary>
    public const int TiesExactLimit = 25;

    /// <summary>
    /// Tests the null hypothesis that <paramref name="x1"/> and <paramref name="x2"/> come from one population against
    /// "their locations differ" (two-sided). Null when the test is meaningless: a sample is empty ("sample is too
    /// small") or all values are equal ("all samples are equal"), the cases where Go returns an error.
    /// </summary>
    public static MannWhitneyResult? Test(IReadOnlyList<double> x1, IReadOnlyList<double> x2) => Test(x1, x2, out _);

    /// <summary>As <see cref="Test(IReadOnlyList{double}, IReadOnlyList{double})"/>; <paramref name="error"/> is Go's error text when it returns null.</summary>
    public static MannWhitneyResult? Test(IReadOnlyList<double> x1, IReadOnlyList<double> x2, out string? error)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        int n1 = x1.Count, n2 = x2.Count;
        error = null;
        if (n1 == 0 || n2 == 0)
        {
            error = "sample is too small";
            return null;
        }

        // Rank the merged sample; tied values share their average rank. ties[j] = size of the j-th group of equal values.
        var merged = x1.Select(v => (Value: v, First: true)).Concat(x2.Select(v => (Value: v, First: false)))
            .OrderBy(p => p.Value).ToArray();
        var ties = new List<int>();
        var r1 = 0.0;
        for (var i = 0; i < merged.Length;)
        {
            var start = i;
            var inFirst = 0;
            for (; i < merged.Length && merged[i].Value == merged[start].Value; i++)
                if (merged[i].First) inFirst++;
            if (inFirst != 0) r1 += (i + start + 1) / 2.0 * inFirst;
            ties.Add(i - start);
        }
        var hasTies = ties.Count < merged.Length;
        var u1 = r1 - n1 * (n1 + 1) / 2.0;
        var u2 = (double)n1 * n2 - u1;
        var uSmall = Math.Min(u1, u2);

        var exact = hasTies ? n1 <= TiesExactLimit && n2 <= TiesExactLimit : n1 <= ExactLimit && n2 <= ExactLimit;
        double p;
        if (exact)
        {
            if (ties.Count == 1)
            {
                error = "all samples are equal";
                return null;
            }
            // The distribution is discrete: doubling the CDF at U when U is the centre would count its mass twice.
            p = u1 == u2 ? 1 : 2 * ExactCdf(n1, ties, uSmall);
        }
        else
        {
            var t = ties.Sum(tj => (double)tj * tj * tj - tj);
            double n = n1 + n2;
            var mu = (double)n1 * n2 / 2;
            var sigma = Math.Sqrt((double)n1 * n2 * (n + 1 - t / (n * (n - 1))) / 12);
            if (sigma == 0)
            {
                error = "all samples are equal";
                return null;
            }
            var numer = u1 - mu;
            numer -= Math.Sign(numer) * 0.5;
            var z = numer / sigma;
            var cdf = NormalDistribution.Standard.Cdf(z);
            p = 2 * Math.Min(cdf, 1 - cdf);
        }
        return new MannWhitneyResult(n1, n2, u1, p, exact);
    }

    /// <summary>
    /// P(U ≤ <paramref name="u"/>) for the first sample's U when <paramref name="n1"/> of the ranked values, grouped into
    /// ties of the sizes <paramref name="ties"/> (ascending values), are drawn at random for the first sample.
    /// </summary>
    /// <remarks>
    /// Walk the tie groups from the smallest values up. Taking r of a group of t for the first sample, when c2 values
    /// of the second sample lie below the group, adds r·c2 pairs the first sample wins and r·(t−r) ties worth ½ each,
    /// so 2U grows by 2·r·c2 + r·(t−r), in C(t, r) ways. count[c1, 2U] is the number of draws so far with c1 values
    /// in the first sample and that 2U; the CDF is the share of the complete draws (c1 = n1) with 2U ≤ 2u.
    /// </remarks>
    public static double ExactCdf(int n1, IReadOnlyList<int> ties, double u)
    {
        ArgumentNullException.ThrowIfNull(ties);
        var n = ties.Sum();
        var n2 = n - n1;
        if (n1 < 0 || n2 < 0) throw new ArgumentOutOfRangeException(nameof(n1), n1, "more values in the first sample than in all");
        if (u < 0) return 0;
        if (u >= (double)n1 * n2) return 1;
        var maxTwoU = 2 * n1 * n2;
        var count = new double[n1 + 1, maxTwoU + 1];
        count[0, 0] = 1;
        var before = 0;
        foreach (var t in ties)
        {
            var next = new double[n1 + 1, maxTwoU + 1];
            for (var c1 = 0; c1 <= Math.Min(n1, before); c1++)
            {
                var c2 = before - c1;
                if (c2 > n2) continue;
                for (var twoU = 0; twoU <= maxTwoU; twoU++)
                {
                    var ways = count[c1, twoU];
                    if (ways == 0) continue;
                    for (var r = 0; r <= t && c1 + r <= n1; r++)
                    {
                        if (c2 + t - r > n2) continue;
                        next[c1 + r, twoU + 2 * r * c2 + r * (t - r)] += ways * QuantileCi.Choose(t, r);
                    }
                }
            }
            count = next;
            before += t;
        }
        var limit = (int)Math.Floor(2 * u);
        double below = 0, total = 0;
        for (var twoU = 0; twoU <= maxTwoU; twoU++)
        {
            total += count[n1, twoU];
            if (twoU <= limit) below += count[n1, twoU];
        }
        return below / total;
    }
}
