using GoRuntimeLab.GoTool;
using GoRuntimeLab.Sched.Schedtrace;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Sched.Schedtrace;

/// <summary>
/// The installed Go, live: schedload's fresh schedtrace output parses completely, and the preemption experiment
/// behaves as recorded. Skipped without Go, failed without Go when GOLAB_REQUIRE_GO=1.
/// </summary>
public class SchedtraceLiveTests
{
    private static string Program(string name) => Path.Combine(Requirement.RepoRoot(), "data", "go", name);


    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Schedload_schedtrace_output_parses(bool detail)
    {
        var go = LiveGo.Require();
        var debug = detail ? "schedtrace=50,scheddetail=1" : "schedtrace=50";
        var run = await go.RunAsync(Program("schedload"), ["-duration", "400ms"],
            new GoRunOptions { GoMaxProcs = 2, GoDebug = debug, Timeout = TimeSpan.FromSeconds(30) });
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"schedload go={go.Version} gomaxprocs=2 ", run.Stdout, StringComparison.Ordinal);

        var log = SchedtraceParser.Parse(run.Stderr, "live schedload stderr");
        var lines = run.Stderr.Split('\n');
        Assert.Equal(lines.Count(l => l.StartsWith("SCHED ", StringComparison.Ordinal)), log.Samples.Count);
        // 400 ms at one line per 50 ms, plus the 0 ms line: at least 4. The program may live longer on a busy machine, so the
        // upper bound comes from the lines' own clock (sysmon prints one per interval it is awake for, never more).
        Assert.True(log.Samples.Count >= 4, $"{log.Samples.Count} SCHED lines for a 400 ms run");
        Assert.True(log.Samples.Count <= log.Samples[^1].TimeMs / 50 + 2, $"{log.Samples.Count} SCHED lines in {log.Samples[^1].TimeMs} ms at 50 ms");
        Assert.Equal(detail, log.IsDetailed);
        Assert.Equal(go.Version >= GoVersion.Go1_21, log.HasNeedspinning);
        Assert.All(log.Samples, s => Assert.Equal(2, s.Gomaxprocs));
        if (detail) Assert.All(log.Samples, s => Assert.Contains(s.Gs, g => g.Id == 1));
        // Every stderr line is schedtrace output (the program prints nothing else there).
        Assert.Equal(0, log.IgnoredLines);
    }

    [SkippableFact]
    public async Task A_tight_loop_is_preempted_after_about_10ms()
    {
        var go = LiveGo.Require();
        var run = await go.RunAsync(Program("preempt"), ["-n", "3"], new GoRunOptions { Timeout = TimeSpan.FromSeconds(20) });
        var result = PreemptRun.FromProgramOutput(run.Stdout, run.ExitCode, asyncPreemptOff: false, "live preempt");
        Assert.True(result.Completed, result.ToString());
        Assert.Equal(3, result.Sleeps.Count);
        // sysmon preempts only after forcePreemptNS = 10 ms on the same schedtick: never sooner.
        Assert.All(result.Sleeps, s => Assert.True(s.TookMs >= 10, result.ToString()));
        Assert.All(result.Sleeps, s => Assert.True(s.TookMs < 1000, result.ToString()));
    }

    [SkippableFact]
    public async Task With_asyncpreemptoff_the_sleeper_never_returns()
    {
        var go = LiveGo.Require();
        var options = new GoRunOptions { GoDebug = "asyncpreemptoff=1", Timeout = TimeSpan.FromSeconds(1) };
        var e = await Assert.ThrowsAsync<TimeoutException>(() => go.RunAsync(Program("preempt"), ["-n", "1"], options));
        Assert.Contains("preempt", e.Message, StringComparison.Ordinal);
    }
}
