using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab.Tests.Gc.Pacer;

/// <summary>Harness details: scenario lookup, streams, Go's math.Sin port, determinism and speed.</summary>
public class PacerHarnessTests
{
    [Fact]
    public void Nineteen_scenarios_with_gos_names()
    {
        Assert.Equal(
            ["Steady", "SteadyBigStacks", "SteadyBigGlobals", "StepAlloc", "HeavyStepAlloc", "StepScannableFrac", "HighGOGC",
             "OscAlloc", "JitterAlloc", "HeavyJitterAlloc", "SmallHeapSlowAlloc", "MediumHeapSlowAlloc", "LargeHeapSlowAlloc",
             "SteadyMemoryLimit", "SteadyMemoryLimitNoGCPercent", "ExceedMemoryLimit", "ExceedMemoryLimitNoGCPercent",
             "MaintainMemoryLimit", "MaintainMemoryLimitNoGCPercent"],
            PacerScenarios.Names);
        Assert.Same(PacerScenarios.Get("HighGOGC"), PacerScenarios.Get("highgogc"));
        var e = Assert.Throws<KitInputException>(() => PacerScenarios.Get("Nope"));
        Assert.Equal("scenario", e.Parameter);
        Assert.Contains("Steady, SteadyBigStacks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Streams_follow_gos_generators()
    {
        static double[] Take(CycleSeries s, int n) => Enumerable.Range(0, n).Select(_ => s.Next()).ToArray();
        Assert.Equal([0, 0.25, 0.5, 0.75, 1, 1, 1], Take(CycleSeries.Ramp(1, 4), 7));
        Assert.Equal([0, 0, 5, 0, 0], Take(CycleSeries.Unit(5).Delay(2), 5));
        Assert.Equal([2, 2.5, 3, 3], Take(CycleSeries.Constant(2).Sum(CycleSeries.Ramp(1, 2)), 4));
        Assert.Equal([4096, -2048, 0], Take(CycleSeries.Constant(5000).Sum(CycleSeries.Unit(-9000).Delay(1), CycleSeries.Unit(-4000).Delay(2)).Quantize(2048), 3));
        Assert.Equal([0, 0.5, 1], Take(CycleSeries.Constant(-1).Sum(CycleSeries.Unit(1.5).Delay(1), CycleSeries.Unit(1).Delay(2).Scale(2)).Limit(0, 1), 3));
        Assert.Equal([0, 13, 0, -13, 0], Take(CycleSeries.Oscillate(13, 0, 4), 5).Select(x => Math.Round(x, 9)));
        var r = CycleSeries.Random(7, 0x53).Offset(165);
        var g = GoRuntimeLab.GoRand.GoRandom.New(0x53);
        for (var i = 0; i < 5; i++) Assert.Equal((g.Float64() - 0.5) * 2 * 7 + 165, r.Next());
        Assert.Equal("constant(2).sum(ramp(-1, 12))", PacerScenarios.Get("Steady").GrowthRate().Description);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "0.70710678118654746")]
    [InlineData(2, "1")]
    [InlineData(3, "0.70710678118654757")]
    [InlineData(4, "1.2246467991473515e-16")]
    [InlineData(5, "-0.70710678118654746")]
    [InlineData(6, "-1")]
    [InlineData(7, "-0.70710678118654768")]
    public void Go_sin_matches_go_at_the_osc_alloc_phases(int k, string go)
    {
        // Printed by Go 1.19.8: fmt.Printf("%.17g", math.Sin(float64(k)/float64(8)*2*math.Pi + 0)).
        var p = (double)k / 8 * 2 * Math.PI + 0;
        Assert.Equal(double.Parse(go, System.Globalization.CultureInfo.InvariantCulture), GoMath.Sin(p));
    }

    [Fact]
    public void Go_sin_edge_cases()
    {
        Assert.Equal(0.0, GoMath.Sin(0.0));
        Assert.True(double.IsNaN(GoMath.Sin(double.PositiveInfinity)));
        Assert.True(double.IsNaN(GoMath.Sin(double.NaN)));
        Assert.Equal(-GoMath.Sin(1.25), GoMath.Sin(-1.25));
        Assert.Throws<KitInputException>(() => GoMath.Sin(1e10));
    }

    [Fact]
    public void Runs_are_deterministic_and_fast()
    {
        var a = PacerHarness.Run("HeavyJitterAlloc", GoVersion.Go1_23);
        var b = PacerHarness.Run("HeavyJitterAlloc", GoVersion.Go1_23);
        Assert.Equal(a.Cycles, b.Cycles);
        Assert.Equal(50, a.Cycles.Count);
        Assert.Contains("HeavyJitterAlloc (go1.23): 50 cycles, PASS", a.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("GC 1 25.0% 0->3997696->", a.LogLines().First(), StringComparison.Ordinal);
        // Speed is measured by tests/GoRuntimeLab.Benchmarks (PacerBenchmarks), not here.
    }

    [Fact]
    public void Versions_1_21_and_1_22_run_the_1_23_code_path()
    {
        // Go 1.21–1.23 share the pacer rules modelled here (max-of-5, actual trigger, 3 % headroom): same rows.
        foreach (var name in PacerScenarios.Names)
        {
            var r23 = PacerHarness.Run(name, GoVersion.Go1_23).Cycles;
            Assert.Equal(r23, PacerHarness.Run(name, GoVersion.Go1_21).Cycles);
            Assert.Equal(r23, PacerHarness.Run(name, GoVersion.Go1_22).Cycles);
        }
    }

    [Fact]
    public void Go_1_20_runs_every_scenario_and_differs_from_both_neighbours()
    {
        var steady = PacerHarness.Run("Steady", GoVersion.Go1_20);
        Assert.Equal(50, steady.Cycles.Count);
        Assert.NotEqual(PacerHarness.Run("Steady", GoVersion.Go1_19).Cycles, steady.Cycles);
        Assert.NotEqual(PacerHarness.Run("Steady", GoVersion.Go1_23).Cycles, steady.Cycles);
        foreach (var s in PacerScenarios.All) Assert.NotEmpty(PacerHarness.Run(s, GoVersion.Go1_20).Cycles);
    }
}
