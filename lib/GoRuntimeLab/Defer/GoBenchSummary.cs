// Mirrors: what benchstat reports per benchmark (median of the runs, spread), Go 1.19–1.23 output.
// Simplified: min–max spread instead of benchstat's confidence interval; no significance test.
using System.Globalization;

namespace GoRuntimeLab.Defer;

/// <summary>All runs of one benchmark (e.g. -count 6): median and spread.</summary>
/// <param name="Name">Benchmark name without the -GOMAXPROCS suffix.</param>
/// <param name="Procs">GOMAXPROCS.</param>
/// <param name="Runs">Number of result lines.</param>
/// <param name="MedianNsPerOp">Median ns/op (the mean of the two middle runs for an even count).</param>
/// <param name="MinNsPerOp">Fastest run.</param>
/// <param name="MaxNsPerOp">Slowest run.</param>
/// <param name="MedianBytesPerOp">Median B/op, when measured.</param>
/// <param name="MedianAllocsPerOp">Median allocs/op, when measured.</param>
public sealed record GoBenchSummary(string Name, int Procs, int Runs, double MedianNsPerOp, double MinNsPerOp, double MaxNsPerOp,
    double? MedianBytesPerOp, double? MedianAllocsPerOp)
{
    /// <summary>(max − min) / median: 0.05 means the runs span 5 % of the median.</summary>
    public double Spread => MedianNsPerOp == 0 ? 0 : (MaxNsPerOp - MinNsPerOp) / MedianNsPerOp;

    /// <summary>Median of the values (mean of the two middle ones for an even count).</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static double Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: median {MedianNsPerOp:0.###} ns/op ({MinNsPerOp:0.###}–{MaxNsPerOp:0.###}, {Runs} runs)");
}
