using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.GoTool;

/// <summary>The no-Go path of RunOrReplayAsync, and Find with a chosen search path: none of these needs Go.</summary>
public class GoProgramTests
{
    private static string Root => Requirement.RepoRoot();

    private static string SleepDir => Path.Combine(Root, "data", "go", "welcome-sleep");

    private static string Recording(string name) => Path.Combine(Root, "data", "recordings", "welcome", name);

    [Fact]
    public void Find_with_an_empty_search_path_finds_no_go()
    {
        Assert.Null(GoToolchain.Find("", null));
        Assert.Null(GoToolchain.Find(null));
        Assert.Null(GoToolchain.Find(Path.Combine(Root, "data"), Path.Combine(Root, "no-such-goroot")));
    }

    [Fact]
    public async Task Without_go_RunOrReplay_replays_the_recording_and_says_so()
    {
        var noGo = GoToolchain.Find("", null);
        var path = Recording("sleep-work700ms.txt");
        var output = await GoProgram.RunOrReplayAsync(noGo, SleepDir, ["-work", "700ms"], path);

        var recording = GoRecording.Read(path);
        Assert.False(output.IsLive);
        // The label shows the path from data/recordings on, never this machine's absolute path.
        Assert.Equal($"recorded {recording.GoVersionText} (data/recordings/welcome/sleep-work700ms.txt)", output.Source);
        Assert.StartsWith("recorded go1.", output.Source, StringComparison.Ordinal);
        Assert.Equal(recording.Stdout, output.Stdout);
        Assert.Equal(3, WelcomeTrace.Parse(output.Stdout, output.Source).CutOff);
        Assert.StartsWith($"[{output.Source}] exit code 0\n--- stdout\nt=+", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_works_with_notebook_style_relative_paths()
    {
        // Notebooks run with notebooks/ as the working directory and say "../data/…".
        var relativeRecording = Path.GetRelativePath(Environment.CurrentDirectory, Recording("waitgroup-default.txt"));
        var relativeDir = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(Root, "data", "go", "welcome-waitgroup"));
        var output = await GoProgram.RunOrReplayAsync(null, relativeDir, [], relativeRecording);
        Assert.EndsWith("(data/recordings/welcome/waitgroup-default.txt)", output.Source, StringComparison.Ordinal);
        Assert.Equal(3, WelcomeTrace.Parse(output.Stdout).Finished);
    }

    [Fact]
    public async Task A_missing_recording_is_named_in_the_error()
    {
        var path = Recording("sleep-work9000ms.txt");
        var e = await Assert.ThrowsAsync<KitInputException>(() => GoProgram.RunOrReplayAsync(null, SleepDir, ["-work", "9000ms"], path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains("file not found (relative paths start at", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recording_of_other_arguments_or_another_program_is_refused()
    {
        var args = await Assert.ThrowsAsync<KitInputException>(() =>
            GoProgram.RunOrReplayAsync(null, SleepDir, ["-work", "50ms"], Recording("sleep-work700ms.txt")));
        Assert.Contains("made with arguments [-work 700ms], not [-work 50ms]", args.Message, StringComparison.Ordinal);

        var program = await Assert.ThrowsAsync<KitInputException>(() =>
            GoProgram.RunOrReplayAsync(null, SleepDir, [], Recording("waitgroup-default.txt")));
        Assert.Contains("this recording is of data/go/welcome-waitgroup", program.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Find_reads_the_version_of_whatever_go_the_search_path_holds()
    {
        Skip.If(OperatingSystem.IsWindows(), "uses a shell script as a stand-in go");
        var dir = Directory.CreateTempSubdirectory("golab-fake-go-");
        try
        {
            var fake = Path.Combine(dir.FullName, "go");
            File.WriteAllText(fake, "#!/bin/sh\necho 'go version go1.23.4 darwin/arm64'\n");
            // Not executable yet: a shell would not run it, so neither does Find.
            Assert.Null(GoToolchain.Find(dir.FullName));
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var found = GoToolchain.Find("/nonexistent" + Path.PathSeparator + dir.FullName);
            Assert.Equal(new GoToolchain(fake, new GoVersion(1, 23, 4), "darwin", "arm64"), found);

            // A go that answers nonsense is not a usable toolchain; $GOROOT/bin/go is the fallback.
            File.WriteAllText(fake, "#!/bin/sh\necho 'hello'\n");
            Assert.Null(GoToolchain.Find(dir.FullName));
            var goroot = Directory.CreateDirectory(Path.Combine(dir.FullName, "goroot", "bin"));
            var rootGo = Path.Combine(goroot.FullName, "go");
            File.WriteAllText(rootGo, "#!/bin/sh\necho 'go version go1.21.0 linux/arm64'\n");
            File.SetUnixFileMode(rootGo, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Assert.Equal(new GoVersion(1, 21, 0), GoToolchain.Find(dir.FullName, goroot.Parent!.FullName)?.Version);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_not_found_message_says_what_is_missing_and_how_to_install_in_English_and_Chinese()
    {
        var message = new GoToolNotFoundException().Message;
        Assert.Contains("no `go` on PATH", message, StringComparison.Ordinal);
        Assert.Contains("apt-get install golang-go", message, StringComparison.Ordinal);
        Assert.Contains("未找到 Go 工具链", message, StringComparison.Ordinal);
        Assert.Contains("请安装 Go", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 60, null, "GoMaxProcs: must be at least 1")]
    [InlineData(null, 0, null, "Timeout: must be positive")]
    [InlineData(null, 60, "A=B", "EnvironmentVariables: \"A=B\" is not an environment variable name")]
    public async Task Bad_options_are_refused_before_anything_runs(int? procs, int timeoutSeconds, string? badName, string expected)
    {
        var options = new GoRunOptions
        {
            GoMaxProcs = procs,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            EnvironmentVariables = badName is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [badName] = "1" },
        };
        // A stand-in toolchain: validation must fail before `go` would be started.
        var toolchain = new GoToolchain("/nonexistent/go", GoVersion.Latest, "linux", "amd64");
        var e = await Assert.ThrowsAsync<KitInputException>(() => toolchain.RunAsync(SleepDir, [], options));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_program_folder_is_named()
    {
        var toolchain = new GoToolchain("/nonexistent/go", GoVersion.Latest, "linux", "amd64");
        var e = await Assert.ThrowsAsync<KitInputException>(() => toolchain.RunAsync("data/go/no-such-program", []));
        Assert.Equal("data/go/no-such-program", e.FilePath);
        var empty = await Assert.ThrowsAsync<KitInputException>(() => toolchain.RunAsync(Path.Combine(Root, "data"), []));
        Assert.Contains("no .go files", empty.Message, StringComparison.Ordinal);
    }
}
