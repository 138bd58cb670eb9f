using System.Globalization;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Testing;
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
}
