using BenchmarkDotNet.Attributes;
using GoRuntimeLab.Gc.Simulation;

namespace GoRuntimeLab.Benchmarks;

/// <summary>
/// The GC simulator's speed (issue 3 target: a GOGC sweep of 20 values × 10 s of simulated time in &lt; 1 s), and one
/// notebook-sized run (what a parameter change in section 2.1 costs before plotting).
/// </summary>
[MemoryDiagnoser]
public class GcSimulationBenchmarks
{
    private static readonly GcWorkload TenSeconds = GcWorkload.Default.WithDuration("10s");
    private static readonly int[] TwentyGogcValues = [25, 50, 75, 100, 125, 150, 175, 200, 250, 300, 350, 400, 500, 600, 700, 800, 1000, 1200, 1600, 2000];

    [Benchmark(Description = "gc: GOGC sweep, 20 values × 10 s simulated")]
    public int GogcSweep() => GcSimulator.SweepGogc(TenSeconds, GcSimOptions.Default, TwentyGogcValues).Sum(r => r.GcCount);

    [Benchmark(Description = "gc: one 2 s run with its series (a notebook re-plot)")]
    public int NotebookRun() => GcSimulator.Run(GcWorkload.Default.WithDuration("2s"), GcSimOptions.Default).Series.Count;
}
