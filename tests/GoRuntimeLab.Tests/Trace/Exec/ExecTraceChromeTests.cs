using GoRuntimeLab.Trace;
using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Trace.Exec;

/// <summary>
/// <see cref="ExecTrace.ToChromeTrace(string, string)"/> on real recordings, against the two oracles the kit already
/// checks against Go: the event counts of <c>go tool trace -d</c> (ReadStats) and internal/trace GoroutineStats (Goroutines).
/// </summary>
public class ExecTraceChromeTests
{
    public static TheoryData<string> Traces() => ExecTraceGoroutineTests.Traces();

    private const int Procs = 0, Goroutines = 1;

    private static long Ns(double us) => (long)Math.Round(us * 1000);

    private static ChromeTraceEvent[] RunSlices(ChromeTraceWriter w) =>
        [.. w.Events.Where(e => e is { Phase: "X", Pid: Procs, Category: "running" })];

    [Theory]
    [MemberData(nameof(Traces))]
    public void The_json_passes_the_validator(string trace)
    {
        var w = ExecTrace.ToChromeTrace(Path.Combine(ExecTraceRecordingTests.Dir, trace));
        var result = ChromeTraceValidator.Validate(w.ToJson());
        Assert.True(result.Problems.Count == 0, string.Join('\n', result.Problems.Take(5)));
        Assert.Equal(w.Events.Count(e => e.Phase == "X"), result.SliceCount);
    }

    [Theory]
    [MemberData(nameof(Traces))]
    public void One_slice_per_go_start_event_of_go_tool_trace_d(string trace)
    {
        // Every GoStart (GoStartLocal is renamed GoStart once ordered; GoStartLabel is a GC worker's start) opens one run.
        var path = Path.Combine(ExecTraceRecordingTests.Dir, trace);
        var events = ExecTrace.ReadStats(path).Events;
        var starts = new[] { "GoStart", "GoStartLocal", "GoStartLabel" }.Sum(n => events.GetValueOrDefault(n));
        var runs = RunSlices(ExecTrace.ToChromeTrace(path));
        Assert.Equal(starts, runs.Length);
        Assert.True(runs.Length > 100, $"{runs.Length} runs");
    }

    [Theory]
    [MemberData(nameof(Traces))]
    public void Runs_on_one_p_never_overlap(string trace)
    {
        foreach (var p in RunSlices(ExecTrace.ToChromeTrace(Path.Combine(ExecTraceRecordingTests.Dir, trace))).GroupBy(e => e.Tid))
        {
            var ordered = p.OrderBy(e => Ns(e.Timestamp)).ToArray();
            for (var i = 1; i < ordered.Length; i++)
                Assert.True(Ns(ordered[i - 1].Timestamp) + Ns(ordered[i - 1].Duration!.Value) <= Ns(ordered[i].Timestamp), $"P {p.Key}: {ordered[i - 1]} overlaps {ordered[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Traces))]
    public void Each_goroutine_s_runs_and_syscalls_sum_to_its_goroutine_stats(string trace)
    {
        // GoroutineStats adds (stop − last start) to ExecTime at each stop and (GoSysExit − GoSysBlock) to SyscallTime,
        // and closes what is open at the last event: exactly the slices, so the sums are equal to the nanosecond.
        var path = Path.Combine(ExecTraceRecordingTests.Dir, trace);
        var w = ExecTrace.ToChromeTrace(path);
        var exec = RunSlices(w).GroupBy(e => (ulong)(long)e.Args!["g"])
            .ToDictionary(g => g.Key, g => g.Sum(e => Ns(e.Duration!.Value)));
        var perG = w.Events.Where(e => e is { Phase: "X", Pid: Goroutines, Category: "running" }).GroupBy(e => (ulong)e.Tid)
            .ToDictionary(g => g.Key, g => g.Sum(e => Ns(e.Duration!.Value)));
        var syscalls = w.Events.Where(e => e is { Phase: "X", Pid: Goroutines, Category: "syscall" }).GroupBy(e => (ulong)e.Tid)
            .ToDictionary(g => g.Key, g => g.Sum(e => Ns(e.Duration!.Value)));
        var stats = ExecTrace.Goroutines(path);
        Assert.All(stats, g =>
        {
            Assert.Equal((g.Id, g.ExecNs), (g.Id, exec.GetValueOrDefault(g.Id)));
            Assert.Equal((g.Id, g.ExecNs), (g.Id, perG.GetValueOrDefault(g.Id)));
            Assert.Equal((g.Id, g.SyscallNs), (g.Id, syscalls.GetValueOrDefault(g.Id)));
        });
        Assert.Contains(stats, g => g.SyscallNs > 0);
    }

    [Fact]
    public void Tracegen_shows_gc_stw_named_goroutines_its_regions_and_times_from_the_first_event_to_the_last()
    {
        var path = Path.Combine(ExecTraceRecordingTests.Dir, "tracegen-go1.19.trace");
        var w = ExecTrace.ToChromeTrace(path);
        var slices = w.Events.Where(e => e.Phase == "X").ToArray();
        Assert.Contains(slices, e => e.Name == "GC");
        Assert.Contains(slices, e => e.Name == "STW (sweep termination)");
        Assert.Contains(slices, e => e.Name == "STW (mark termination)");
        Assert.Contains(slices, e => e.Name.StartsWith("G1 runtime.main", StringComparison.Ordinal));
        Assert.Contains(slices, e => e.Name.StartsWith("GC (", StringComparison.Ordinal)); // GoStartLabel: "GC (dedicated)" etc.
        // data/go/tracegen/main.go runs its workloads in trace.WithRegion on the main goroutine, one after another: one
        // slice per region, each start/end pair of the 20 UserRegion events of go tool trace -d.
        var regions = slices.Where(e => e.Category == "region").ToArray();
        Assert.Equal(ExecTrace.ReadStats(path).Events["UserRegion"] / 2, regions.Length);
        Assert.Equal(["pingpong", "blocked-pair", "buffered", "select", "mutex", "sleep", "syscall", "net", "gc", "spin"], regions.Select(e => e.Name));
        Assert.All(regions, e => Assert.Equal(1, e.Tid));

        // Times are from the first event (a GoCreate, not drawn): all within [0, the trace's duration of go tool trace -d].
        var timed = w.Events.Where(e => e.Phase != "M").ToArray();
        Assert.True(timed.Min(e => e.Timestamp) >= 0);
        Assert.Equal(ExecTrace.ReadStats(path).DurationNs, timed.Max(e => Ns(e.Timestamp + (e.Duration ?? 0))));
    }
}
