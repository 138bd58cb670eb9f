// Mirrors: Go's math/lgamma.go (Lgamma, the FreeBSD/Sun msun algorithm), Go 1.19–1.23, for whole numbers only: 1 and 2
// give 0; 3..7 give log((x-1)·…·2) (the [2, 8) branch with y = 0); from 8 on, (x-0.5)(log x - 1) + w(1/x), Stirling's
// series with msun's coefficients. go-moremath's mathx.Choose(n, k) is exp(lgamma(n+1) - lgamma(k+1) - lgamma(n-k+1))
// for n > 20, and benchstat's interval depends on its last bits (a tie between the two sides of the binomial).
namespace GoRuntimeLab.Benchstat;

/// <summary>Go's <c>math.Lgamma</c> of a whole number ≥ 1.</summary>
internal static class GoLgamma
{
    private const double W0 = 4.18938533204672725052e-01;
    private const double W1 = 8.33333333333329678849e-02;
    private const double W2 = -2.77777777728775536470e-03;
    private const double W3 = 7.93650558643019558500e-04;
    private const double W4 = -5.95187557450339963135e-04;
    private const double W5 = 8.36339918996282139126e-04;
    private const double W6 = -1.63092934096575273989e-03;

    /// <summary>log Γ(<paramref name="x"/>) as Go's math.Lgamma computes it, for x ≥ 1 whole.</summary>
    public static double OfWhole(int x)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(x, 1);
        if (x <= 2) return 0;
        if (x < 8)
        {
            // z = (y+2)(y+3)…(y+i-1) with y = 0, multiplied from the top as Go's fallthrough chain does.
            var z = 1.0;
            for (var f = x - 1; f >= 2; f--) z *= f;
            return 0.5 * 0.0 + Math.Log(z);
        }
        var t = Math.Log(x);
        var inv = 1.0 / x;
        var y = inv * inv;
        var w = W0 + inv * (W1 + y * (W2 + y * (W3 + y * (W4 + y * (W5 + y * W6)))));
        return (x - 0.5) * (t - 1) + w;
    }

    /// <summary>go-moremath mathx.Choose for n &gt; 20: exp(lchoose(n, k)), lchoose = lgamma(n+1) − lgamma(k+1) − lgamma(n−k+1).</summary>
    public static double ChooseViaLgamma(int n, int k) => Math.Exp(OfWhole(n + 1) - OfWhole(k + 1) - OfWhole(n - k + 1));
}
