// Mirrors: runtime/mgc.go and mgcpacer.go through the kit's GC simulator (GcSimulator: gcStart → mark with workers and
// assists → mark termination, paced by gcControllerState, the CPU limiter on), Go 1.19–1.23.
// Simplified: the simulator runs a fixed duration, so the source runs it again with a doubled horizon when a reader
// needs later cycles; a run is a prefix of any longer one with the same seed (tested), so the cycles join up exactly.
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
    /// The last horizon (about 12 days of simulated time): a process read beyond it has no more GC cycles. Bounds the
    /// work a reader can cause (the simulator's own cycle budget applies inside each run as well).
    /// </summary>
    public const long MaxHorizonNs = 1L << 50;

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
        Options = GcSimOptions.Default.WithSettings(config.Settings).WithSeed(config.Seed).WithScanRate(config.ScanBytesPerCoreSecond);
    }

    /// <summary>What the simulator runs.</summary>
    public GcWorkload Workload { get; }

    /// <summary>How it runs it.</summary>
    public GcSimOptions Options { get; }

    /// <inheritdoc/>
    public double AllocBytesPerSecond => Workload.AllocRate;

    /// <inheritdoc/>
    public ulong InitialHeapBytes => (ulong)(Workload.LiveBytes + Workload.HolderBytes);

    /// <inheritdoc/>
    public IEnumerable<GcCycleRecord> Cycles()
    {
        var yielded = 0;
        for (var horizon = FirstHorizonNs; horizon <= MaxHorizonNs; horizon *= 2)
        {
            var run = GcSimulator.Run(Workload.WithDuration(horizon), Options, recordSeries: false);
            // Only cycles that ended within the horizon: the last one may have been cut short by the run's end.
            var complete = run.Cycles.Where(c => c.EndNs <= horizon).ToList();
            for (; yielded < complete.Count; yielded++)
            {
                var c = complete[yielded];
                yield return new GcCycleRecord(yielded + 1, c.StartNs, c.SweepTermNs, c.MarkNs, c.MarkTermNs,
                    c.HeapAtTrigger, c.HeapAtMarkEnd, c.Marked, c.Goal, c.NextGoal);
            }

            if (Options.Gogc < 0 && Options.MemoryLimit == Gc.Pacer.MemoryLimit.None && complete.Count == 0) yield break; // GC off: none ever
        }
    }
}
