// Mirrors: the totals a Go program reads from runtime.MemStats (NumGC, PauseTotalNs, GCCPUFraction) after a run,
// Go 1.19–1.23. Simplified: computed from the simulated cycles.
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Gc.Simulation;

/// <summary>The outcome of <see cref="GcSimulator.Run"/>: every cycle and the run's totals.</summary>
/// <param name="Workload">What ran.</param>
/// <param name="Options">How it ran.</param>
/// <param name="Cycles">Every cycle that started during the run (the last may end just after it).</param>
/// <param name="GcCount">Cycles that finished within the run's duration (what NumGC grows by).</param>
/// <param name="PeakHeapBytes">The largest heapLive reached.</param>
/// <param name="GcCpuFraction">GC CPU (assists, the 25 % workers, pauses; idle workers excluded) over run time × GOMAXPROCS.</param>
/// <param name="NonHeapBytes">Runtime memory outside the heap assumed against GOMEMLIMIT (estimate or --other-mem).</param>
/// <param name="Series">Heap samples over time for plotting.</param>
public sealed record GcSimResult(
    GcWorkload Workload,
    GcSimOptions Options,
    IReadOnlyList<GcSimCycle> Cycles,
    int GcCount,
    ulong PeakHeapBytes,
    double GcCpuFraction,
    long NonHeapBytes,
    IReadOnlyList<GcSimSample> Series)
{
    /// <summary>
    /// The cycles before the run: those that ran while the live heap was being allocated, and the forced one
    /// (runtime.GC()) that ends the setup — as in a real gctrace of gcload. Numbered before <see cref="Cycles"/>.
    /// </summary>
    public IReadOnlyList<GcSimCycle> SetupCycles { get; init; } = [];

    /// <summary>The cycles as Go prints them with GODEBUG=gctrace=1.</summary>
    public IEnumerable<string> GcTraceLines => Cycles.Select(c => c.GcTrace);

    /// <summary>Total stop-the-world time (ns), like MemStats.PauseTotalNs.</summary>
    public long PauseTotalNs => Cycles.Sum(c => c.SweepTermNs + c.MarkTermNs);

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Options}: {GcCount} GC cycles in {Workload.DurationNs / 1e9:0.###} s, ");
        sb.Append(CultureInfo.InvariantCulture, $"peak heap {PeakHeapBytes / 1048576.0:F1} MiB, GC CPU {GcCpuFraction * 100:F1} %, ");
        sb.Append(CultureInfo.InvariantCulture, $"pauses {PauseTotalNs / 1e6:F2} ms in total");
        return sb.ToString();
    }
}
