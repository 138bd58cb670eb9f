using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Gc.Pacer;

/// <summary>
/// debug.SetGCPercent moves the heap goal at once (runtime.setGCPercent calls gcControllerCommit), checked against a
/// real Go 1.19.8 run recorded in data/recordings/pacer.
/// </summary>
public class SetGcPercentTests
{
    private static string Recording => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "pacer", "setgcpercent-go1.19.8.txt");

    [Theory]
    [InlineData("1.19")]
    [InlineData("1.23")]
    public void Debug_set_gc_percent_commits_the_new_goal_at_once(string version)
    {
        var c = GcController.Create(GcConfig.Default.WithVersion(version));
        Assert.Equal(4194304UL, c.HeapGoal());
        Assert.Equal(100, c.DebugSetGcPercent(200));
        Assert.Equal(8388608UL, c.HeapGoal());
        Assert.Equal(8388608UL, c.Trigger().Goal);
    }

    [Fact]
    public void The_controller_method_alone_leaves_the_goal_until_commit_as_in_go()
    {
        var c = GcController.Create(GcConfig.Default);
        c.SetGcPercent(200);
        Assert.Equal(4194304UL, c.HeapGoal());
        c.Commit(isSweepDone: true);
        Assert.Equal(8388608UL, c.HeapGoal());
    }

    [Fact]
    public void Debug_set_memory_limit_commits_too()
    {
        var c = GcController.Create(GcConfig.Default.WithVersion("1.19"));
        c.DebugSetMemoryLimit(3 << 20);
        // memoryLimitHeapGoal in 1.19: limit − 1 MiB headroom (no other memory in the model's stats).
        Assert.Equal(2UL << 20, c.HeapGoal());
    }

    [Fact]
    public void Recorded_go_1_19_8_run_parses_and_the_model_agrees_on_every_goal()
    {
        var real = SetGcPercentRecording.Read(Recording);
        Assert.Equal("go1.19.8", real.GoVersionText);
        Assert.Equal(4194304UL, real.StartGoal);
        Assert.Equal([(100, 200, 8388608UL), (200, 50, 2097152UL)], real.Steps.Select(s => (s.Old, s.New, s.Goal)));
        Assert.All(real.Steps, s => Assert.Equal(0UL, s.GcCycles)); // no GC in between: the call itself moved the goal
        var rows = real.CompareWithModel(GoVersion.Go1_19);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.True(r.Equal, r.ToString()));
    }

    [Theory]
    [InlineData("event=start go=go1.19.8 goal=x", 1)]
    [InlineData("event=setgcpercent old=1 new=2 gc-cycles=0 goal=1", 1)]
    [InlineData("event=start go=go1.19.8 goal=1\nevent=setgcpercent old=1 new=2 goal=1", 2)]
    [InlineData("event=start go=go1.19.8 goal=1\nbogus", 2)]
    public void Malformed_output_names_the_line(string stdout, int line)
    {
        var e = Assert.Throws<KitInputException>(() => SetGcPercentRecording.Parse(stdout, "x.txt"));
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void Output_without_a_start_line_is_refused()
    {
        var e = Assert.Throws<KitInputException>(() => SetGcPercentRecording.Parse("", "x.txt"));
        Assert.Contains("no start line", e.Message, StringComparison.Ordinal);
    }
}
