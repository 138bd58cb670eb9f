using System.Globalization;
using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Trace.Exec;

/// <summary>
/// Per-goroutine times against internal/trace GoroutineStats itself: data/go/tracestats runs Go's own package (copied
/// from GOROOT at recording time) on each trace and writes FILE.goroutines.tsv (data/go/tracegen/record.sh).
/// </summary>
public class ExecTraceGoroutineTests
{
    public static TheoryData<string> Traces() =>
        ["tracegen-go1.19.trace", "tracegen-go1.21.trace", "go-testdata/http_1_19_good", "go-testdata/stress_1_19_good"];

    internal static string[] Oracle(string tsv) => [.. File.ReadAllLines(tsv).Where(l => l.Length > 0 && l[0] != '#')];

    internal static string Line(ExecTraceGoroutine g) => string.Join('\t', new object[]
    {
        g.Id, g.Name, g.CreationNs, g.StartNs, g.EndNs, g.ExecNs, g.SchedWaitNs, g.IoNs, g.BlockNs, g.SyscallNs, g.GcNs, g.SweepNs, g.TotalNs,
    }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    [Theory]
    [MemberData(nameof(Traces))]
    public void Every_goroutine_s_times_equal_go_s_goroutine_stats(string trace)
    {
        var path = Path.Combine(ExecTraceRecordingTests.Dir, trace);
        var ours = ExecTrace.Goroutines(path);
        Assert.Equal(Oracle(path + ".goroutines.tsv"), ours.Select(Line));
        Assert.Contains(ours, g => g.ExecNs > 0 && g.SchedWaitNs > 0);
    }

    [Fact]
    public void Tracegen_s_workloads_show_in_the_times_they_cause()
    {
        var gs = ExecTrace.Goroutines(Path.Combine(ExecTraceRecordingTests.Dir, "tracegen-go1.19.trace"));
        Assert.True(gs.Sum(g => g.IoNs) > 0, "loopback TCP: network wait");
        Assert.True(gs.Sum(g => g.BlockNs) > 0, "channels and mutex: sync block");
        Assert.True(gs.Sum(g => g.SyscallNs) > 0, "blocking syscalls");
        Assert.True(gs.Sum(g => g.GcNs) > 0, "GC cycles");
        Assert.All(gs, g => Assert.True(g.ExecNs <= g.TotalNs, $"g {g.Id}: exec {g.ExecNs} > total {g.TotalNs}"));
    }
}
