// Mirrors: runtime/mgcpacer.go (gcControllerState.endCycle: consMarkController 1.18–1.19; lastConsMark float64 1.20;
// lastConsMark [4]float64 1.21+). Simplified: a label for the rule; the rule itself lives in GcController.EndCycle.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>How a Go release smooths the per-cycle cons/mark measurement into the estimate used for the runway.</summary>
public enum ConsMarkSmoothing
{
    /// <summary>Go 1.18–1.19: a PI controller (kp 0.9, ti 4, tt 1000, output ±1000).</summary>
    PiController,

    /// <summary>Go 1.20: the mean of the current and the previous measurement (commit 1073818f, #53892).</summary>
    MovingAverage,

    /// <summary>Go 1.21+: the maximum of the current and the four previous measurements (commit b513bd80).</summary>
    MaxOfLastFive,
}
