// Mirrors: nothing in Go; "N× slower" claims computed from go test -bench medians, Go 1.19–1.23 runs.
// Simplified: ratio of medians; the range uses the runs' extremes.
using System.Globalization;

namespace GoRuntimeLab.Defer;

/// <summary>How many times slower <paramref name="Benchmark"/> is than <paramref name="Baseline"/>.</summary>
/// <param name="Benchmark">The slower benchmark.</param>
/// <param name="Baseline">What it is compared with.</param>
/// <param name="Median">median / baseline median.</param>
/// <param name="Low">fastest / slowest baseline.</param>
/// <param name="High">slowest / fastest baseline.</param>
public sealed record BenchRatio(string Benchmark, string Baseline, double Median, double Low, double High)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Benchmark} / {Baseline} = {Median:0.0}× ({Low:0.0}…{High:0.0})");
}
