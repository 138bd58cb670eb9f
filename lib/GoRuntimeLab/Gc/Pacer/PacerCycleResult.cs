// Mirrors: runtime/mgcpacer_test.go (gcCycleResult: goalRatio, runway, triggerRatio, String), Go 1.19–1.23.
// Simplified: nothing.
using System.Globalization;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// One GC cycle of the TestGcPacer harness, as Go logs it: <c>GC n util% live-&gt;trigger-&gt;peak (goal: g)</c>.
/// </summary>
/// <param name="Cycle">1-based cycle number.</param>
/// <param name="HeapLive">heapMarked at the start of the cycle (the live heap from the previous cycle).</param>
/// <param name="HeapTrigger">triggered: where the cycle started.</param>
/// <param name="HeapPeak">heapLive when marking finished.</param>
/// <param name="HeapGoal">heapGoal() when marking finished.</param>
/// <param name="HeapScannable">Scannable part of the new live heap (simulation value; never negative).</param>
/// <param name="GcUtilization">GC CPU share of the cycle: 0.25 plus assists.</param>
public sealed record PacerCycleResult(
    int Cycle, ulong HeapLive, ulong HeapTrigger, ulong HeapGoal, ulong HeapPeak, long HeapScannable, double GcUtilization)
{
    /// <summary>goalRatio: peak / goal (1 = finished exactly at the goal).</summary>
    public double GoalRatio => (double)HeapPeak / HeapGoal;

    /// <summary>runway: goal - trigger, in bytes (as float64, like Go).</summary>
    public double Runway => unchecked(HeapGoal - HeapTrigger);

    /// <summary>triggerRatio: (trigger - live) / (goal - live).</summary>
    public double TriggerRatio => (double)unchecked(HeapTrigger - HeapLive) / unchecked(HeapGoal - HeapLive);

    /// <summary>Go's log line: "n u% live->trigger->peak (goal: g)" with u to one decimal (%2.1f).</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Cycle} {GcUtilization * 100,2:F1}% {HeapLive}->{HeapTrigger}->{HeapPeak} (goal: {HeapGoal})");
}
