using System.Diagnostics;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Trace.Exec;

/// <summary>
/// A trace made now by the installed Go (data/go/tracegen), read by the kit and by `go tool trace -d` of the same Go:
/// the counts and the span must agree. Skips without Go (fails with GOLAB_REQUIRE_GO=1), and for Go 1.22 and later,
/// whose generation-based format and `-d` output are another reader's.
/// </summary>
public class ExecTraceLiveTests
{
    [SkippableFact]
    public void A_trace_recorded_now_counts_as_go_tool_trace_d_counts_it()
    {
        var go = LiveGo.Require();
        Skip.If(go.Version.Minor >= 22, $"Go {go.Version} writes the generation-based format (read by the V2 reader, with its own live test)");
        var trace = Path.Combine(Path.GetTempPath(), $"golab-live-{Guid.NewGuid():N}.trace");
        try
        {
            var program = Path.Combine(Requirement.RepoRoot(), "data", "go", "tracegen");
            var run = go.RunAsync(program, ["-o", trace, "-cpuprofile"]).GetAwaiter().GetResult();
            Assert.True(run.Succeeded, run.ToString());

            var dump = GoToolTraceD(go, trace);
            var expected = ExecTraceRecordingTests.CountsOfDump(dump);
            var stats = ExecTrace.ReadStats(trace);
            Assert.Equal(expected, new SortedDictionary<string, long>(stats.Events.ToDictionary(), StringComparer.Ordinal));
            var lastLine = dump.TrimEnd('\n')[(dump.TrimEnd('\n').LastIndexOf('\n') + 1)..];
            Assert.Equal(long.Parse(lastLine.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), stats.DurationNs);
            Assert.Equal($"{go.Version.Major}.{go.Version.Minor}", stats.GoVersion);
        }
        finally
        {
            File.Delete(trace);
        }
    }

    private static string GoToolTraceD(GoToolchain go, string trace)
    {
        var info = new ProcessStartInfo(go.GoPath) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "tool", "trace", "-d", trace }) info.ArgumentList.Add(a);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOCACHE")))
            info.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "golab-gocache");
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "go tool trace -d timed out");
        Assert.True(p.ExitCode == 0, $"go tool trace -d failed: {stderr.Result}");
        return stdout;
    }
}
