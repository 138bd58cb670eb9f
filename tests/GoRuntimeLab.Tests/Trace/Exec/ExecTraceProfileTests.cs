using GoRuntimeLab.Pprof;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Trace.Exec;

/// <summary>
/// The blocking profiles against `go tool trace -pprof=KIND` of the Go that wrote each trace (FILE.KIND.pb.gz, made by
/// data/go/tracegen/record.sh): the same samples — stack, contentions, delay — and, with Go on PATH, the same
/// `go tool pprof -top` table.
/// </summary>
public class ExecTraceProfileTests
{
    private static readonly string[] Kinds = ["net", "sync", "syscall", "sched"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var trace in new[] { "tracegen-go1.19.trace", "tracegen-go1.21.trace", "go-testdata/http_1_19_good", "go-testdata/stress_1_19_good" })
            foreach (var kind in Kinds)
                data.Add(trace, kind);
        return data;
    }

    private static ExecTraceProfileKind Kind(string kind) => Enum.Parse<ExecTraceProfileKind>(kind, ignoreCase: true);

    // A sample as an order-free key: its functions innermost first, its two values.
    private static IEnumerable<string> Samples(PprofProfile p) =>
        p.Samples.Select(s => $"{string.Join(" < ", s.Locations.SelectMany(l => l.Lines.Select(x => $"{x.Function.Name}@{x.Function.FileName}:{x.Line}")))} = {string.Join(",", s.Values)}")
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Samples_equal_go_tool_trace_pprof(string trace, string kind)
    {
        var path = Path.Combine(ExecTraceRecordingTests.Dir, trace);
        var ours = ExecTrace.Profile(path, Kind(kind));
        var go = PprofReader.Read($"{path}.{kind}.pb.gz");
        Assert.Equal(Samples(go), Samples(ours));
        Assert.Equal(go.SampleTypes, ours.SampleTypes);
        Assert.Equal(go.PeriodType, ours.PeriodType);
        if (kind != "net" || !trace.Contains("stress", StringComparison.Ordinal)) Assert.NotEmpty(ours.Samples);
    }

    [SkippableFact]
    public void Go_tool_pprof_top_prints_the_same_table_for_ours_and_go_s()
    {
        _ = LiveGo.Require();
        var trace = Path.Combine(ExecTraceRecordingTests.Dir, "tracegen-go1.19.trace");
        foreach (var kind in Kinds)
        {
            var ours = Path.Combine(Path.GetTempPath(), $"golab-trace-{kind}-{Guid.NewGuid():N}.pb.gz");
            try
            {
                PprofWriter.Write(ExecTrace.Profile(trace, Kind(kind)), ours);
                var a = PprofGoTool.Top(ours)!;
                var b = PprofGoTool.Top($"{trace}.{kind}.pb.gz")!;
                Assert.True(a.Succeeded && b.Succeeded, $"{a}\n{b}");
                Assert.Equal(b.Stdout, a.Stdout);
            }
            finally
            {
                File.Delete(ours);
            }
        }
    }

    [Fact]
    public void An_inconsistent_trace_is_refused_as_parser_go_refuses_it()
    {
        // A goroutine started twice: no consistent ordering (order1007), as `go tool trace` reports.
        var w = new TraceWriter("go 1.19 trace\0\0\0").Emit(1, 0, 0).Emit(2, 1_000_000).Emit(5, 1, 7)
            .Emit(13, 1, 5, 0, 0).Emit(14, 1, 5, 1).Emit(14, 1, 5, 1);
        var e = Assert.Throws<ExecTraceFormatException>(() => ExecTrace.Profile(w.ToStream(), "bad.trace", ExecTraceProfileKind.Sched));
        Assert.Contains("no consistent ordering of events possible", e.Message, StringComparison.Ordinal);
    }
}
