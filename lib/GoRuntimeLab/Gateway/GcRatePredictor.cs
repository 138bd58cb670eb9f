// Mirrors: runtime/mgcpacer.go (Go 1.19–1.23): gcControllerState.heapGoalInternal (goal = heapMarked +
// (heapMarked + lastStackScan + globalsScan)·GOGC/100) and commit (heapMinimum = defaultHeapMinimum·GOGC/100, 4 MiB
// at GOGC=100, the floor of the goal); the cycle counts come from the kit's GcSimulator (mgc.go + mgcpacer.go).
// Simplified: the gateway is described to the simulator as a constant live heap plus garbage at the run's average
// rate; the goroutine stacks are an estimate (gctrace prints them as 0 MB).
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Gc.Simulation;

namespace GoRuntimeLab.Gateway;

/// <summary>
/// Predicts how often the GC runs with the pool, from the run without it and the allocation the pool saves — the
/// learner's question in case 5.1 — and sets the prediction beside the run with the pool.
/// </summary>
public static class GcRatePredictor
{
    /// <summary>
    /// Goroutine stack bytes assumed scanned (a GC root in the goal since Go 1.18): the gateway has about 30
    /// goroutines (8 clients, their connections' server, readLoop and writeLoop goroutines) of 8 KiB each.
    /// </summary>
    public const long StackBytesEstimate = 256 << 10;

    /// <summary>The heap goal Go computes for a live heap (mgcpacer.go heapGoalInternal with heapMinimum as the floor).</summary>
    /// <exception cref="KitInputException">Negative sizes, or GOGC off (no goal).</exception>
    public static long HeapGoal(long liveBytes, int gogc, long stackBytes = 0, long globalsBytes = 0)
    {
        if (liveBytes < 0) throw KitInputException.For($"must be ≥ 0, not {liveBytes}", parameter: nameof(liveBytes));
        if (stackBytes < 0) throw KitInputException.For($"must be ≥ 0, not {stackBytes}", parameter: nameof(stackBytes));
        if (globalsBytes < 0) throw KitInputException.For($"must be ≥ 0, not {globalsBytes}", parameter: nameof(globalsBytes));
        if (gogc < 0) throw KitInputException.For("GOGC is off: there is no heap goal", parameter: "GOGC");
        var goal = liveBytes + (liveBytes + stackBytes + globalsBytes) * gogc / 100;  // gcPercentHeapGoal
        var heapMinimum = (long)PacerConstants.DefaultHeapMinimum * gogc / 100;      // commit: defaultHeapMinimum·GOGC/100
        return Math.Max(goal, heapMinimum);
    }

    /// <summary>
    /// Predicts the cycles of the run with the pool: the live heap (so the goal) from the run without it, its
    /// allocation reduced by <paramref name="diff"/>'s saved share, the simulator's cycle ratio applied to the real
    /// cycle count without the pool.
    /// </summary>
    /// <param name="without">The run without the pool (the learner's "before").</param>
    /// <param name="with">The run with the pool (only its real numbers are read, to compare).</param>
    /// <param name="diff">The heap profiles' comparison (the saved share of allocation).</param>
    /// <param name="seed">The simulator's seed.</param>
    /// <exception cref="KitInputException">The runs differ in requests, GOGC, GOMAXPROCS or release, or the first has no gc line.</exception>
    public static GcRatePrediction Predict(GatewayRecording without, GatewayRecording with, PoolAllocationDiff diff, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(without);
        ArgumentNullException.ThrowIfNull(with);
        ArgumentNullException.ThrowIfNull(diff);
        var a = without.Run;
        var b = with.Run;
        if (a.Pool || !b.Pool) throw KitInputException.For("the first run must be without the pool and the second with it", parameter: nameof(with));
        if (a.Requests != b.Requests || a.Gogc != b.Gogc || a.Procs != b.Procs || a.GoVersion != b.GoVersion || a.Items != b.Items)
            throw KitInputException.For("the two runs differ in requests, items, GOGC, GOMAXPROCS or Go release", parameter: nameof(with));
        if (without.GcTrace.Count == 0) throw KitInputException.For("the run without the pool has no gc line", parameter: nameof(without), file: without.Source);

        var live = (long)Math.Round(without.GcTrace.Lines.Average(l => (double)l.LiveMB) * (1 << 20));
        var goal = HeapGoal(live, a.Gogc, StackBytesEstimate);
        var predictedAlloc = (long)Math.Round(a.TotalAllocBytes * (1 - diff.SavedFraction));
        var options = GcSimOptions.Default.WithGogc(a.Gogc).WithProcs(a.Procs).WithVersion(GoSettings.ParseVersion(a.GoVersion)).WithSeed(seed);
        var objectSize = Math.Clamp((long)Math.Round((double)a.TotalAllocBytes / Math.Max(1, a.Mallocs)), 16, 32 << 10);
        var workload = GcWorkload.Default
            .WithLive(live).WithObjectSize(objectSize).WithStacks(StackBytesEstimate).WithGoroutines(a.Procs)
            .WithDuration(a.ElapsedNs);
        var simWithout = GcSimulator.Run(workload.WithAllocRate(a.TotalAllocBytes / a.ElapsedSeconds), options, recordSeries: false);
        var simWith = GcSimulator.Run(workload.WithAllocRate(predictedAlloc / a.ElapsedSeconds), options, recordSeries: false);
        return new GcRatePrediction(live, a.Gogc, goal, diff.SavedFraction, a.Requests, a.TotalAllocBytes, predictedAlloc, b.TotalAllocBytes,
            a.NumGc, simWithout.GcCount, simWith.GcCount, b.NumGc, b.ElapsedSeconds);
    }
}
