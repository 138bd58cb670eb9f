// Mirrors: runtime/mgcpacer.go (Go 1.19–1.23) gcControllerState.heapGoalInternal — goal = heapMarked +
// (heapMarked + stacks + globals)·GOGC/100, raised to heapMinimum = defaultHeapMinimum (4 MiB)·GOGC/100 — and the kit's
// GcSimulator for the cycle counts. Simplified: one live-heap number for the whole run (the mean of gctrace's marked MB).
using System.Globalization;

namespace GoRuntimeLab.Gateway;

/// <summary>
/// A prediction of the GC rate with the pool, made from the run without it and the allocation the pool saves, next
/// to what the run with the pool really did.
/// </summary>
/// <param name="LiveBytes">Live heap of the run without the pool (mean of its gctrace marked MB, in bytes).</param>
/// <param name="Gogc">GOGC of the runs.</param>
/// <param name="HeapGoalBytes">The heap goal the Go rule gives for that live heap (the same with and without the pool).</param>
/// <param name="SavedFraction">The share of allocation the pool saves (heap profiles' alloc_space).</param>
/// <param name="Requests">Requests of each run (the same N, so cycle counts compare directly).</param>
/// <param name="AllocBytesWithout">MemStats.TotalAlloc of the load phase without the pool.</param>
/// <param name="PredictedAllocBytesWith">AllocBytesWithout × (1 − SavedFraction).</param>
/// <param name="ActualAllocBytesWith">MemStats.TotalAlloc with the pool.</param>
/// <param name="ActualCyclesWithout">NumGC of the load phase without the pool.</param>
/// <param name="SimulatedCyclesWithout">The simulator's cycles for the run without the pool (its calibration check).</param>
/// <param name="SimulatedCyclesWith">The simulator's cycles for the predicted allocation with the pool.</param>
/// <param name="ActualCyclesWith">NumGC of the load phase with the pool.</param>
/// <param name="ElapsedSecondsWith">Load-phase duration of the run with the pool (to state rates per second).</param>
public sealed record GcRatePrediction(
    long LiveBytes, int Gogc, long HeapGoalBytes, double SavedFraction, int Requests,
    long AllocBytesWithout, long PredictedAllocBytesWith, long ActualAllocBytesWith,
    int ActualCyclesWithout, int SimulatedCyclesWithout, int SimulatedCyclesWith, int ActualCyclesWith, double ElapsedSecondsWith)
{
    /// <summary>
    /// The rule's prediction: with the live heap (so the goal) unchanged, cycles scale with allocation —
    /// ActualCyclesWithout × (1 − SavedFraction).
    /// </summary>
    public double RuleCyclesWith => ActualCyclesWithout * (1 - SavedFraction);

    /// <summary>
    /// The simulator's prediction anchored on the real run without the pool: ActualCyclesWithout ×
    /// SimulatedCyclesWith ÷ SimulatedCyclesWithout (the simulator supplies the ratio, the recording the scale).
    /// </summary>
    public double PredictedCyclesWith => (double)ActualCyclesWithout * SimulatedCyclesWith / SimulatedCyclesWithout;

    /// <summary>(PredictedCyclesWith − ActualCyclesWith) ÷ ActualCyclesWith.</summary>
    public double Error => (PredictedCyclesWith - ActualCyclesWith) / ActualCyclesWith;

    /// <summary>(SimulatedCyclesWith − ActualCyclesWith) ÷ ActualCyclesWith: the raw simulator, without the anchor.</summary>
    public double RawSimulatorError => (SimulatedCyclesWith - (double)ActualCyclesWith) / ActualCyclesWith;

    /// <summary>The predicted drop of the GC rate per request: 1 − PredictedCyclesWith ÷ ActualCyclesWithout.</summary>
    public double PredictedGcDrop => 1 - PredictedCyclesWith / ActualCyclesWithout;

    /// <summary>The real drop: 1 − ActualCyclesWith ÷ ActualCyclesWithout.</summary>
    public double ActualGcDrop => 1 - (double)ActualCyclesWith / ActualCyclesWithout;

    /// <summary>Predicted GC cycles per second at the pool run's throughput.</summary>
    public double PredictedGcPerSecondWith => PredictedCyclesWith / ElapsedSecondsWith;

    /// <summary>Real GC cycles per second of the pool run.</summary>
    public double ActualGcPerSecondWith => ActualCyclesWith / ElapsedSecondsWith;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"live {LiveBytes / 1048576.0:0.##} MiB, GOGC {Gogc}, goal {HeapGoalBytes / 1048576.0:0.##} MiB; pool saves {SavedFraction:P1} of allocation; " +
        $"GC cycles per {Requests} requests: without {ActualCyclesWithout}, predicted with {PredictedCyclesWith:0} (rule {RuleCyclesWith:0}), real {ActualCyclesWith} ({Error:+0.0%;-0.0%})");
}
