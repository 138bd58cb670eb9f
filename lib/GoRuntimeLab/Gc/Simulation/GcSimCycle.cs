// Mirrors: the per-cycle values runtime/mgc.go gcMarkTermination prints with GODEBUG=gctrace=1, Go 1.19–1.23.
// Simplified: one record per simulated cycle; times are ns of simulated time since the run started.
using System.Globalization;

namespace GoRuntimeLab.Gc.Simulation;

/// <summary>One simulated GC cycle: when it ran, the heap at each phase, the pacer's numbers and the CPU it cost.</summary>
/// <param name="Number">Cycle number (1 = first cycle of the run).</param>
/// <param name="StartNs">Sweep termination began (the heap reached the trigger).</param>
/// <param name="SweepTermNs">Stop-the-world sweep termination (wall ns).</param>
/// <param name="MarkNs">Concurrent mark (wall ns).</param>
/// <param name="MarkTermNs">Stop-the-world mark termination (wall ns).</param>
/// <param name="Trigger">The pacer's trigger for this cycle (bytes).</param>
/// <param name="HeapAtTrigger">heapLive when the cycle started (gctrace's first MB number).</param>
/// <param name="HeapAtMarkEnd">heapLive at mark termination (the second).</param>
/// <param name="Marked">Bytes marked: the live heap plus what was allocated black during mark (the third).</param>
/// <param name="Goal">The heap goal of this cycle (gctrace "MB goal").</param>
/// <param name="NextGoal">The goal for the next cycle, computed at the end of this one.</param>
/// <param name="AssistCpuNs">Mutator assist CPU.</param>
/// <param name="BackgroundCpuNs">Dedicated + fractional worker CPU (the 25 %).</param>
/// <param name="IdleCpuNs">Idle-priority mark worker CPU.</param>
/// <param name="PauseCpuNs">Both pauses × GOMAXPROCS.</param>
/// <param name="LimiterOn">The GC CPU limiter was limiting at some point of the mark phase (assists skipped).</param>
/// <param name="CumulativeCpuFraction">GC CPU share since the start (gctrace's % field).</param>
/// <param name="GcTrace">The line Go would print for this cycle with GODEBUG=gctrace=1.</param>
public sealed record GcSimCycle(
    int Number,
    long StartNs,
    long SweepTermNs,
    long MarkNs,
    long MarkTermNs,
    ulong Trigger,
    ulong HeapAtTrigger,
    ulong HeapAtMarkEnd,
    ulong Marked,
    ulong Goal,
    ulong NextGoal,
    long AssistCpuNs,
    long BackgroundCpuNs,
    long IdleCpuNs,
    long PauseCpuNs,
    bool LimiterOn,
    double CumulativeCpuFraction,
    string GcTrace)
{
    /// <summary>When the cycle finished (ns).</summary>
    public long EndNs => StartNs + SweepTermNs + MarkNs + MarkTermNs;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"cycle {Number} @{StartNs / 1e9:F3}s: {HeapAtTrigger >> 20}->{HeapAtMarkEnd >> 20}->{Marked >> 20} MiB, goal {Goal >> 20} MiB, mark {MarkNs / 1e6:F1} ms{(LimiterOn ? ", limiter on" : "")}");
}
