// Mirrors: golang.org/x/perf benchmath/sample.go (Comparison, Comparison.String, Comparison.FormatDelta) and
// benchmath/anone.go (assumeNothing.Compare: the U-test; p = 1 with the error as a warning when it fails; the
// "need >= N samples to detect a difference" warning when neither sample could ever reach alpha).
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Benchstat;

/// <summary>
/// The U-test between the old and the new sample of one benchmark × unit: p-value, sample sizes, the alpha it is
/// judged at, and warnings. The change is significant when p ≤ alpha (benchstat prints "~" when p &gt; alpha).
/// </summary>
public sealed record BenchComparison(double P, int N1, int N2, double Alpha, IReadOnlyList<string> Warnings)
{
    /// <summary>p ≤ alpha: benchstat prints a delta, not "~".</summary>
    public bool Significant => P <= Alpha;

    /// <summary>"p=0.446 n=10", or "p=0.002 n=10+8" for samples of different sizes.</summary>
    public override string ToString()
    {
        var p = P != 0 ? $"p={GoFloatFormat.Fixed(P, 3)} " : "";
        return N1 == N2 ? $"{p}n={N1}" : $"{p}n={N1}+{N2}";
    }

    /// <summary>The change of the centers in percent (new/old − 1)·100, or null when benchstat prints "~" or "?".</summary>
    public double? DeltaPercent(double oldCenter, double newCenter) =>
        !Significant ? null : oldCenter == newCenter ? 0 : oldCenter == 0 ? null : (newCenter / oldCenter - 1.0) * 100.0;

    /// <summary>As benchstat prints the change: "-17.20%", "+3.41%", "0.00%" (equal centers), "~" (not significant), "?" (old center 0).</summary>
    public string DeltaText(double oldCenter, double newCenter) =>
        !Significant ? "~"
        : oldCenter == newCenter ? "0.00%"
        : oldCenter == 0 ? "?"
        : SignedPercent((newCenter / oldCenter - 1.0) * 100.0);

    /// <summary>Go's "%+.2f%%".</summary>
    internal static string SignedPercent(double percent)
    {
        var text = GoFloatFormat.Fixed(percent, 2);
        return (text.StartsWith('-') ? text : "+" + text) + "%";
    }
}
