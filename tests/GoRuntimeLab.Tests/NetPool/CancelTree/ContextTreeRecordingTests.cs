using GoRuntimeLab.NetPool.CancelTree;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.NetPool.CancelTree;

/// <summary>The context model against data/go/ctxtree run by Go 1.19.8 (basic tree) and 1.21.13–1.23.5 (both trees).</summary>
public class ContextTreeRecordingTests
{
    internal static string ProgramDir => Path.Combine(Requirement.RepoRoot(), "data", "go", "ctxtree");

    public static TheoryData<string> Recordings()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "data", "recordings", "netpool"), "ctxtree-*.txt").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    /// <summary>Real timers fire a little late and a step (a timeout's creation) runs a little after its time: 25 ms of
    /// slack for deadlines (the parent-deadline rule moves them by hundreds).</summary>
    internal static void AssertSame(IReadOnlyList<ContextCheck> model, IReadOnlyList<ContextCheck> real, string label)
    {
        Assert.Equal(real.Select(c => c.At), model.Select(c => c.At));
        foreach (var (m, r) in model.Zip(real))
        {
            Assert.Equal(r.Nodes.Select(n => (n.Name, n.Done, n.Err, n.Cause)), m.Nodes.Select(n => (n.Name, n.Done, n.Err, n.Cause)));
            foreach (var (mn, rn) in m.Nodes.Zip(r.Nodes))
                Assert.True(Math.Abs(mn.DeadlineMs - rn.DeadlineMs) <= 25, $"{label} at {m.At} ms, {mn.Name}: deadline {mn.DeadlineMs} ms, real {rn.DeadlineMs} ms");
            Assert.Equal(r.AfterFuncs.OrderBy(p => p.Key, StringComparer.Ordinal), m.AfterFuncs.OrderBy(p => p.Key, StringComparer.Ordinal));
            Assert.Equal(r.Stopped.OrderBy(p => p.Key, StringComparer.Ordinal), m.Stopped.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Model_reports_the_same_done_err_cause_and_deadline_at_every_check(string file)
    {
        var (version, real) = ContextTreeRecording.Read(Path.Combine(Requirement.RepoRoot(), "data", "recordings", "netpool", file));
        var tree = file.Split('-')[1];
        var spec = ContextTreeSpec.Read(Path.Combine(ProgramDir, $"tree-{tree}.json"));
        var model = ContextTreeSimulator.Run(spec, new GoVersion(version.Major, version.Minor));
        Assert.NotEmpty(real);
        AssertSame(model.Checks, real, file);
    }

    [Fact]
    public void Both_trees_are_recorded_for_every_release_that_has_their_kinds()
    {
        var names = Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "data", "recordings", "netpool"), "ctxtree-*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ctxtree-basic-go1.19.8.txt", "ctxtree-basic-go1.21.13.txt", "ctxtree-basic-go1.22.12.txt", "ctxtree-basic-go1.23.5.txt",
            "ctxtree-cause-go1.21.13.txt", "ctxtree-cause-go1.22.12.txt", "ctxtree-cause-go1.23.5.txt"], names);
    }

    [SkippableFact]
    public async Task Live_go_agrees_with_the_model_on_the_basic_tree()
    {
        var go = LiveGo.Require();
        var spec = ContextTreeSpec.Read(Path.Combine(ProgramDir, "tree-basic.json"));
        var version = go.Version.Minor > GoVersion.Latest.Minor ? GoVersion.Latest : new GoVersion(go.Version.Major, go.Version.Minor);
        var model = ContextTreeSimulator.Run(spec, version).Checks;
        // The real program keeps wall-clock time: on a machine busy enough to delay a step by 30 ms a check can land on
        // the wrong side of a timer, so a second run is allowed before the difference counts.
        for (var attempt = 1; ; attempt++)
        {
            var run = await go.RunAsync(ProgramDir, ["-tree", "tree-basic.json"]);
            Assert.True(run.Succeeded, run.Stderr);
            try
            {
                AssertSame(model, ContextTreeRecording.Parse(run.Stdout, "live ctxtree"), "live");
                return;
            }
            catch (Xunit.Sdk.XunitException) when (attempt < 2)
            {
            }
        }
    }
}
