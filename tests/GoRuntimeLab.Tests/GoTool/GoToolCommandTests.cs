using GoRuntimeLab.Cover;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Tests.Cover;

namespace GoRuntimeLab.Tests.GoTool;

/// <summary>One go command run live (when Go is installed) or replayed from its recorded stdout.</summary>
public sealed class GoToolCommandTests
{
    private static string Dir => Path.Combine(Requirement.RepoRoot(), "data", "go", "coverdemo");

    private static string Recording => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "cover", "coverdemo-race-go1.19.8.func.txt");

    private static readonly string[] Args = ["tool", "cover", "-func=../../recordings/cover/coverdemo-race-go1.19.8.out"];

    [Fact]
    public async Task WithoutGo_ReplaysTheRecordedStdout()
    {
        var output = await GoToolCommand.RunOrReplayAsync(null, Dir, Args, Recording);
        Assert.False(output.IsLive);
        Assert.Equal("recorded (data/recordings/cover/coverdemo-race-go1.19.8.func.txt)", output.Source);
        Assert.Equal(File.ReadAllText(Recording), output.Stdout);
    }

    [SkippableFact]
    public async Task Live_GoToolCoverFunc_PrintsWhatWasRecorded()
    {
        var go = LiveGo.Require();
        var output = await GoToolCommand.RunOrReplayAsync(go, Dir, Args, Recording);
        Assert.True(output.IsLive);
        Assert.Equal(0, output.ExitCode);
        Assert.Equal(CoverFuncsTests.FuncLines(File.ReadAllText(Recording)), CoverFuncsTests.FuncLines(output.Stdout));
    }

    [Fact]
    public async Task BadInput_IsAKitInputException_BeforeAnythingRuns()
    {
        var noArgs = await Assert.ThrowsAsync<KitInputException>(() => GoToolCommand.RunOrReplayAsync(null, Dir, [], Recording));
        Assert.Equal("args", noArgs.Parameter);
        var noDir = await Assert.ThrowsAsync<KitInputException>(() => GoToolCommand.RunOrReplayAsync(null, Path.Combine(Dir, "missing"), Args, Recording));
        Assert.Equal("workingDirectory", noDir.Parameter);
        var noRecording = await Assert.ThrowsAsync<KitInputException>(() => GoToolCommand.RunOrReplayAsync(null, Dir, Args, Recording + ".missing"));
        Assert.Equal("recordedStdoutPath", noRecording.Parameter);
    }
}
