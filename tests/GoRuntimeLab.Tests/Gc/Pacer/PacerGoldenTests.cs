using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Gc.Pacer;

/// <summary>
/// The harness against real Go: every cycle of every TestGcPacer scenario as logged by Go 1.19.8, 1.21.13, 1.22.12 and
/// 1.23.5 (data/oracles/gcpacer/testgcpacer-go*.txt) and the 1.23.5 %.17g TSV.
/// </summary>
public class PacerGoldenTests
{
    private static string Oracle(string file) => Path.Combine(Requirement.RepoRoot(), "data", "oracles", "gcpacer", file);

    public static TheoryData<string, string> Goldens()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in PacerScenarios.Names)
        {
            data.Add("1.19", name);
            data.Add("1.21", name);
            data.Add("1.22", name);
            data.Add("1.23", name);
        }

        return data;
    }

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<PacerGoldenCycle>>> Log119 =
        new(() => PacerGolden.ParseFile(Oracle("testgcpacer-go1.19.8.txt")));

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<PacerGoldenCycle>>> Log121 =
        new(() => PacerGolden.ParseFile(Oracle("testgcpacer-go1.21.13.txt")));

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<PacerGoldenCycle>>> Log122 =
        new(() => PacerGolden.ParseFile(Oracle("testgcpacer-go1.22.12.txt")));

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<PacerGoldenCycle>>> Log123 =
        new(() => PacerGolden.ParseFile(Oracle("testgcpacer-go1.23.5.txt")));

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<PacerGoldenCycle>>> Tsv123 =
        new(() => PacerGolden.ParseFile(Oracle("gcpacer-golden-go1.23.tsv")));

    internal static void AssertMatches(IReadOnlyList<PacerGoldenCycle> golden, PacerRun run)
    {
        Assert.Equal(golden.Count, run.Cycles.Count);
        for (var i = 0; i < golden.Count; i++)
        {
            var g = golden[i];
            var m = run.Cycles[i];
            var where = $"{run.Scenario} {run.Version} cycle {g.Cycle}: go {g} vs model {m}";
            Assert.True(g.Cycle == m.Cycle, where);
            Assert.True(g.HeapLive == m.HeapLive, where + " (live)");
            Assert.True(g.Trigger == m.HeapTrigger, where + " (trigger)");
            Assert.True(g.Peak == m.HeapPeak, where + " (peak)");
            Assert.True(g.Goal == m.HeapGoal, where + " (goal)");
            if (g.UtilizationPrecision == 0)
            {
                Assert.True(g.Utilization == m.GcUtilization, where + $" (utilization {g.Utilization:R} vs {m.GcUtilization:R})");
            }
            else
            {
                // Go printed %2.1f percent: the model's value must round to the same tenth of a percent.
                Assert.True(Math.Abs(g.Utilization - m.GcUtilization) <= g.UtilizationPrecision + 1e-12, where + " (utilization)");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Every_cycle_matches_the_real_go_log(string version, string scenario)
    {
        var log = version switch { "1.19" => Log119, "1.21" => Log121, "1.22" => Log122, _ => Log123 };
        var golden = log.Value[scenario];
        var run = PacerHarness.Run(scenario, GoVersion.Parse(version));
        AssertMatches(golden, run);
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Every_go_check_passes(string version, string scenario)
    {
        var run = PacerHarness.Run(scenario, GoVersion.Parse(version));
        Assert.True(run.Passed, string.Join("\n", run.Failures));
    }

    [Fact]
    public void The_1_23_tsv_matches_exactly_including_utilization_to_17_digits()
    {
        var tsv = Tsv123.Value;
        Assert.Equal(PacerScenarios.Names.OrderBy(n => n, StringComparer.Ordinal), tsv.Keys.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(1100, tsv.Values.Sum(v => v.Count));
        foreach (var name in PacerScenarios.Names) AssertMatches(tsv[name], PacerHarness.Run(name, GoVersion.Go1_23));
    }

    [Fact]
    public void The_comparison_tells_the_versions_apart()
    {
        // The PI controller (1.19) and max-of-5 (1.23) pacers end Steady at different bytes: a model
        // run for the wrong version must not pass as the other's golden.
        var steady119 = PacerHarness.Run("Steady", GoVersion.Go1_19);
        var steady123 = PacerHarness.Run("Steady", GoVersion.Go1_23);
        Assert.Equal((20884992UL, 39967328UL, 41810943UL, 41810944UL),
            (steady119.Last.HeapLive, steady119.Last.HeapTrigger, steady119.Last.HeapPeak, steady119.Last.HeapGoal));
        Assert.Equal((20886438UL, 39968953UL, 41813835UL, 41813836UL),
            (steady123.Last.HeapLive, steady123.Last.HeapTrigger, steady123.Last.HeapPeak, steady123.Last.HeapGoal));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertMatches(Log123.Value["Steady"], steady119));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertMatches(Log119.Value["Steady"], steady123));
    }
}
