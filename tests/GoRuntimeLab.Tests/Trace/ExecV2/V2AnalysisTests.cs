using System.Globalization;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Trace;
using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Trace.ExecV2;

/// <summary>
/// The Go 1.22+ goroutine summaries, tasks and blocking profiles against Go's own code: FILE.goroutines.tsv is
/// internal/trace's reader + summary.go of the Go that wrote the trace (data/go/tracesummary), FILE.KIND.pb.gz is
/// `go tool trace -pprof=KIND` of that Go and FILE.KIND.top.txt its `go tool pprof -top` (data/go/tracesummary/record.sh).
/// </summary>
public class V2AnalysisTests
{
    public static TheoryData<string> Traces() => ["tracegen-go1.22.trace", "tracegen-go1.23.trace"];

    private static readonly string[] Kinds = ["net", "sync", "syscall", "sched"];

    public static TheoryData<string, string> ProfileCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var t in new[] { "tracegen-go1.22.trace", "tracegen-go1.23.trace" })
            foreach (var k in Kinds)
                data.Add(t, k);
        return data;
    }

    private static string Pairs(IReadOnlyDictionary<string, long> m) =>
        string.Join(';', m.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}")));

    internal static string Line(ExecTraceGoroutine g) => string.Join('\t', new object[]
    {
        g.Id, g.Name, g.CreationNs, g.StartNs, g.EndNs, g.ExecNs, g.SchedWaitNs, g.SyscallNs - g.SyscallBlockNs, g.SyscallBlockNs, g.TotalNs,
        Pairs(g.BlockByReasonNs), Pairs(g.RangeNs), g.Regions,
    }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static string[] Oracle(string trace, bool tasks) =>
        [.. File.ReadAllLines(V2TraceReaderTests.Data(trace + ".goroutines.tsv")).Where(l => l.Length > 0 && l[0] != '#' && l.StartsWith("task\t", StringComparison.Ordinal) == tasks)];

    [Theory]
    [MemberData(nameof(Traces))]
    public void Every_goroutine_s_summary_equals_go_s_summarizer(string trace)
    {
        var ours = ExecTrace.Goroutines(V2TraceReaderTests.Data(trace));
        Assert.Equal(Oracle(trace, tasks: false), ours.Select(Line));
    }

    // A sample as an order-free key: its functions innermost first, its two values.
    private static IEnumerable<string> Samples(PprofProfile p) =>
        p.Samples.Select(s => $"{string.Join(" < ", s.Locations.SelectMany(l => l.Lines.Select(x => $"{x.Function.Name}@{x.Function.FileName}:{x.Line}")))} = {string.Join(",", s.Values)}")
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(ProfileCases))]
    public void Profiles_equal_go_tool_trace_pprof_and_print_the_same_top(string trace, string kind)
    {
        var path = V2TraceReaderTests.Data(trace);
        var ours = ExecTrace.Profile(path, Enum.Parse<ExecTraceProfileKind>(kind, ignoreCase: true));
        var go = PprofReader.Read($"{path}.{kind}.pb.gz");
        Assert.NotEmpty(ours.Samples);
        Assert.Equal(Samples(go), Samples(ours));
        Assert.Equal(go.SampleTypes, ours.SampleTypes);
        Assert.Equal(go.PeriodType, ours.PeriodType);
        // `go tool pprof -top` of Go's profile, recorded, against the kit's report of its own profile.
        Assert.Equal(File.ReadAllText($"{path}.{kind}.top.txt"), ours.Top(TopOptions.Default).Text);
    }

    [Theory]
    [MemberData(nameof(Traces))]
    public void Tasks_equal_go_s_summarizer(string trace)
    {
        var tasks = ExecTrace.Tasks(V2TraceReaderTests.Data(trace));
        var lines = tasks.Select(t => string.Join('\t', new object[]
        {
            "task", t.Id, t.Name, t.ParentId is { } p ? (long)p : -1, t.StartNs, t.EndNs, t.Logs.Count, t.Regions.Count,
        }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
        Assert.Equal(Oracle(trace, tasks: true), lines);
        // tracegen's task: one log and ten regions (one per workload), each inside the task's span, main.main's.
        var task = Assert.Single(tasks);
        Assert.Equal(1UL, Assert.Single(task.Goroutines));
        Assert.All(task.Regions, r => Assert.InRange(r.StartNs, task.StartNs, task.EndNs));
        Assert.All(task.Regions, r => Assert.True(r.ExecNs >= 0 && r.ExecNs <= r.EndNs - r.StartNs, $"{r}"));
        Assert.NotEmpty(Assert.Single(task.Logs).Message);
    }

    private const int Procs = 0, Goroutines = 1;

    private static long Ns(double us) => (long)Math.Round(us * 1000);

    [Theory]
    [MemberData(nameof(Traces))]
    public void Chrome_trace_validates_and_its_runs_sum_to_the_summaries(string trace)
    {
        var path = V2TraceReaderTests.Data(trace);
        var w = ExecTrace.ToChromeTrace(path);
        var result = ChromeTraceValidator.Validate(w.ToJson());
        Assert.True(result.Problems.Count == 0, string.Join('\n', result.Problems.Take(5)));
        Assert.Equal(w.Events.Count(e => e.Phase == "X"), result.SliceCount);

        var runs = w.Events.Where(e => e is { Phase: "X", Pid: Procs, Category: "running" }).ToArray();
        var exec = runs.GroupBy(e => (ulong)(long)e.Args!["g"]).ToDictionary(g => g.Key, g => g.Sum(e => Ns(e.Duration!.Value)));
        var perG = w.Events.Where(e => e is { Phase: "X", Pid: Goroutines, Category: "running" }).GroupBy(e => (ulong)e.Tid)
            .ToDictionary(g => g.Key, g => g.Sum(e => Ns(e.Duration!.Value)));
        var stats = ExecTrace.Goroutines(path);
        Assert.All(stats, g =>
        {
            Assert.Equal((g.Id, g.ExecNs), (g.Id, exec.GetValueOrDefault(g.Id)));
            Assert.Equal((g.Id, g.ExecNs), (g.Id, perG.GetValueOrDefault(g.Id)));
        });
        // Runs on one P never overlap; GC, STW and region tracks are drawn.
        foreach (var p in runs.GroupBy(e => e.Tid))
        {
            var ordered = p.OrderBy(e => Ns(e.Timestamp)).ToArray();
            for (var i = 1; i < ordered.Length; i++)
                Assert.True(Ns(ordered[i - 1].Timestamp) + Ns(ordered[i - 1].Duration!.Value) <= Ns(ordered[i].Timestamp), $"P {p.Key}: {ordered[i - 1]} overlaps {ordered[i]}");
        }
        Assert.Contains(w.Events, e => e is { Phase: "X", Name: "GC" });
        Assert.Contains(w.Events, e => e.Phase == "X" && e.Name.StartsWith("STW (", StringComparison.Ordinal));
        Assert.Equal(10, w.Events.Count(e => e is { Phase: "X", Category: "region" }));
    }

    [Theory]
    [InlineData("go122.test")]
    [InlineData("go122-annotations.test")]
    [InlineData("go122-confuse-seq-across-generations.test")]
    [InlineData("go122-task-across-generations.test")]
    [InlineData("go122-syscall-steal-proc-simple.test")]
    public void Go_s_test_traces_summaries_equal_go_1_23_s_summarizer(string file)
    {
        // Go's own test traces (8 Ps, syscalls whose P is stolen, tasks across generations…), converted to bytes as Go's
        // gotraceraw does (oracle-d1.tsv's SHA-256s check the conversion) and summarized by Go 1.23.5.
        var path = V2TraceReaderTests.Data("go-testdata", file);
        using var s = new MemoryStream(GoTextTrace.Load(path).Binary, writable: false);
        var ours = ExecTrace.Goroutines(s, file);
        var oracle = File.ReadAllLines(path + ".goroutines.tsv").Where(l => l.Length > 0 && l[0] != '#' && !l.StartsWith("task\t", StringComparison.Ordinal));
        Assert.Equal(oracle, ours.Select(Line));
    }

    [SkippableFact]
    public void Go_tool_pprof_top_of_our_profile_prints_what_it_printed_for_go_s()
    {
        // The Go on PATH (CI: 1.19) reads the kit's profile of a Go 1.23 trace; Go 1.23's `go tool pprof -top` of
        // `go tool trace -pprof` is recorded. pprof's text format is the same in 1.19-1.23.
        _ = LiveGo.Require();
        var trace = V2TraceReaderTests.Data("tracegen-go1.23.trace");
        foreach (var kind in Kinds)
        {
            var ours = Path.Combine(Path.GetTempPath(), $"golab-trace-v2-{kind}-{Guid.NewGuid():N}.pb.gz");
            try
            {
                PprofWriter.Write(ExecTrace.Profile(trace, Enum.Parse<ExecTraceProfileKind>(kind, ignoreCase: true)), ours);
                var top = PprofGoTool.Top(ours)!;
                Assert.True(top.Succeeded, top.ToString());
                Assert.Equal(File.ReadAllText($"{trace}.{kind}.top.txt"), top.Stdout);
            }
            finally
            {
                File.Delete(ours);
            }
        }
    }
}
