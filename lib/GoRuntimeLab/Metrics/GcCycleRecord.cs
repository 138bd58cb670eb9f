// Mirrors: what runtime/mgc.go records per GC cycle for runtime/metrics (gcStart/gcMarkDone/gcMarkTermination:
// the two stop-the-world pauses, the heap at trigger, at mark end, marked, the goal), Go 1.19–1.23.
// Simplified: one record per cycle with wall times in ns of simulated time; no per-P or CPU-class detail.
using System.Globalization;

namespace GoRuntimeLab.Metrics;

/// <summary>One GC cycle as a <see cref="SimulatedGoProcess"/> sees it (from any <see cref="IGcCycleSource"/>).</summary>
/// <param name="Number">1 for the first cycle.</param>
/// <param name="StartNs">When sweep termination (stop-the-world 1) began, ns since the process started.</param>
/// <param name="SweepTermPauseNs">Stop-the-world 1 (sweep termination) wall time.</param>
/// <param name="MarkNs">Concurrent mark wall time.</param>
/// <param name="MarkTermPauseNs">Stop-the-world 2 (mark termination) wall time.</param>
/// <param name="HeapAtTrigger">heapLive when the cycle started.</param>
/// <param name="HeapAtMarkEnd">heapLive at mark termination.</param>
/// <param name="MarkedBytes">Bytes marked live (the heap right after the cycle).</param>
/// <param name="HeapGoal">The heap goal during this cycle.</param>
/// <param name="NextGoal">The heap goal set at the end of this cycle (what /gc/heap/goal:bytes reads until the next).</param>
/// <param name="Forced">A runtime.GC() call rather than the heap trigger (counts in /gc/cycles/forced).</param>
public sealed record GcCycleRecord(
    int Number,
    long StartNs,
    long SweepTermPauseNs,
    long MarkNs,
    long MarkTermPauseNs,
    ulong HeapAtTrigger,
    ulong HeapAtMarkEnd,
    ulong MarkedBytes,
    ulong HeapGoal,
    ulong NextGoal,
    bool Forced = false)
{
    /// <summary>When mark termination ended (ns).</summary>
    public long EndNs => StartNs + SweepTermPauseNs + MarkNs + MarkTermPauseNs;

    /// <summary>When stop-the-world 1 ended and concurrent mark began.</summary>
    public long MarkStartNs => StartNs + SweepTermPauseNs;

    /// <summary>When stop-the-world 2 began.</summary>
    public long MarkTermStartNs => StartNs + SweepTermPauseNs + MarkNs;

    /// <summary>Both pauses (what MemStats.PauseNs records per cycle and go_gc_duration_seconds observes).</summary>
    public long TotalPauseNs => SweepTermPauseNs + MarkTermPauseNs;

    /// <summary>Checks the record is self-consistent (non-negative times, heap sizes in order).</summary>
    public GcCycleRecord Validated()
    {
        if (Number < 1) throw KitInputException.For(Fmt($"cycle number must be ≥ 1, not {Number}"), parameter: "cycle");
        if (StartNs < 0 || SweepTermPauseNs < 0 || MarkNs < 0 || MarkTermPauseNs < 0)
            throw KitInputException.For(Fmt($"cycle {Number}: times must be ≥ 0 ns"), parameter: "cycle");
        if (HeapAtMarkEnd < HeapAtTrigger)
            throw KitInputException.For(Fmt($"cycle {Number}: heap at mark end ({HeapAtMarkEnd}) below heap at trigger ({HeapAtTrigger})"), parameter: "cycle");
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => Fmt(
        $"GC {Number} @{StartNs / 1e9:F3}s: {HeapAtTrigger >> 20}->{HeapAtMarkEnd >> 20}->{MarkedBytes >> 20} MiB, goal {HeapGoal >> 20} MiB, pauses {SweepTermPauseNs / 1e3:F0}+{MarkTermPauseNs / 1e3:F0} µs, mark {MarkNs / 1e6:F2} ms");

    private static string Fmt(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
}
