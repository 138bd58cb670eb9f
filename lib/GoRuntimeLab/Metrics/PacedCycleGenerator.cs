// Mirrors: runtime/mgcpacer.go through the kit's GcController (trigger, heapGoal, startCycle, revise, endCycle,
// resetLive, commit), Go 1.19–1.23. Simplified: a steady workload (the first LiveBytes allocated stay live, the rest
// is garbage; constant allocation rate), marking
// by the 25 % background workers only (no assists), pauses drawn log-normally around a median (not modelled costs).
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.GoRand;

namespace GoRuntimeLab.Metrics;

/// <summary>
/// An endless, deterministic sequence of GC cycles for a <see cref="ProcessConfig"/> workload, paced by the ported
/// Go pacer (<see cref="GcController"/>): each cycle starts when the heap reaches the pacer's trigger, marks the live
/// heap, stacks and globals at 25 % of GOMAXPROCS, and ends with the next goal the pacer commits. Used by
/// <see cref="SimulatedGoProcess"/> until the full GC simulator is wired in (see <see cref="GcCycleList"/>).
/// </summary>
public sealed class PacedCycleGenerator : IGcCycleSource
{
    private const long GlobalsBytes = 32 << 10;
    private readonly ProcessConfig _config;

    /// <summary>Cycles for <paramref name="config"/>.</summary>
    public PacedCycleGenerator(ProcessConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
    }

    /// <inheritdoc/>
    public double AllocBytesPerSecond => _config.AllocBytesPerSecond;

    /// <inheritdoc/>
    public ulong InitialHeapBytes => 0;

    /// <inheritdoc/>
    public IEnumerable<GcCycleRecord> Cycles()
    {
        var cfg = _config;
        var random = new GoRandom(cfg.Seed);
        var c = PacerHarness.NewGcController(cfg.Version, cfg.Gogc, cfg.MemoryLimit);
        var stack = (ulong)(cfg.Goroutines * ProcessConfig.StackBytesPerGoroutine);
        var liveTarget = (ulong)cfg.LiveBytes;
        var rate = cfg.AllocBytesPerSecond;
        ulong heap = 0; // heapLive now
        long now = 0;
        // The program builds its live set first: the first LiveBytes it allocates stay live, the rest is garbage.
        for (var n = 1; ; n++)
        {
            var (trigger, goal) = c.Trigger();
            // The heap grows at the allocation rate until it reaches the trigger (already past it: start now).
            if (trigger > heap)
            {
                // GOGC=off with no memory limit: the trigger is out of reach (mgcpacer.go: goal = ^uint64(0)), so no
                // further cycle ever starts. Likewise for any trigger the program would reach only after ~292 years.
                var wait = Math.Ceiling((trigger - heap) / rate * 1e9);
                if (!(wait < long.MaxValue - (double)now)) yield break;
                now += (long)wait;
                heap = trigger;
            }

            var start = now;
            var stw1 = Pause(random);
            c.MaxStackScan = stack;
            c.GlobalsScan = GlobalsBytes;
            c.HeapLive = heap;
            c.HeapScan = heap;
            c.StartCycle(start + stw1, cfg.Procs, GcTriggerKind.Heap);
            goal = c.HeapGoal();

            // Mark work: the live heap, the stacks and the globals, done by the background workers (25 % of
            // GOMAXPROCS: gcBackgroundUtilization) while the mutator keeps allocating (allocated black).
            var live = Math.Min(liveTarget, (ulong)(rate * (start / 1e9)));
            var work = (double)(live + stack + GlobalsBytes);
            var markNs = Math.Max(1L, (long)Math.Ceiling(work / (cfg.ScanBytesPerCoreSecond * cfg.Procs * PacerConstants.GcBackgroundUtilization) * 1e9));
            var allocated = (long)(rate * markNs / 1e9);
            PacerHarness.Revise(c, new ReviseDelta(
                HeapLive: allocated, HeapScan: allocated, HeapScanWork: (long)live, StackScanWork: (long)stack, GlobalsScanWork: GlobalsBytes));
            var heapAtTrigger = heap;
            var heapAtMarkEnd = heap + (ulong)allocated;
            var stw2 = Pause(random);

            // Objects allocated during mark are black: they survive this cycle.
            var marked = Math.Min(live + (ulong)allocated, heapAtMarkEnd);
            PacerHarness.EndCycle(c, marked, assistTime: 0, elapsed: markNs, cfg.Procs);
            var record = new GcCycleRecord(n, start, stw1, markNs, stw2, heapAtTrigger, heapAtMarkEnd, marked, goal, c.HeapGoal());
            yield return record;
            now = record.EndNs;
            heap = marked;
        }
    }

    // Log-normal around the median with σ = 0.5: pauses are short with a long tail, as in gctrace's clock times.
    private long Pause(GoRandom random) => Math.Max(1L, (long)(_config.PauseMedianNs * Math.Exp(0.5 * Normal(random))));

    /// <summary>A standard normal draw (Box–Muller on two Go math/rand Float64 values): deterministic per seed.</summary>
    internal static double Normal(GoRandom random)
    {
        var u1 = 1 - random.Float64(); // (0, 1]: the log stays finite
        var u2 = random.Float64();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
