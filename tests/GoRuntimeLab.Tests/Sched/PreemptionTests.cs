using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Schedtrace;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Sched;

// Oracle: the recordings of data/go/preempt (GOMAXPROCS=1, a tight `for { n++ }` loop + time.Sleep(100µs) in main),
// data/recordings/sched/preempt-*: with async preemption the sleeps returned after 14.1–37.1 ms (Go 1.19.8) and
// 14.2–24.0 ms (Go 1.23.5); with asyncpreemptoff=1 every run hung until `timeout` killed it.
public class PreemptionTests
{
    private static List<PreemptRun> Recorded(string goVersion, bool asyncPreemptOff) =>
        Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "data", "recordings", "sched"), $"preempt-go{goVersion}*-async-{(asyncPreemptOff ? "off" : "on")}-run*.txt")
            .Select(PreemptRun.Read).ToList();

    [Theory]
    [InlineData("1.19", "1.19.8")]
    [InlineData("1.23", "1.23.5")]
    public void The_sleeper_wakes_within_what_real_go_measured_for_the_same_program(string version, string recorded)
    {
        var runs = Recorded(recorded, asyncPreemptOff: false);
        Assert.NotEmpty(runs);
        var sleeps = runs.SelectMany(r => r.Sleeps).Select(x => x.TookNs).ToList();
        var r = Scheduler.Run("spinner-sleeper", OneP.WithVersion(GoVersion.Parse(version)));
        // The model has sysmon's exact back-off and Linux's timer slack but no other load, so it should land at the fast
        // end of the real runs: not earlier than the quickest real sleep by more than 1 ms, and not later than the slowest.
        Assert.InRange(WokeAt(r), sleeps.Min() - 1_000_000, sleeps.Max());
        // And the real runs with asyncpreemptoff=1 never woke, as the model's sleeper waits for the whole loop.
        Assert.All(Recorded(recorded, asyncPreemptOff: true), run => Assert.True(run.TimedOut && run.Sleeps.Count == 0, run.ToString()));
    }

    private static readonly SchedConfig OneP = SchedConfig.Default.WithProcs(1);

    private static long WokeAt(SchedResult r) => r.Stdout.Single(l => l.Text == "sleeper woke").Time;

    [Theory]
    [InlineData("1.23", 1UL)]
    [InlineData("1.23", 7UL)]
    [InlineData("1.19", 1UL)]
    [InlineData("1.14", 3UL)]
    public void Tight_loop_is_preempted_asynchronously_after_10_to_25_ms(string version, ulong seed)
    {
        var r = Scheduler.Run("spinner-sleeper", OneP.WithVersion(GoVersion.Parse(version)).WithSeed(seed));
        var woke = WokeAt(r);
        Assert.InRange(woke, 10_000_000, 25_000_000);
        Assert.True(r.Preemptions.Async >= 1, r.ToString());
        Assert.Contains(r.Events, e => e.Kind == SchedEventKind.PreemptAsync && e.Time < woke && r.Goroutine("spinner").Id == e.G);
    }

    [Fact]
    public void Tight_loop_is_not_preempted_with_asyncpreemptoff()
    {
        var r = Scheduler.Run("spinner-sleeper", OneP.WithAsyncPreempt(false));
        var spinnerDone = r.Stdout.Single(l => l.Text == "spinner done").Time;
        Assert.True(WokeAt(r) > spinnerDone, $"sleeper woke at {WokeAt(r)}, spinner finished at {spinnerDone}");
        Assert.True(WokeAt(r) >= 200_000_000);
        Assert.Equal(0, r.Preemptions.Async); // (when the loop ends, its next call may still honour the pending request cooperatively)
    }

    [Fact]
    public void Go_1_13_has_no_async_preemption_even_when_asked()
    {
        var r = Scheduler.Run("spinner-sleeper", OneP.WithVersion(new GoVersion(1, 13)).WithAsyncPreempt(true));
        Assert.False(r.Config.AsyncPreemptionActive);
        Assert.True(WokeAt(r) >= 200_000_000);
        Assert.Equal(0, r.Preemptions.Async);
    }

    [Theory]
    [InlineData(true, "1.23")]
    [InlineData(false, "1.23")]
    [InlineData(true, "1.13")]
    public void Call_heavy_compute_is_preempted_at_a_call_after_about_10_ms_either_way(bool async, string version)
    {
        var r = Scheduler.Run("compute-sleeper", OneP.WithAsyncPreempt(async).WithVersion(GoVersion.Parse(version)));
        Assert.InRange(WokeAt(r), 10_000_000, 25_000_000);
        Assert.True(r.Preemptions.Cooperative >= 1, r.ToString());
        Assert.Equal(0, r.Preemptions.Async); // the next call (every 100 ns) comes long before SIGURG (10 µs)
    }

    [Fact]
    public void Preempted_goroutine_goes_to_the_global_queue_and_loses_no_work()
    {
        var r = Scheduler.Run("spinner-sleeper", OneP);
        var spinner = r.Goroutine("spinner");
        // 200 ms of loop, however often it was interrupted, plus small statement costs.
        Assert.InRange(spinner.RunningTime, 200_000_000, 200_100_000);
    }

    [Fact]
    public void When_main_itself_spins_the_goroutine_it_started_runs_at_the_first_preemption()
    {
        // P0's schedtick is 4 when main.main starts (the runtime's own goroutines ran first). Were it 0, the first
        // preemption would hit the schedtick%61 fairness check and take main straight back from the global queue,
        // leaving g2 in runnext until the second preemption (~30 ms). Real Go runs g2 after ~14 ms, at the first.
        var w = GoRuntimeLab.Sched.Workloads.Workload.Create("main-spins")
            .Main(m => m.Go("g2", g => g.Print("g2 ran")).TightLoop("50ms"));
        var r = Scheduler.Run(w, OneP);
        var g2 = r.Stdout.Single(l => l.Text == "g2 ran").Time;
        Assert.InRange(g2, 10_000_000, 20_000_000);
    }
}
