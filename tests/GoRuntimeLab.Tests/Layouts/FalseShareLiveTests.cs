using System.Diagnostics;
using GoRuntimeLab.Layouts;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Layouts;

/// <summary>The false-sharing benchmark compiles with the installed Go and its size test (unsafe.Sizeof) passes — the sizes golab computes for counters.go.</summary>
public class FalseShareLiveTests
{
    [SkippableFact]
    public void The_benchmarks_size_test_passes_under_the_installed_go()
    {
        var go = LiveGo.Require();
        var dir = Path.Combine(Requirement.RepoRoot(), "data", "go", "falseshare");
        var info = new ProcessStartInfo(go.GoPath) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "test", "-run", "TestSizes", "-count", "1", "." }) info.ArgumentList.Add(a);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOCACHE")))
            info.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "golab-gocache");
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "go test timed out");
        Assert.True(p.ExitCode == 0, $"go test failed: {stdout}{stderr.Result}");
        var report = GoLayout.AnalyzeFile(Path.Combine(dir, "counters.go"));
        Assert.Equal((8L, 64L, 128L, 256L), (report["Plain"].Size, report["Pad64"].Size, report["Pad128"].Size, report["PaddedStats"].Size));
    }
}
