using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.GoTool;

/// <summary>
/// Runs the welcome programs with the real Go. Skipped without Go, failed without Go when GOLAB_REQUIRE_GO=1.
/// Timing margins are wide (≥ 180 ms) so a busy machine does not flip the outcome.
/// </summary>
public class GoToolchainLiveTests
{
    private static string Root => Requirement.RepoRoot();

    private static string Program(string name) => Path.Combine(Root, "data", "go", name);


    [SkippableFact]
    public void Find_describes_the_installed_go()
    {
        var go = LiveGo.Require();
        Assert.True(File.Exists(go.GoPath));
        Assert.True(go.Version >= new GoVersion(1, 19), $"the recorders need Go 1.19+, found {go.Version}");
        if (OperatingSystem.IsLinux()) Assert.Equal("linux", go.Os);
        Assert.Equal(go.Os, go.Env("GOOS"));
        Assert.Equal(go.Arch, go.Env("GOARCH"));
        Assert.Contains(go.Env("CGO_ENABLED"), (string[])["0", "1"]);
        Assert.Same(go, GoToolchain.Find());
        Assert.Equal(go, GoToolchain.Require());
        Assert.Throws<KitInputException>(() => go.Env("GO OS"));
    }

    [SkippableFact]
    public async Task Sleep_shorter_than_the_work_cuts_every_goroutine_off()
    {
        var go = LiveGo.Require();
        var run = await go.RunAsync(Program("welcome-sleep"), ["-work", "300ms", "-wait", "20ms"]);
        Assert.Equal(0, run.ExitCode);
        var trace = WelcomeTrace.Parse(run.Stdout, "live welcome-sleep");
        Assert.Equal(3, trace.Launched);
        Assert.Equal(0, trace.Finished);
        Assert.Equal(3, trace.CutOff);
        Assert.True(trace.ExitMs >= 20, trace.ToString());
        // Elapsed is the program's own run, not the compile: at least main's lifetime, far below the work time.
        Assert.InRange(run.Elapsed.TotalMilliseconds, trace.ExitMs, 280);
        Assert.DoesNotContain("event=done", run.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Sleep_longer_than_the_work_lets_every_goroutine_finish()
    {
        var go = LiveGo.Require();
        var run = await go.RunAsync(Program("welcome-sleep"), ["-work", "20ms", "-wait", "250ms"]);
        var trace = WelcomeTrace.Parse(run.Stdout, "live welcome-sleep");
        Assert.Equal(3, trace.Finished);
        Assert.All(trace.Goroutines, g => Assert.True(g.DoneMs < trace.ExitMs));
    }

    [SkippableFact]
    public async Task WaitGroup_main_returns_only_after_every_goroutine()
    {
        var go = LiveGo.Require();
        foreach (var work in (string[])["50ms", "300ms"])
        {
            var run = await go.RunAsync(Program("welcome-waitgroup"), ["-work", work]);
            var trace = WelcomeTrace.Parse(run.Stdout, $"live welcome-waitgroup -work {work}");
            Assert.Equal(3, trace.Finished);
            Assert.Equal(0, trace.CutOff);
            Assert.True(trace.ExitMs >= trace.WorkMs, trace.ToString());
            Assert.All(trace.Goroutines, g => Assert.True(g.DoneMs <= trace.ExitMs));
            // Happens-before made visible: every done line is printed before main's exit line.
            var lines = run.Stdout.TrimEnd('\n').Split('\n');
            Assert.Contains("event=exit", lines[^1], StringComparison.Ordinal);
            Assert.Equal(3, lines.Count(l => l.Contains("event=done", StringComparison.Ordinal)));
        }
    }

    [SkippableFact]
    public async Task Options_reach_the_program_and_the_result_shows_the_command()
    {
        var go = LiveGo.Require();
        var buildDir = Directory.CreateTempSubdirectory("golab-live-");
        try
        {
            var run = await go.RunAsync(Program("welcome-waitgroup"), ["-work", "1ms"],
                new GoRunOptions { GoMaxProcs = 1, GoDebug = "inittrace=0", BuildDirectory = buildDir.FullName });
            Assert.Equal(1, WelcomeTrace.Parse(run.Stdout).GoMaxProcs);
            Assert.EndsWith("&& GODEBUG=inittrace=0 GOMAXPROCS=1 ./welcome-waitgroup -work 1ms", run.CommandLine, StringComparison.Ordinal);
            var shown = run.ToString();
            Assert.StartsWith($"$ {run.CommandLine}\nexit code 0, ", shown, StringComparison.Ordinal);
            Assert.Contains("--- stdout\nt=+", shown, StringComparison.Ordinal);
            // The temporary binary is gone.
            Assert.Empty(buildDir.EnumerateFileSystemInfos());
        }
        finally
        {
            buildDir.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_program_over_its_time_limit_is_killed_and_named()
    {
        var go = LiveGo.Require();
        var buildDir = Directory.CreateTempSubdirectory("golab-live-");
        try
        {
            var options = new GoRunOptions { Timeout = TimeSpan.FromMilliseconds(300), BuildDirectory = buildDir.FullName };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var e = await Assert.ThrowsAsync<TimeoutException>(() => go.RunAsync(Program("welcome-waitgroup"), ["-work", "30s"], options));
            Assert.Contains("welcome-waitgroup", e.Message, StringComparison.Ordinal);
            Assert.Contains("300 ms", e.Message, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the 30 s program was not killed");
            Assert.Empty(buildDir.EnumerateFileSystemInfos());
        }
        finally
        {
            buildDir.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_compile_error_is_a_GoBuildException_with_the_compiler_output()
    {
        var go = LiveGo.Require();
        var dir = Directory.CreateTempSubdirectory("golab-broken-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "go.mod"), "module golab/broken\n\ngo 1.19\n");
            File.WriteAllText(Path.Combine(dir.FullName, "main.go"), "package main\n\nfunc main() { undefinedThing() }\n");
            var e = await Assert.ThrowsAsync<GoBuildException>(() =>
                go.RunAsync(dir.FullName, [], new GoRunOptions { BuildDirectory = Path.Combine(dir.FullName, "out") }));
            Assert.Contains("undefined: undefinedThing", e.Message, StringComparison.Ordinal);
            Assert.NotEqual(0, e.Build!.ExitCode);
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(dir.FullName, "out")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task RunOrReplay_runs_live_when_go_is_present()
    {
        var go = LiveGo.Require();
        var output = await GoProgram.RunOrReplayAsync(Program("welcome-sleep"), ["-work", "700ms"],
            Path.Combine(Root, "data", "recordings", "welcome", "sleep-work700ms.txt"));
        Assert.True(output.IsLive);
        Assert.Equal($"live {go.Version} {go.Os}/{go.Arch}", output.Source);
        var trace = WelcomeTrace.Parse(output.Stdout, output.Source);
        Assert.Equal(3, trace.CutOff);
        Assert.Equal(go.Version.ToString(), trace.GoVersionText);
        // Not compared with Environment.ProcessorCount: .NET honours cgroup CPU quotas, Go 1.19 does not.
        Assert.InRange(trace.GoMaxProcs ?? 0, 1, 4096);
    }
}
