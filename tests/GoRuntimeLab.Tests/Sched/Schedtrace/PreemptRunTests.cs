using GoRuntimeLab.Sched.Schedtrace;

namespace GoRuntimeLab.Tests.Sched.Schedtrace;

/// <summary>
/// The recorded preemption experiment (data/go/preempt): a tight loop on the only P and main sleeping 100 µs.
/// Oracle: runtime/proc.go. sysmon's retake preempts a G only once its P has run the same schedtick for
/// forcePreemptNS = 10 ms, so no sleep can return sooner; with asyncpreemptoff=1 a loop without calls is never
/// preempted, so main never returns from its first sleep.
/// </summary>
public class PreemptRunTests
{
    private static IEnumerable<PreemptRun> Runs(string pattern) =>
        Directory.GetFiles(SchedtraceRecordingTests.Dir, pattern).Order(StringComparer.Ordinal).Select(PreemptRun.Read);

    [Theory]
    [InlineData("go1.19.8")]
    [InlineData("go1.23.5")]
    public void With_async_preemption_every_sleep_returns_after_at_least_10ms(string go)
    {
        var runs = Runs($"preempt-{go}-async-on-run*.txt").ToList();
        Assert.Equal(5, runs.Count);
        foreach (var run in runs)
        {
            Assert.Equal(go, run.GoVersionText);
            Assert.Equal(1, run.GoMaxProcs);
            Assert.False(run.AsyncPreemptOff);
            Assert.True(run.Completed, run.ToString());
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(5, run.Sleeps.Count);
            Assert.All(run.Sleeps, s => Assert.Equal(100_000, s.RequestedNs));
            // forcePreemptNS (10 ms) is a floor; sysmon's tick (up to 10 ms once idle, 20 µs … when busy) adds jitter.
            Assert.All(run.Sleeps, s => Assert.InRange(s.TookMs, 10.0, 60.0));
        }
        var all = runs.SelectMany(r => r.Sleeps).Select(s => s.TookMs).Order().ToList();
        Assert.InRange(all[all.Count / 2], 12.0, 30.0); // median
    }

    [Theory]
    [InlineData("go1.19.8")]
    [InlineData("go1.23.5")]
    public void With_asyncpreemptoff_main_never_runs_again(string go)
    {
        var runs = Runs($"preempt-{go}-async-off-run*.txt").ToList();
        Assert.Equal(3, runs.Count);
        foreach (var run in runs)
        {
            Assert.True(run.AsyncPreemptOff);
            Assert.True(run.TimedOut);
            Assert.Equal(124, run.ExitCode); // killed by `timeout 3s`
            Assert.Empty(run.Sleeps);
            Assert.Equal(5, run.Planned);
            Assert.Contains("0 of 5 sleeps returned, then killed by the time limit (exit code 124)", run.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Output_is_read_with_line_numbers_and_checked()
    {
        var ok = PreemptRun.FromProgramOutput("begin go=go1.19.8 gomaxprocs=1 sleep=100µs n=2\nsleep i=1 requestedNs=100000 tookNs=14622265\n" +
            "sleep i=2 requestedNs=100000 tookNs=20131432\nend spins=5\n", 0, false, "live");
        Assert.Equal([14.622265, 20.131432], ok.Sleeps.Select(s => s.TookMs));
        Assert.Equal("live: go1.19.8, GOMAXPROCS=1, async preemption on: 2 sleeps of 100 µs took 14.6, 20.1 ms", ok.ToString());
        Assert.Equal(20.031432, ok.Sleeps[1].DelayMs, 9);

        var e = Assert.Throws<KitInputException>(() => PreemptRun.FromProgramOutput("begin go=go1 gomaxprocs=1 n=2\nsleep i=2 requestedNs=1 tookNs=2\n", 0, false, "f", 12));
        Assert.Equal(("f", 13), (e.FilePath, e.Line));
        Assert.Contains("sleep i=2 where i=1 was expected", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<KitInputException>(() => PreemptRun.FromProgramOutput("begin go=go1 gomaxprocs=1 n=2\nsleep i=1 requestedNs=1 tookNs=x\n", 0, false, "f"));
        Assert.StartsWith("f:2: tookNs=x is not a non-negative number", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<KitInputException>(() => PreemptRun.FromProgramOutput("begin go=go1 gomaxprocs=1 n=2\nend\n", 0, false, "f"));
        Assert.Contains("ended after 0 of 2 sleeps", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<KitInputException>(() => PreemptRun.FromProgramOutput("hello\n", 0, false, "f"));
        Assert.StartsWith("f:1: unexpected line", e.Message, StringComparison.Ordinal);
        // In a recording, the line is the file's: stdout starts after the header.
        var recording = File.ReadAllText(Path.Combine(SchedtraceRecordingTests.Dir, "preempt-go1.19.8-async-on-run1.txt"));
        e = Assert.Throws<KitInputException>(() => PreemptRun.Parse(recording.Replace("sleep i=3", "sleep i=9", StringComparison.Ordinal), "rec.txt"));
        var expected = Array.FindIndex(recording.Split('\n'), l => l.StartsWith("sleep i=3", StringComparison.Ordinal)) + 1;
        Assert.Equal(expected, e.Line);
    }
}
