// Mirrors: github.com/aclements/go-moremath stats/quantileci.go (QuantileCI: exact binomial up to n = 30, normal
// approximation with continuity correction beyond), stats/binomdist.go (BinomialDist.PMF), stats/sample.go
// (Sample.Quantile, the R8 estimator), as benchmath/anone.go (medianCI) calls them for benchstat's "± x%".
// Binomial coefficients as go-moremath's mathx.Choose computes them (exp of Go's lgamma above n = 20; see GoLgamma),
// since their last bits decide ties between the two sides of the interval for 21 ≤ n ≤ 30.
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// Distribution-free confidence intervals for a quantile (benchstat uses the median, q = 0.5, at 95 %): the number
/// of values below the population quantile is Binomial(n, q), so the interval between two order statistics covers
/// the quantile with the binomial probability of the ranks between them.
/// </summary>
public static class QuantileCi
{
    /// <summary>Above this sample size the normal approximation is used (quantileCIApproxThreshold).</summary>
    public const int ApproximationThreshold = 30;

    /// <summary>The order statistics bounding the <paramref name="q"/> quantile of a sample of <paramref name="n"/> with at least <paramref name="confidence"/>.</summary>
    public static QuantileCiResult Compute(int n, double q, double confidence) => Compute(n, q, confidence, ApproximationThreshold);

    /// <summary>
    /// As <see cref="Compute(int, double, double)"/> with the normal approximation above <paramref name="approximationThreshold"/>
    /// (Go's tests set quantileCIApproxThreshold to 0 to test the approximation on small samples).
    /// </summary>
    public static QuantileCiResult Compute(int n, double q, double confidence, int approximationThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (double.IsNaN(q) || q < 0 || q > 1) throw new ArgumentOutOfRangeException(nameof(q), q, "a quantile is in [0, 1]");
        if (double.IsNaN(confidence) || confidence <= 0) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "must be > 0");
        if (confidence >= 1) return new QuantileCiResult(q, n, 1, 0, n + 1, false);

        int l, r;
        double reached;
        var ambiguous = false;
        if (n <= approximationThreshold)
        {
            // Start at the (lower) mode of Binomial(n, q); add the more probable neighbour, the left one on ties,
            // until the confidence is reached or nothing is left.
            var x = q == 0 ? 0 : (int)Math.Ceiling((n + 1) * q) - 1;
            reached = BinomialPmf(n, q, x);
            l = x;
            r = x + 1;
            double lp = BinomialPmf(n, q, l - 1), rp = BinomialPmf(n, q, r);
            ambiguous = rp == reached;
            while (reached < confidence && (lp > 0 || rp > 0))
            {
                ambiguous = lp == rp;
                if (lp >= rp)
                {
                    reached += lp;
                    l--;
                    lp = BinomialPmf(n, q, l - 1);
                }
                else
                {
                    reached += rp;
                    r++;
                    rp = BinomialPmf(n, q, r);
                }
            }
        }
        else
        {
            var norm = new NormalDistribution(n * q, Math.Sqrt(n * q * (1 - q)));
            var alpha = (1 - confidence) / 2;
            var l1 = norm.InvCdf(alpha);
            var r1 = 2 * norm.Mu - l1;
            // Round out to k ± 0.5 bands (continuity correction) and recover the ranks.
            l = (int)Math.Floor(Math.Floor(l1 - 0.5) + 0.5) + 1;
            r = (int)Math.Floor(Math.Ceiling(r1 - 0.5) + 0.5) + 1;
            double Cdf(int lo, int hi) => norm.Cdf(hi - 0.5) - norm.Cdf(lo - 0.5);
            reached = Cdf(l, r);
            var biased = Cdf(l, r - 1);
            if (biased >= confidence && biased < reached)
            {
                reached = biased;
                ambiguous = true;
                r--;
            }
            if (l <= 0 && r >= n + 1)
            {
                reached = 1;
                ambiguous = false;
            }
        }
        return new QuantileCiResult(q, n, reached, Math.Max(l, 0), Math.Min(r, n + 1), ambiguous);
    }

    /// <summary>The <paramref name="q"/> quantile of ascending values (stats.Sample.Quantile, estimator R8: h = 1/3 + q(N + 1/3)).</summary>
    public static double SampleQuantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) return double.NaN;
        if (q <= 0) return sorted[0];
        if (q >= 1) return sorted[^1];
        var h = 1 / 3.0 + q * (sorted.Count + 1 / 3.0);
        var kf = Math.Truncate(h);
        var frac = h - kf;
        var k = (int)kf;
        if (k <= 0) return sorted[0];
        if (k >= sorted.Count) return sorted[^1];
        return sorted[k - 1] + frac * (sorted[k] - sorted[k - 1]);
    }

    /// <summary>P(X = k) for X ~ Binomial(n, p) (stats.BinomialDist.PMF, with mathx.Choose as Go computes it).</summary>
    public static double BinomialPmf(int n, double p, int k) =>
        k < 0 || k > n ? 0 : GoChoose(n, k) * Math.Pow(p, k) * Math.Pow(1 - p, n - k);

    /// <summary>
    /// go-moremath mathx.Choose: exact up to n = 20 (integer arithmetic), exp(lgamma…) beyond — so C(24, 11) is not
    /// exactly C(24, 13) there, which decides on which side benchstat's interval grows.
    /// </summary>
    public static double GoChoose(int n, int k) =>
        k == 0 || k == n ? 1 : k < 0 || n < k ? 0 : n <= 20 ? Choose(n, k) : GoLgamma.ChooseViaLgamma(n, k);

    /// <summary>The binomial coefficient C(n, k) as a double (exact while it fits 2^53).</summary>
    public static double Choose(int n, int k)
    {
        if (k < 0 || k > n) return 0;
        if (k == 0 || k == n) return 1;
        k = Math.Min(k, n - k);
        if (n <= 60)
        {
            // C(n, k) by the multiplicative formula; every partial product is an integer C(n-k+i, i).
            ulong c = 1;
            for (var i = 1; i <= k; i++) c = c / (ulong)i * (ulong)(n - k + i) + c % (ulong)i * (ulong)(n - k + i) / (ulong)i;
            return c;
        }
        var result = 1.0;
        for (var i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return Math.Round(result);
    }
}
