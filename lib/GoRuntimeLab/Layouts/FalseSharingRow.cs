namespace GoRuntimeLab.Layouts;

/// <summary>One benchmark of data/go/falseshare: g goroutines each incrementing its own counter.</summary>
/// <param name="Op">"atomic" (atomic.AddUint64) or "plain" (*p++).</param>
/// <param name="Layout">"unpadded" (8-byte counters side by side), "pad64" or "pad128".</param>
/// <param name="Goroutines">How many goroutines (each its own counter).</param>
/// <param name="Runs">How many times it was measured (-count).</param>
/// <param name="MedianNsPerOp">Median wall time per increment, all goroutines together.</param>
/// <param name="MinNsPerOp">Fastest run.</param>
/// <param name="MaxNsPerOp">Slowest run.</param>
/// <param name="VsUnpadded">Median throughput relative to the unpadded layout with the same op and goroutines (1 for unpadded).</param>
/// <param name="BestVsUnpadded">The same ratio of the fastest runs: on a loaded machine the runs in which the goroutines
/// really ran at the same time on different cores.</param>
public sealed record FalseSharingRow(string Op, string Layout, int Goroutines, int Runs, double MedianNsPerOp, double MinNsPerOp, double MaxNsPerOp,
    double VsUnpadded, double BestVsUnpadded)
{
    /// <summary>Million increments per second, all goroutines together (1000 / median ns/op).</summary>
    public double MopsPerSecond => 1000 / MedianNsPerOp;
}
