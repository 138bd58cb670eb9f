using BenchmarkDotNet.Attributes;
using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab.Benchmarks;

/// <summary>Go's TestGcPacer scenarios on the ported pacer: what a notebook re-plot of a scenario costs.</summary>
public class PacerBenchmarks
{
    [Benchmark(Description = "pacer: Steady, 50 cycles (Go 1.23)")]
    public int Steady() => PacerHarness.Run("Steady", GoVersion.Go1_23).Cycles.Count;

    [Benchmark(Description = "pacer: all 19 scenarios (Go 1.19)")]
    public int AllScenarios()
    {
        var n = 0;
        foreach (var s in PacerScenarios.All) n += PacerHarness.Run(s, GoVersion.Go1_19).Cycles.Count;
        return n;
    }
}
