// Mirrors: golang.org/x/perf benchmath/sample.go (Summary, Summary.PctRangeString) and benchmath/anone.go
// (assumeNothing.Summary: the median and its order-statistic confidence interval, the "need >= N samples" warning).
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Benchstat;

/// <summary>
/// A sample of one benchmark × unit summarised as benchstat does by default: the median (<paramref name="Center"/>),
/// the confidence interval of the median [<paramref name="Lo"/>, <paramref name="Hi"/>] (±∞ when the sample is too
/// small), the confidence actually reached, the number of values, and warnings to show with it.
/// </summary>
public sealed record BenchSummary(double Center, double Lo, double Hi, double Confidence, int N, IReadOnlyList<string> Warnings)
{
    /// <summary>The interval's half-width as a share of the center (the larger side), or null when it cannot be one (∞, or bounds of another sign).</summary>
    public double? RangeFraction =>
        double.IsInfinity(Lo) || double.IsInfinity(Hi) || Math.Sign(Center) != Math.Sign(Lo) || Math.Sign(Center) != Math.Sign(Hi) ? null
        : Center == 0 ? 0
        : Math.Max(Hi / Center - 1, 1 - Lo / Center);

    /// <summary>As benchstat prints it after "±": "1%", "∞" (too few values), "?" (bounds of another sign than the center).</summary>
    public string RangeText =>
        double.IsInfinity(Lo) || double.IsInfinity(Hi) ? "∞"
        : RangeFraction is { } f ? GoFloatFormat.Fixed(100 * f, 0) + "%"
        : "?";
}
