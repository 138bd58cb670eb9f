using System.Diagnostics;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Trace.Exec;

/// <summary>
/// A trace made now by the installed Go (data/go/tracegen), read by the kit and by `go tool trace -d` of the same Go:
/// the counts and the span must agree, and so must the blocking profiles (`go tool trace -pprof`) and the goroutine
/// times (internal/trace GoroutineStats). Skips without Go (fails with GOLAB_REQUIRE_GO=1), and for Go 1.22 and later,
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

            // The blocking profiles, against `go tool trace -pprof=KIND` of the same Go.
            foreach (var kind in new[] { "net", "sync", "syscall", "sched" })
            {
                var goProfile = PprofReader.Parse(new MemoryStream(GoTool(go, null, "tool", "trace", $"-pprof={kind}", trace)), $"go tool trace -pprof={kind}");
                var ours = ExecTrace.Profile(trace, Enum.Parse<ExecTraceProfileKind>(kind, ignoreCase: true));
                Assert.Equal(Totals(goProfile), Totals(ours));
            }

            // The goroutine times, against internal/trace GoroutineStats of the same Go (data/go/tracestats with a
            // temporary copy of the package, as record.sh makes the oracle).
            var work = Path.Combine(Path.GetTempPath(), $"golab-tracestats-{Guid.NewGuid():N}");
            try
            {
                var stats2 = Path.Combine(Requirement.RepoRoot(), "data", "go", "tracestats");
                Directory.CreateDirectory(Path.Combine(work, "trace"));
                foreach (var f in new[] { "go.mod", "main.go" }) File.Copy(Path.Combine(stats2, f), Path.Combine(work, f));
                var goRoot = System.Text.Encoding.UTF8.GetString(GoTool(go, null, "env", "GOROOT")).Trim();
                foreach (var f in Directory.GetFiles(Path.Combine(goRoot, "src", "internal", "trace"), "*.go").Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal)))
                    File.Copy(f, Path.Combine(work, "trace", Path.GetFileName(f)));
                var tsv = System.Text.Encoding.UTF8.GetString(GoTool(go, work, "run", ".", trace));
                Assert.Equal(tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l[0] != '#'), ExecTrace.Goroutines(trace).Select(ExecTraceGoroutineTests.Line));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }
        finally
        {
            File.Delete(trace);
        }
    }

    private static (long, long) Totals(PprofProfile p) => (p.Total("contentions"), p.Total("delay"));

    private static byte[] GoTool(GoToolchain go, string? dir, params string[] args)
    {
        var info = new ProcessStartInfo(go.GoPath) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = dir ?? Environment.CurrentDirectory };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOCACHE")))
            info.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "golab-gocache");
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(output);
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), $"go {string.Join(' ', args)} timed out");
        Assert.True(p.ExitCode == 0, $"go {string.Join(' ', args)} failed: {stderr.Result}");
        return output.ToArray();
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
