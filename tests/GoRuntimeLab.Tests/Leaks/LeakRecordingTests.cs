using GoRuntimeLab.Leaks;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Tests.Pprof;

namespace GoRuntimeLab.Tests.Leaks;

/// <summary>
/// The leak hunt against the real runs of data/go/leakhunt recorded with Go 1.19.8 and 1.23.5: the leaky program's
/// live heap and goroutines grow and the diff names the leaking code, the course's Reset-only fix still leaks, the
/// fixed program is flat; the heap diff equals `go tool pprof -top -base` of the same two profiles.
/// </summary>
public class LeakRecordingTests
{
    internal static string Dir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "leak");

    internal static LeakSeries Load(string name) => LeakSeries.Read(Path.Combine(Dir, name));

    public static TheoryData<string> Versions => new() { "go1.19.8", "go1.23.5" };

    [Fact]
    public void Every_case_is_recorded_with_both_go_versions()
    {
        foreach (var c in new[] { "buffers-leaky", "buffers-reset", "buffers-fixed", "http-leaky", "http-fixed" })
            foreach (var v in new[] { "go1.19.8", "go1.23.5" })
            {
                var s = Load($"{c}-{v}.txt");
                Assert.Equal(v, s.GoVersion);
                Assert.Equal(c.Split('-')[0], s.Scenario);
                Assert.Equal(c.Split('-')[1], s.Mode);
                Assert.True(new FileInfo(Path.Combine(Dir, $"{c}-{v}.txt")).Length < 1 << 20);
            }
    }

    [Theory, MemberData(nameof(Versions))]
    public void Leaky_buffers_grow_and_the_diff_names_appendFrame_and_the_blocked_worker(string v)
    {
        var s = Load($"buffers-leaky-{v}.txt");
        Assert.Equal(7, s.Snapshots.Count);
        var verdict = s.Verdict();
        Assert.True(verdict.HeapLeaking && verdict.GoroutinesLeaking, verdict.ToString());
        // 16 sessions a step keep 3 steps × 8 frames × 1 KiB each, in buffers that grow by doubling: > 400 KiB per step.
        Assert.InRange(verdict.Heap.Slope, 400 * 1024, 800 * 1024);
        Assert.True(verdict.Heap.RSquared > 0.99, verdict.Heap.ToString());
        Assert.Equal(4.0, verdict.Goroutines.Slope, 9);                   // -giveups 4: four blocked workers per step
        Assert.Equal("main.(*telemetryStore).appendFrame", verdict.TopFunction!.Function);
        Assert.True(verdict.TopFunction.Share > 0.9, verdict.TopFunction.ToString());
        Assert.Equal("main.worker", verdict.TopStack!.BlockedAt);
        Assert.Equal("runtime.chansend", verdict.TopStack.WaitsIn);
        Assert.Equal(24, verdict.TopStack.Growth);
        Assert.Equal(s.Snapshots.Select(x => x.Goroutines - 1), verdict.TopStack.Counts);   // all but main
    }

    [Theory, MemberData(nameof(Versions))]
    public void The_heap_diff_is_go_tool_pprof_base(string v)
    {
        var s = Load($"buffers-leaky-{v}.txt");
        var report = s.HeapDiffTop(0, 6, nodeCount: 0);
        var expected = GoTopText.Parse(File.ReadAllText(Path.Combine(Dir, $"buffers-leaky-{v}.diff-top.txt")));
        var mine = report.Rows.Take(expected.Count).ToList();
        Assert.Equal(expected.Select(r => (r.Function, r.Flat, r.Cum)), mine.Select(r => (r.Function, r.FlatText, r.CumText)));
        Assert.Equal("bytes.growSlice", report.Rows[0].Function);
    }

    [Theory, MemberData(nameof(Versions))]
    public void Reset_alone_still_leaks_through_the_map_and_the_workers(string v)
    {
        var leaky = Load($"buffers-leaky-{v}.txt").Verdict();
        var reset = Load($"buffers-reset-{v}.txt").Verdict();
        Assert.True(reset.HeapLeaking && reset.GoroutinesLeaking, reset.ToString());
        // Slower than without Reset (a closed session keeps one flush's capacity, 8 KiB, not all its frames) …
        Assert.InRange(reset.Heap.Slope, 100 * 1024, leaky.Heap.Slope / 2);
        // … and still in appendFrame: Reset keeps the backing array the frames grew.
        Assert.Equal("main.(*telemetryStore).appendFrame", reset.TopFunction!.Function);
        Assert.Equal(4.0, reset.Goroutines.Slope, 9);
    }

    [Theory, MemberData(nameof(Versions))]
    public void The_fixed_program_is_flat(string v)
    {
        var s = Load($"buffers-fixed-{v}.txt");
        var verdict = s.Verdict();
        Assert.False(verdict.Leaking, verdict.ToString());
        Assert.InRange(verdict.Heap.Slope, -LeakCriteria.Default.MaxFlatHeapBytesPerStep, LeakCriteria.Default.MaxFlatHeapBytesPerStep);
        Assert.Equal(0.0, verdict.Goroutines.Slope);
        Assert.Null(verdict.TopStack);
        Assert.All(s.Snapshots, x => Assert.Equal(1, x.Goroutines));
        Assert.All(verdict.Checks, c => Assert.False(c.Leaking));
        Assert.EndsWith("（堆平稳：只是噪声 noise）", verdict.Checks[2].Value, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Versions))]
    public void Unclosed_bodies_keep_two_client_goroutines_and_one_server_goroutine_per_request(string v)
    {
        var s = Load($"http-leaky-{v}.txt");
        Assert.Equal(["start", "body", "ctx"], s.Snapshots.Select(x => x.Label));
        Assert.Equal([2L, 26L, 30L], s.Snapshots.Select(x => x.Goroutines));        // 8 requests × 3, then 4 blocked senders
        var stacks = s.GoroutineStacks();
        long Growth(string at) => stacks.Where(g => g.BlockedAt == at).Sum(g => g.Growth);
        Assert.Equal(8, Growth("net/http.(*persistConn).readLoop"));
        Assert.Equal(8, Growth("net/http.(*persistConn).writeLoop"));
        Assert.Equal(8, stacks.Where(g => g.Start == "net/http.(*conn).serve").Sum(g => g.Growth));
        var blocked = Assert.Single(stacks, g => g.BlockedAt == "main.fetchWithTimeout.func1");
        Assert.Equal([0L, 0L, 4L], blocked.Counts);
        Assert.Equal("runtime.chansend", blocked.WaitsIn);
    }

    [Theory, MemberData(nameof(Versions))]
    public void Closed_bodies_and_a_select_on_ctx_leave_no_goroutine_behind(string v)
    {
        var s = Load($"http-fixed-{v}.txt");
        Assert.Equal(s.Snapshots[0].Goroutines, s.Snapshots[^1].Goroutines);
        Assert.InRange(s.Snapshots[1].Goroutines - s.Snapshots[0].Goroutines, 0, 3);   // at most one idle connection (2 client + 1 server goroutines)
        Assert.DoesNotContain(s.GoroutineStacks(), g => g.BlockedAt.StartsWith("main.", StringComparison.Ordinal) && g.Counts[^1] > 0 && g.Start != "runtime.main");
        Assert.False(s.Verdict().GoroutinesLeaking);
    }
}
