using GoRuntimeLab.Testing;
using GoRuntimeLab.Trace.Exec;
using GoRuntimeLab.Trace.Exec.V2;

namespace GoRuntimeLab.Tests.Trace.Exec;

/// <summary>
/// <see cref="ExecTrace.ReadStats(string, string)"/> reads every format the kit knows: the header picks the reader, so a Go 1.22
/// or 1.23 recording gives through the dispatcher exactly what the generation-format reader gives (which its own tests
/// hold to <c>go tool trace -d=2</c>), and a 1.19 one what the V1 reader gives.
/// </summary>
public class ExecTraceDispatchTests
{
    [Theory]
    [InlineData("tracegen-go1.22.trace", "1.22")]
    [InlineData("tracegen-go1.23.trace", "1.23")]
    public void Generation_format_recordings_go_to_the_v2_reader(string name, string version)
    {
        var path = Path.Combine(Requirement.RepoRoot(), "data", "recordings", "trace-v2", name);
        var viaDispatcher = ExecTrace.ReadStats(path);
        ExecTraceStats direct;
        using (var s = File.OpenRead(path)) direct = V2TraceReader.ReadStats(s, name, ExecTraceHeader.Read(s, name));

        Assert.Equal(version, viaDispatcher.GoVersion);
        Assert.Equal(direct.DurationNs, viaDispatcher.DurationNs);
        Assert.Equal(direct.Procs, viaDispatcher.Procs);
        Assert.Equal(direct.Goroutines, viaDispatcher.Goroutines);
        Assert.Equal(direct.Events.OrderBy(e => e.Key, StringComparer.Ordinal), viaDispatcher.Events.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.True(viaDispatcher.Events["GoCreate"] > 0);
    }
}
