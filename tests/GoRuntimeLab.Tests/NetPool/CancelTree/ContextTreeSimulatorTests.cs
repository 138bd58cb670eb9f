using GoRuntimeLab.NetPool.CancelTree;

namespace GoRuntimeLab.Tests.NetPool.CancelTree;

/// <summary>The context model's rules, each against context.go.</summary>
public class ContextTreeSimulatorTests
{
    private static ContextTreeSpec Tree(IReadOnlyList<ContextNodeSpec> nodes, params ContextStep[] steps) => new(nodes, steps);

    private static ContextNodeState At(ContextTreeResult r, long at, string node) => r.Checks.Single(c => c.At == at).Nodes.Single(n => n.Name == node);

    [Fact]
    public void A_later_child_deadline_becomes_WithCancel_and_dies_with_the_parents_deadline()
    {
        var spec = Tree([
            new("root", null, ContextKind.Background),
            new("parent", "root", ContextKind.Timeout, 100),
            new("child", "parent", ContextKind.DeadlineCause, 500, "never reported"),
        ], new ContextStep(50, ContextStepKind.Check), new ContextStep(150, ContextStepKind.Check));
        var r = ContextTreeSimulator.Run(spec, GoVersion.Go1_23);
        Assert.Equal(100, At(r, 50, "child").DeadlineMs);   // Deadline() is the parent's
        var child = At(r, 150, "child");
        Assert.Equal((true, ContextTreeSimulator.DeadlineExceeded, ContextTreeSimulator.DeadlineExceeded), (child.Done, child.Err, child.Cause));
        Assert.Contains(r.Events, e => e is { Node: "child", Via: "parent", From: "parent", AtMs: 100 });
    }

    [Fact]
    public void An_earlier_child_deadline_keeps_its_own_timer_and_cause()
    {
        var spec = Tree([
            new("root", null, ContextKind.Background),
            new("parent", "root", ContextKind.Timeout, 300),
            new("child", "parent", ContextKind.TimeoutCause, 100, "slow"),
        ], new ContextStep(200, ContextStepKind.Check));
        var r = ContextTreeSimulator.Run(spec, GoVersion.Go1_21);
        Assert.Equal(new ContextNodeState("child", true, ContextTreeSimulator.DeadlineExceeded, "slow", 100), At(r, 200, "child"));
        Assert.False(At(r, 200, "parent").Done);
    }

    [Fact]
    public void Cancel_causes_propagate_to_children_and_cancel_nil_means_Canceled()
    {
        var nodes = new ContextNodeSpec[] { new("root", null, ContextKind.Background), new("a", "root", ContextKind.CancelCause), new("b", "a", ContextKind.Cancel), new("c", "root", ContextKind.CancelCause) };
        var r = ContextTreeSimulator.Run(Tree(nodes, new ContextStep(10, ContextStepKind.Cancel, "a", "boom"), new ContextStep(10, ContextStepKind.Cancel, "c"),
            new ContextStep(20, ContextStepKind.Cancel, "b"), new ContextStep(30, ContextStepKind.Check)), GoVersion.Go1_20);
        Assert.Equal(("context canceled", "boom"), (At(r, 30, "b").Err, At(r, 30, "b").Cause)); // the first cancellation wins
        Assert.Equal("context canceled", At(r, 30, "c").Cause);
        // Go 1.19 has no Cause: the same tree without CancelCause reports none.
        Assert.Throws<KitInputException>(() => ContextTreeSimulator.Run(Tree(nodes), GoVersion.Go1_19));
    }

    [Fact]
    public void A_child_made_under_a_done_parent_is_done_at_once_and_WithoutCancel_cuts_the_tree()
    {
        var spec = Tree([
            new("root", null, ContextKind.Background),
            new("a", "root", ContextKind.Cancel),
            new("detached", "a", ContextKind.WithoutCancel),
            new("under", "detached", ContextKind.Timeout, 1000),
            new("late", "a", ContextKind.Cancel, CreateAt: 20),
            new("hook", "a", ContextKind.AfterFunc),
            new("lateHook", "a", ContextKind.AfterFunc, CreateAt: 20),
            new("neverHook", "detached", ContextKind.AfterFunc),
        ], new ContextStep(10, ContextStepKind.Cancel, "a"), new ContextStep(20, ContextStepKind.Create, "late"),
            new ContextStep(20, ContextStepKind.Create, "lateHook"), new ContextStep(30, ContextStepKind.Check));
        var r = ContextTreeSimulator.Run(spec, GoVersion.Go1_21);
        Assert.True(At(r, 30, "late").Done);
        Assert.False(At(r, 30, "detached").Done);
        Assert.Equal(-1, At(r, 30, "detached").DeadlineMs);
        Assert.False(At(r, 30, "under").Done);
        Assert.Equal(1000, At(r, 30, "under").DeadlineMs);
        var hooks = r.Checks.Single().AfterFuncs;
        Assert.True(hooks["hook"]);
        Assert.True(hooks["lateHook"]);   // registered on a done context: runs at once
        Assert.False(hooks["neverHook"]); // WithoutCancel is never done
    }

    [Fact]
    public void Stop_before_the_run_prevents_it_and_says_so()
    {
        var spec = Tree([new("root", null, ContextKind.Background), new("a", "root", ContextKind.Timeout, 50), new("f", "a", ContextKind.AfterFunc), new("g", "a", ContextKind.AfterFunc)],
            new ContextStep(10, ContextStepKind.Stop, "f"), new ContextStep(60, ContextStepKind.Stop, "g"), new ContextStep(70, ContextStepKind.Check));
        var check = ContextTreeSimulator.Run(spec, GoVersion.Go1_22).Checks.Single();
        Assert.Equal((false, true), (check.AfterFuncs["f"], check.AfterFuncs["g"]));
        Assert.Equal((true, false), (check.Stopped["f"], check.Stopped["g"]));
    }

    [Fact]
    public void Bad_trees_are_refused_with_the_parameter_and_file()
    {
        Assert.Equal("tree", Assert.Throws<KitInputException>(() => Tree([new("a", "nope", ContextKind.Cancel)])).Parameter);
        Assert.Throws<KitInputException>(() => Tree([new("r", null, ContextKind.Background), new("r", "r", ContextKind.Cancel)]));
        Assert.Throws<KitInputException>(() => Tree([new("r", null, ContextKind.Background)], new ContextStep(1, ContextStepKind.Cancel, "r")));
        Assert.Throws<KitInputException>(() => Tree([new("r", null, ContextKind.Background)], new ContextStep(5, ContextStepKind.Check), new ContextStep(1, ContextStepKind.Check)));
        var e = Assert.Throws<KitInputException>(() => ContextTreeSpec.Parse("{\"nodes\":[{\"name\":\"r\",\"kind\":\"bogus\"}]}", "t.json"));
        Assert.Equal(("tree", "t.json"), (e.Parameter, e.FilePath));
        Assert.Equal("version", Assert.Throws<KitInputException>(() => ContextTreeSimulator.Run(Tree([new("r", null, ContextKind.Background)]), new GoVersion(1, 18))).Parameter);
    }
}
