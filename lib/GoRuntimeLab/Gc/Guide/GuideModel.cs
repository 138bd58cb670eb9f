// Mirrors: golang/website _content/doc/gc-guide.js (gcModel, computeHeapGoal, emit; the footer of StackedAreaChart's
// update), the GC guide of Go 1.19+. Simplified as the page says: the application is paused during a GC, GC work is the live heap only (no roots), no sweeping, no GC CPU limiter.
namespace GoRuntimeLab.Gc.Guide;

/// <summary>
/// The interactive model of the Go GC guide (go.dev/doc/gc-guide), ported statement by statement from the page's
/// JavaScript so that it gives the same numbers (tested against the real JS run under node:
/// data/oracles/gc-guide/golden.json). Deterministic: no randomness, same inputs give identical output.
/// </summary>
public static class GuideModel
{
    /// <summary>The Go GC's minimum total heap (MiB): gcModel's minHeapGoal (heapminimum = 4 MiB in mgcpacer.go).</summary>
    public const double MinHeapGoal = 4;

    /// <summary>The smallest step the goal keeps above the live heap (MiB): gcModel's 0.0625, so a cycle always allocates something.</summary>
    public const double MinHeadroom = 0.0625;

    /// <summary>Refuse runs longer than this many GC cycles (a limit far below the live heap makes the model thrash
    /// in 1/16-MiB steps; the page's own sliders stay below ~20 000).</summary>
    public const int MaxCycles = 2_000_000;

    /// <summary>With trackLive every point carries one value per GC cycle (memory grows as points × cycles), so
    /// such runs stop at this many cycles.</summary>
    public const int MaxTrackLiveCycles = 5_000;

