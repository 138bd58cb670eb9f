// Mirrors: runtime/mgcpacer_test.go (gcCycleResult.String as logged by `go test -run TestGcPacer -v`), Go 1.19–1.23.
// Simplified: heapScannable is not logged by Go, so it is absent here.
using System.Globalization;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>One cycle as recorded from real Go (raw -v log or the %.17g TSV).</summary>
/// <param name="Scenario">Go's scenario name.</param>
/// <param name="Cycle">1-based cycle number.</param>
/// <param name="Utilization">GC utilization (fraction); from a raw log only to 0.001 (Go prints %2.1f percent).</param>
/// <param name="HeapLive">heapMarked at the cycle's start.</param>
/// <param name="Trigger">triggered.</param>
/// <param name="Peak">heapLive at the end of marking.</param>
/// <param name="Goal">heapGoal at the end of marking.</param>
/// <param name="UtilizationPrecision">Half a unit of the printed precision (0.0005 for raw logs, 0 for the TSV).</param>
public sealed record PacerGoldenCycle(
    string Scenario, int Cycle, double Utilization, ulong HeapLive, ulong Trigger, ulong Peak, ulong Goal, double UtilizationPrecision)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario} {Cycle} {Utilization * 100:F1}% {HeapLive}->{Trigger}->{Peak} (goal: {Goal})");
}
