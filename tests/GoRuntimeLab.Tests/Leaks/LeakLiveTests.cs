using GoRuntimeLab.Leaks;

namespace GoRuntimeLab.Tests.Leaks;

/// <summary>Runs data/go/leakhunt with the installed Go: leaky grows, fixed is flat. Skipped without Go; a failure
/// when GOLAB_REQUIRE_GO=1.</summary>
public class LeakLiveTests
{
    private static string ProgramDir => Path.Combine(GoRuntimeLab.Testing.Requirement.RepoRoot(), "data", "go", "leakhunt");

    [SkippableFact]
    public async Task Live_leaky_and_fixed_runs_get_the_recorded_verdicts()
    {
        var go = LiveGo.Require();
        var leakyRun = await go.RunAsync(ProgramDir, ["-steps", "4", "-interval", "0s"]);
        Assert.True(leakyRun.Succeeded, leakyRun.Stderr);
        var leaky = LeakSeries.Parse(leakyRun.Stdout, "live leaky").Verdict();
        Assert.True(leaky.HeapLeaking && leaky.GoroutinesLeaking, leaky.ToString());
        Assert.Equal("main.(*telemetryStore).appendFrame", leaky.TopFunction!.Function);
        Assert.Equal(4.0, leaky.Goroutines.Slope, 9);

        var fixedRun = await go.RunAsync(ProgramDir, ["-steps", "4", "-interval", "0s", "-fixed"]);
        Assert.True(fixedRun.Succeeded, fixedRun.Stderr);
        var flat = LeakSeries.Parse(fixedRun.Stdout, "live fixed").Verdict();
        Assert.False(flat.Leaking, flat.ToString());
    }
}
