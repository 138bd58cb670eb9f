using System.Diagnostics;
using GoRuntimeLab.Defer;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Defer;

/// <summary>Re-runs `go build -gcflags=-d=defer` on data/go/defer with the installed Go and compares with the model
/// (and, for the recorded release, with the recording). Skipped without Go; a failure when GOLAB_REQUIRE_GO=1.</summary>
public class DeferLiveTests
{
    private static string Compile(GoToolchain go, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(go.GoPath) { WorkingDirectory = DeferRecordingTests.ProgramDir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOCACHE")))
            info.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "golab-gocache");
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "go build timed out");
        Assert.True(p.ExitCode == 0, $"go {string.Join(' ', args)} failed: {stdout}{stderr.Result}");
        return stderr.Result;
    }

    [SkippableTheory]
    [InlineData("default", "-gcflags=-d=defer")]
    [InlineData("noopt", "-gcflags=-N -d=defer")]
    public void Live_compiler_output_agrees_with_the_model(string build, string gcflags)
    {
        var go = LiveGo.Require();
        var bin = Path.Combine(Path.GetTempPath(), "golab-defer-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var text = Compile(go, ["build", gcflags, "-o", bin, "."]) + Compile(go, ["test", "-c", gcflags, "-o", bin + ".test", "./bench"]);
            var output = DeferDebugOutput.Parse(text, $"live go build ({go.Description})");
            var cases = DeferCases.Load(DeferRecordingTests.ProgramDir);
            Assert.Equal(cases.Sum(c => c.Lines.Count), output.Count);
            var version = go.Version.Minor > GoVersion.Latest.Minor ? GoVersion.Latest : go.Version;
            Assert.All(DeferCases.Compare(cases, output, build, version), r => Assert.True(r.Agrees, r.ToString()));

            var recorded = Path.Combine(Requirement.RepoRoot(), "data", "recordings", "defer", $"d-defer-{build}-{go.Version}.log");
            if (File.Exists(recorded))
                Assert.Equal(DeferDebugOutput.Read(recorded).Select(l => (l.File, l.Line, l.Kind)), output.Select(l => (l.File, l.Line, l.Kind)));
        }
        finally
        {
            File.Delete(bin);
            File.Delete(bin + ".test");
        }
    }
}
