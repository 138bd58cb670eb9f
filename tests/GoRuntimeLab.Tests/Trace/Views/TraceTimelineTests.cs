using GoRuntimeLab.Sched;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Trace.Exec;
using GoRuntimeLab.Trace.Views;

namespace GoRuntimeLab.Tests.Trace.Views;

/// <summary>
/// A real trace as the simulator's timeline shapes, checked against internal/trace GoroutineStats (the kit's port,
/// itself checked against Go's own output in ExecTraceGoroutineTests): per goroutine, the running spans and the P
/// slices add up to its execution time, the runnable spans to its scheduler wait.
/// </summary>
public class TraceTimelineTests
{
    internal static string ChanDir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "chantrace");

    public static TheoryData<string> V1Traces() => [.. V1Paths()];

    private static IEnumerable<string> V1Paths() =>
    [
        .. new[] { "pingpong", "prodcons-unbuffered", "prodcons-buffered", "blocked-pair" }
            .SelectMany(w => new[] { "go1.19.8", "go1.21.13" }.Select(v => Path.Combine(ChanDir, $"{w}-{v}.trace"))),
        Path.Combine(Requirement.RepoRoot(), "data", "recordings", "trace", "tracegen-go1.19.trace"),
        Path.Combine(Requirement.RepoRoot(), "data", "recordings", "trace", "tracegen-go1.21.trace"),
    ];

    public static TheoryData<string> V2Traces() => [.. V2Paths()];

    private static IEnumerable<string> V2Paths() =>
    [
        .. new[] { "pingpong", "prodcons-unbuffered", "prodcons-buffered", "blocked-pair" }
            .SelectMany(w => new[] { "go1.22.12", "go1.23.5" }.Select(v => Path.Combine(ChanDir, $"{w}-{v}.trace"))),
        Path.Combine(Requirement.RepoRoot(), "data", "recordings", "trace-v2", "tracegen-go1.22.trace"),
        Path.Combine(Requirement.RepoRoot(), "data", "recordings", "trace-v2", "tracegen-go1.23.trace"),
    ];

    public static TheoryData<string> AllTraces() => [.. V1Paths().Concat(V2Paths())];

    [Theory]
    [MemberData(nameof(AllTraces))]
    public void Running_spans_and_p_slices_add_up_to_goroutine_stats_exec_time(string path)
    {
        var view = TraceTimeline.Read(path);
        var stats = ExecTrace.Goroutines(path);
        Assert.Equal(stats.Select(g => (int)g.Id), view.Goroutines.Select(g => g.Id));
        foreach (var g in stats)
        {
            var id = (int)g.Id;
            Assert.Equal(g.ExecNs, view.GTimeline.Where(s => s.G == id && s.Status == GStatus.Running).Sum(s => s.Duration));
            Assert.Equal(g.ExecNs, view.PTimeline.Where(s => s.G == id).Sum(s => s.Duration));
        }
        Assert.Contains(stats, g => g.ExecNs > 0);
    }

    [Theory]
    [MemberData(nameof(V1Traces))]
    public void Runnable_spans_add_up_to_goroutine_stats_scheduler_wait(string path)
    {
        var view = TraceTimeline.Read(path);
        // Goroutines created inside the trace (their first span is runnable). Those alive at its start get a GoCreate
        // that GoroutineStats counts as "runnable since the start" even when the next event (GoWaiting) says they were
        // blocked, and the one created at time 0 (the first event) gets no wait for its first start, since 0 stands
        // for "not waiting" there: quirks the view does not copy, so those totals differ.
        var checkedOnes = 0;
        foreach (var g in ExecTrace.Goroutines(path))
        {
            var spans = view.GTimeline.Where(s => s.G == (int)g.Id).ToList();
            if (g.CreationNs == 0 || spans.Count == 0 || spans[0].Status != GStatus.Runnable) continue;
            Assert.True(g.SchedWaitNs == spans.Where(s => s.Status == GStatus.Runnable).Sum(s => s.Duration), $"{g} :: {string.Join(", ", spans.Take(8))}");
            checkedOnes++;
        }
        Assert.True(checkedOnes >= 2, $"{checkedOnes} goroutines created in the trace");
        Assert.Equal(view.LatencySamples.Count, view.GTimeline.Count(s => s.Status == GStatus.Running));
    }

    [Theory]
    [MemberData(nameof(V2Traces))]
    public void Go_1_22_runnable_spans_add_up_to_the_summary_s_scheduler_wait_and_give_the_latency_samples(string path)
    {
        // summary.go counts SchedWaitTime from each transition into Runnable to the next one out of it, as the spans do;
        // its one extra (syscall-blocked time still pending at the end) never happens for the program's goroutines here.
        var view = TraceTimeline.Read(path);
        var user = view.UserGoroutines();
        foreach (var g in ExecTrace.Goroutines(path).Where(g => user.Contains((int)g.Id)))
            Assert.Equal(g.SchedWaitNs, view.GTimeline.Where(s => s.G == (int)g.Id && s.Status == GStatus.Runnable).Sum(s => s.Duration));
        Assert.True(user.Count >= 2, $"{user.Count} program goroutines");
        // one latency sample per run that began from Runnable (a run may also begin at a syscall's end or at the trace's start)
        var fromRunnable = view.GTimeline.GroupBy(s => s.G).Sum(spans => spans.Zip(spans.Skip(1)).Count(p =>
            p.First.Status == GStatus.Runnable && p.Second.Status == GStatus.Running && p.First.End == p.Second.Start));
        Assert.Equal(fromRunnable, view.LatencySamples.Count);
        Assert.Equal(view.GTimeline.Where(s => s.Status == GStatus.Runnable && view.GTimeline.Any(r => r.G == s.G && r.Start == s.End && r.Status == GStatus.Running))
            .Select(s => s.Duration).Order(), view.LatencySamples.Order());
    }

    [Theory]
    [InlineData("go1.22")]
    [InlineData("go1.23")]
    public void Go_1_22_gc_and_stw_spans_duration_and_procs_match_go_tool_trace_d(string go)
    {
        // oracle: the recorded `go tool trace -d=2` event counts and -d=1 duration and Ps (data/recordings/trace-v2/*.d2.tsv)
        var dir = Path.Combine(Requirement.RepoRoot(), "data", "recordings", "trace-v2");
        var lines = File.ReadAllLines(Path.Combine(dir, $"tracegen-{go}.d2.tsv"));
        long Header(string key) => long.Parse(lines.Single(l => l.StartsWith($"# {key}: ", StringComparison.Ordinal)).Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        long Count(string ev) => lines.Where(l => l.StartsWith(ev + "\t", StringComparison.Ordinal)).Select(l => long.Parse(l.Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture)).SingleOrDefault();
        var view = TraceTimeline.Read(Path.Combine(dir, $"tracegen-{go}.trace"));
        Assert.Equal(0, Count("GCActive"));
        Assert.Equal(Count("GCBegin"), view.Gc.Count(g => !g.StopTheWorld));
        Assert.Equal(Count("STWBegin"), view.Gc.Count(g => g.StopTheWorld));
        Assert.True(Count("GCBegin") > 0);
        Assert.All(view.Gc, g => Assert.True(g.Start >= 0 && g.End > g.Start && g.End <= view.EndTime, g.ToString()));
        Assert.Equal(Header("durationNs"), view.EndTime);
        Assert.Equal(Header("procs"), view.Procs);
    }

    [Theory]
    [MemberData(nameof(AllTraces))]
    public void Spans_do_not_overlap_per_goroutine_nor_slices_per_p(string path)
    {
        var view = TraceTimeline.Read(path);
        foreach (var spans in view.GTimeline.GroupBy(s => s.G))
            AssertSequential(spans.Select(s => (s.Start, s.End)).ToList(), $"G{spans.Key}");
        foreach (var slices in view.PTimeline.GroupBy(s => s.P))
            AssertSequential(slices.Select(s => (s.Start, s.End)).ToList(), $"P{slices.Key}");
        Assert.All(view.PTimeline, s => Assert.InRange(s.P, 0, view.Procs - 1));
        Assert.All(view.GTimeline, s => Assert.True(s.End > s.Start && s.End <= view.EndTime));
    }

    private static void AssertSequential(List<(long Start, long End)> spans, string what)
    {
        for (var i = 1; i < spans.Count; i++)
            Assert.True(spans[i].Start >= spans[i - 1].End, $"{what}: span {i} starts at {spans[i].Start} before the previous ends at {spans[i - 1].End}");
    }

    [Theory]
    [InlineData("go1.19.8")]
    [InlineData("go1.23.5")]
    public void The_same_file_gives_the_same_view(string go)
    {
        var path = Path.Combine(ChanDir, $"prodcons-unbuffered-{go}.trace");
        var a = TraceTimeline.Read(path);
        var b = TraceTimeline.Read(path);
        Assert.Equal(a.PTimeline, b.PTimeline);
        Assert.Equal(a.GTimeline, b.GTimeline);
        Assert.Equal(a.LatencySamples, b.LatencySamples);
        Assert.Equal(a.Goroutines, b.Goroutines);
        Assert.Equal(a.Gc, b.Gc);
        Assert.Equal($"traced {go[..6]} (prodcons-unbuffered-{go}.trace)", a.Source);
        Assert.Equal(2, a.Procs);
    }

    [Theory]
    [InlineData("go1.19.8")]
    [InlineData("go1.21.13")]
    [InlineData("go1.22.12")]
    [InlineData("go1.23.5")]
    public void A_blocked_sender_and_receiver_wait_in_chan_send_and_chan_receive_then_become_runnable(string go)
    {
        var view = TraceTimeline.Read(Path.Combine(ChanDir, $"blocked-pair-{go}.trace"));
        var user = view.UserGoroutines().ToHashSet();
        foreach (var reason in new[] { "chan send", "chan receive" })
        {
            // the program's goroutines (Go 1.22+ also traces the runtime's, e.g. its trace reader, blocked in chan receive
            // to the end), waits that end inside the trace
            var waits = view.GTimeline.Where(s => s.Status == GStatus.Waiting && s.WaitReason == reason && s.End < view.EndTime && user.Contains(s.G)).ToList();
            Assert.True(waits.Count >= 4, $"{reason}: {waits.Count} waits (5 rounds; a round may not block on a loaded machine)");
            foreach (var w in waits)
            {
                // GoBlockSend/GoBlockRecv → GoUnblock (runnable) → GoStart (running), as cmd/trace shows it.
                var next = view.GTimeline.Where(s => s.G == w.G && s.Start >= w.End).Take(2).ToList();
                Assert.Equal([GStatus.Runnable, GStatus.Running], next.Select(s => s.Status));
                Assert.Equal(w.End, next[0].Start);
            }
        }
        // the 200 µs sleeps of the late side are in the trace as GoSleep waits
        Assert.Contains(view.GTimeline, s => s.WaitReason == "sleep" && s.Duration >= 150_000);
    }

    [Theory]
    [InlineData("go1.19.8")]
    [InlineData("go1.22.12")]
    [InlineData("go1.23.5")]
    public void Goroutines_are_named_by_the_function_they_started_in(string go)
    {
        var view = TraceTimeline.Read(Path.Combine(ChanDir, $"pingpong-{go}.trace"));
        Assert.Contains(view.Goroutines, g => g.Name == "pingPong.func1");
        Assert.Contains(view.Goroutines, g => g.Name == "pingPong.func2");
    }

    [Fact]
    public void A_missing_file_names_the_parameter()
    {
        var e = Assert.Throws<KitInputException>(() => TraceTimeline.Read(Path.Combine(ChanDir, "no-such.trace"), parameter: "tracePath"));
        Assert.Equal("tracePath", e.Parameter);
    }

    [Fact]
    public void The_simulation_view_is_the_result_s_own_timelines()
    {
        var r = Scheduler.Run("pingpong", SchedConfig.Default.WithProcs(1).WithSeed(1));
        var v = TimelineView.FromSimulation(r);
        Assert.True(v.Simulated);
        Assert.Same(r.PTimeline, v.PTimeline);
        Assert.Same(r.GTimeline, v.GTimeline);
        Assert.Equal(r.Goroutines.Select(g => (g.Id, g.Name)), v.Goroutines.Select(g => (g.Id, g.Name)));
        Assert.Equal("pinger", v.NameOf(r.Goroutine("pinger").Id));
        Assert.Empty(v.Gc);
    }
}
