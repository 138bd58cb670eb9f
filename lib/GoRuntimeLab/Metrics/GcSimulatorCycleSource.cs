// Mirrors: runtime/mgc.go and mgcpacer.go through the kit's GC simulator (GcSimulator: gcStart → mark with workers and
// assists → mark termination, paced by gcControllerState, the CPU limiter on), Go 1.19–1.23.
// Simplified: the simulator runs a fixed duration, so the source runs it again with a doubled horizon when a reader
// needs later cycles; a run is a prefix of any longer one with the same seed (tested), so the cycles join up exactly.
// Past the last horizon (73 min) the workload is steady, and the second half of that run repeats, shifted in time.
using GoRuntimeLab.Gc.Simulation;

namespace GoRuntimeLab.Metrics;

/// <summary>
/// The GC cycles of a <see cref="SimulatedGoProcess"/> from the kit's full GC simulator (<see cref="GcSimulator"/>): the
/// process's live heap, allocation rate, object size and goroutine stacks become a <see cref="GcWorkload"/>, its Go
/// settings and seed the <see cref="GcSimOptions"/>. Cycles are produced lazily, without end while GC runs; with GOGC=off
/// and no memory limit there is none after the setup, as in Go.
/// </summary>
public sealed class GcSimulatorCycleSource : IGcCycleSource
{
    /// <summary>The first horizon simulated (s of simulated time); each further run doubles it.</summary>
    public const long FirstHorizonNs = 16_000_000_000;

    /// <summary>
    /// The last horizon simulated (2^42 ns, about 73 minutes): about a second of work in all. Beyond it the process's
    /// steady state repeats (see <see cref="Cycles"/>), so reading far ahead costs nothing more.
    /// </summary>
    public const long MaxHorizonNs = 1L << 42;

    /// <summary>Scannable globals of the simulated program (data+bss), as the GC simulator's default workload.</summary>
    public const long GlobalsBytes = 32 << 10;

    /// <summary>The source for <paramref name="config"/>.</summary>
    public GcSimulatorCycleSource(ProcessConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Workload = GcWorkload.Default
            .WithLive(config.LiveBytes)
            .WithObjectSize(config.ObjectSize)
            .WithPointers(true)
            .WithAllocRate(config.AllocBytesPerSecond)
            .WithStacks(config.Goroutines * ProcessConfig.StackBytesPerGoroutine)
            .WithGlobals(GlobalsBytes)
            .WithDuration(FirstHorizonNs);
        Options = GcSimOptions.Default.WithSettings(config.Settings).WithSeed(config.Seed).WithScanRate(config.ScanBytesPerCoreSecond)
            .WithPauses((long)config.PauseMedianNs, (long)config.PauseMedianNs);
    }

    /// <summary>What the simulator runs.</summary>
    public GcWorkload Workload { get; }

    /// <summary>How it runs it.</summary>
    public GcSimOptions Options { get; }

    /// <inheritdoc/>
    public double AllocBytesPerSecond => Workload.AllocRate;

    /// <inheritdoc/>
    public ulong InitialHeapBytes => (ulong)(Workload.LiveBytes + Workload.HolderBytes);

    /// <summary>
    /// The cycles in time order: those of ever longer simulator runs up to <see cref="MaxHorizonNs"/>, then the cycles of
    /// the last run's second half, repeated every half horizon (the workload is steady, so is the pacer by then).
    /// </summary>
    public IEnumerable<GcCycleRecord> Cycles()
    {
        var yielded = 0;
        List<Gc.Simulation.GcSimCycle> complete = [];
        for (var horizon = FirstHorizonNs; horizon <= MaxHorizonNs; horizon *= 2)
        {
            var run = GcSimulator.Run(Workload.WithDuration(horizon), Options, recordSeries: false);
            // Only cycles that ended within the horizon: the last one may have been cut short by the run's end.
            complete = run.Cycles.Where(c => c.EndNs <= horizon).ToList();
            for (; yielded < complete.Count; yielded++) yield return Record(yielded + 1, complete[yielded], 0);
            if (complete.Count == 0) yield break; // GOGC=off and no limit reached: no cycle ever, as in Go
        }

        const long half = MaxHorizonNs / 2;
        var steady = complete.Where(c => c.StartNs >= half).ToList();
        if (steady.Count == 0) yield break;
        for (long shift = half; ; shift += half)
            foreach (var c in steady)
                yield return Record(++yielded, c, shift);
    }

    private static GcCycleRecord Record(int number, Gc.Simulation.GcSimCycle c, long shiftNs) =>
        new(number, c.StartNs + shiftNs, c.SweepTermNs, c.MarkNs, c.MarkTermNs, c.HeapAtTrigger, c.HeapAtMarkEnd, c.Marked, c.Goal, c.NextGoal);
}