    /// <summary>Runs <paramref name="workload"/> under <paramref name="config"/> (default: <see cref="GuideConfig.Default"/>).</summary>
    /// <exception cref="KitInputException">The run would exceed <see cref="MaxCycles"/> GC cycles
    /// (<see cref="MaxTrackLiveCycles"/> with <see cref="GuideConfig.TrackLive"/>).</exception>
    public static GuideResult Run(GuideWorkload workload, GuideConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        config ??= GuideConfig.Default;
        var otherMem = config.OtherMem;
        var gogc = config.GogcValue;
        var memoryLimit = config.MemoryLimit;
        var initialLive = config.InitialLive;
        var trackLive = config.TrackLive;
        var fixedWindow = config.FixedWindow ?? double.PositiveInfinity;
        var data = new List<GuidePoint>();

        double t = 0;
        var liveHeap = initialLive;
        double newHeap = 0;
        var liveFromCycle = new List<double> { initialLive, 0 };
        var cycles = 0;

        double ComputeHeapGoal(double live)
        {
            // The GOGC goal: live*(1+GOGC/100); off means no goal of its own.
            var heapGoal = live * (1.0 + (gogc / 100));
            if (double.IsPositiveInfinity(gogc)) heapGoal = double.PositiveInfinity;
            // The memory limit caps the heap at what other memory leaves of it (Go 1.19's memory limit).
            if (heapGoal + otherMem > memoryLimit) heapGoal = memoryLimit - otherMem;
            // The 4 MiB minimum heap applies only while GOGC is on (with GOGC off only the limit triggers a GC).
            if (!double.IsPositiveInfinity(gogc) && heapGoal < MinHeapGoal) heapGoal = MinHeapGoal;
            // Never a goal at or below the live heap: the cycle must allocate something, or the model would loop.
            if (heapGoal < live + MinHeadroom) heapGoal = live + MinHeadroom;
            return heapGoal;
        }

        // The first goal is computed from a fake live heap that gives exactly the minimum heap under GOGC.
        var heapGoal = ComputeHeapGoal(MinHeapGoal / (1 + gogc / 100));
        if (initialLive != 0) heapGoal = ComputeHeapGoal(initialLive);

        void Emit() => data.Add(new GuidePoint(t, otherMem, liveHeap, newHeap, trackLive ? [.. liveFromCycle] : []));

        Emit();
        double nextLive = 0, nextWillLive = 0, nextWillDie = 0, totalMutTime = 0;
        foreach (var work in workload.Phases)
        {
            var left = work.Duration;
            var lastLive = liveHeap + nextLive;
            // A phase adds duration*allocRate*newSurvival of live memory and kills oldDeath of what was live at its start,
            // spread evenly over its mutator time.
            var willLive = work.Duration * work.AllocRate * work.NewSurvivalRate;
            var willDie = lastLive * work.OldDeathRate;
            while (left > 0)
            {
                if (t >= fixedWindow) break;
                if (t + left > fixedWindow) left = fixedWindow - t;
                var alloc = left * work.AllocRate;
                var endCycle = false;
                // Allocation runs until live+new reaches the goal; then the GC runs (the application is paused).
                if (liveHeap + newHeap + alloc > heapGoal)
                {
                    alloc = heapGoal - liveHeap - newHeap;
                    endCycle = true;
                }
                newHeap += alloc;

                var mutTime = alloc / work.AllocRate;
                left -= mutTime;
                t += mutTime;
                totalMutTime += mutTime;
                nextLive += (willLive - willDie) * (mutTime / work.Duration);

                // Per-GC live memory (trackLive): what this stretch made live and killed.
                nextWillLive += willLive * (mutTime / work.Duration);
                nextWillDie += willDie * (mutTime / work.Duration);
                liveFromCycle[^1] = newHeap;

                if (endCycle)
                {
                    if (++cycles > (trackLive ? MaxTrackLiveCycles : MaxCycles))
                        throw KitInputException.For($"the run needs more than {(trackLive ? MaxTrackLiveCycles : MaxCycles)} GC cycles{(trackLive ? " with trackLive" : "")} (the memory limit is far below the live heap, or GOGC is tiny); raise the limit or GOGC", parameter: "memoryLimit");
                    Emit();

                    // The GC finds the live heap; deaths are taken from the oldest cycles' memory first.
                    liveHeap += nextLive;
                    for (var i = 0; i < liveFromCycle.Count; i++)
                    {
                        var live = liveFromCycle[i];
                        if (live > 0)
                        {
                            if (live > nextWillDie)
                            {
                                liveFromCycle[i] -= nextWillDie;
                                nextWillDie = 0;
                                break;
                            }
                            nextWillDie -= live;
                            liveFromCycle[i] = 0;
                        }
                    }
                    liveFromCycle[^1] = nextWillLive;

                    nextLive = 0;
                    nextWillLive = 0;
                    nextWillDie = 0;
                    newHeap = 0;
                    // GC cost: scanning the live heap (no roots in this model) plus a fixed cost per cycle.
                    var gcTime = liveHeap / work.ScanRate + config.FixedCost;
                    t += gcTime;

                    Emit();

                    heapGoal = ComputeHeapGoal(liveHeap);
                    liveFromCycle.Add(newHeap);
                }
            }
            Emit();
        }

        if (trackLive)
        {
            // Earlier points lack the later cycles' series; the page fills them with 0.
            for (var i = 0; i < data.Count; i++)
            {
                var p = data[i];
                if (p.LiveFromGc.Count < liveFromCycle.Count)
                    data[i] = p with { LiveFromGc = [.. p.LiveFromGc, .. Enumerable.Repeat(0.0, liveFromCycle.Count - p.LiveFromGc.Count)] };
            }
        }

        // The footer (StackedAreaChart.update): total = the x extent's end, peak = the stack's highest top.
        double totalTime = double.NegativeInfinity, peakMem = double.NegativeInfinity, peakLive = double.NegativeInfinity;
        foreach (var p in data)
        {
            totalTime = Math.Max(totalTime, p.T);
            peakMem = Math.Max(peakMem, p.Total);
            peakLive = Math.Max(peakLive, p.Live);
        }
        var gcCpuPercent = (totalTime - totalMutTime) / totalTime * 100;
        return new GuideResult(workload, config, peakMem, gcCpuPercent, totalTime, totalMutTime, cycles, peakLive, data.AsReadOnly());
    }
}
