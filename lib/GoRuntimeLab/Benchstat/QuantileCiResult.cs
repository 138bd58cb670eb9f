// Mirrors: github.com/aclements/go-moremath stats/quantileci.go (QuantileCIResult).
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// The confidence interval of a quantile of a sample of size <paramref name="N"/>, as two 1-based order statistics
/// (<paramref name="LoOrder"/>, <paramref name="HiOrder"/>): the interval is from the LoOrder-th smallest value to
/// the HiOrder-th; 0 or N+1 mean −∞ or +∞ (too few values for the confidence asked). <paramref name="Confidence"/>
/// is the level actually reached (≥ the one asked); <paramref name="Ambiguous"/> says an interval one place to the
/// right has the same confidence.
/// </summary>
public sealed record QuantileCiResult(double Quantile, int N, double Confidence, int LoOrder, int HiOrder, bool Ambiguous)
{
    /// <summary>The sample's quantile and the interval's bounds in <paramref name="sorted"/> (ascending, length N).</summary>
    public (double Quantile, double Lo, double Hi) SampleCi(IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count != N) throw new ArgumentException($"sample has {sorted.Count} values, the interval was computed for {N}", nameof(sorted));
        var q = QuantileCi.SampleQuantile(sorted, Quantile);
        var lo = LoOrder < 1 ? double.NegativeInfinity : sorted[LoOrder - 1];
        var hi = HiOrder - 1 >= sorted.Count ? double.PositiveInfinity : sorted[HiOrder - 1];
        return (q, lo, hi);
    }
}
