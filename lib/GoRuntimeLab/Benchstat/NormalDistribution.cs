// Mirrors: github.com/aclements/go-moremath stats/normaldist.go (NormalDist.CDF via math.Erfc, NormalDist.InvCDF:
// Acklam's rational approximation refined by one Halley step), the distribution benchstat's statistics use.
// erfc is Go's math.Erfc ported (GoErfc), since .NET has none.
namespace GoRuntimeLab.Benchstat;

/// <summary>A normal distribution with mean <paramref name="Mu"/> and standard deviation <paramref name="Sigma"/>.</summary>
public sealed record NormalDistribution(double Mu, double Sigma)
{
    /// <summary>The standard normal distribution.</summary>
    public static readonly NormalDistribution Standard = new(0, 1);

    /// <summary>P(X ≤ x) = erfc(-(x-μ)/(σ√2))/2.</summary>
    public double Cdf(double x) => Erfc(-(x - Mu) / (Sigma * Math.Sqrt(2))) / 2;

    /// <summary>The x with P(X ≤ x) = p (stats.NormalDist.InvCDF: Acklam's approximation, then one refinement step).</summary>
    public double InvCdf(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1) return double.NaN;
        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        const double pLow = 0.02425, pHigh = 1 - pLow;
        double x;
        if (p < pLow)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = Tail(q);
        }
        else if (pHigh < p)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -Tail(q);
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r
                  - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q /
                (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r
                  - 1.328068155288572e+01) * r + 1);
        }
        var e = 0.5 * Erfc(-x / Math.Sqrt(2)) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        x -= u / (1 + x * u / 2);
        return x * Sigma + Mu;

        static double Tail(double q) =>
            (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q
              + 4.374664141464968e+00) * q + 2.938163982698783e+00) /
            ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
    }

    /// <summary>The complementary error function, Go's math.Erfc (see <see cref="GoErfc"/>).</summary>
    public static double Erfc(double x) => GoErfc.Erfc(x);
}
