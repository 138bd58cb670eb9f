using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Analysis;

namespace GoRuntimeLab.Tests.Sched.Analysis;

public class GTransitionsTests
{
    [Theory]
    [InlineData(4, 1UL)]
    [InlineData(2, 1UL)]
    [InlineData(4, 7UL)]
    public void Running_to_runnable_equals_the_preemptions_of_the_fanout(int procs, ulong seed)
    {
        var run = Scheduler.Run("fanout", SchedConfig.Default.WithProcs(procs).WithSeed(seed));
        var counts = GTransitions.Count(run);
        var preempted = counts.Where(c => c.From == GStatus.Running && c.To == GStatus.Runnable).Sum(c => c.Count);
        Assert.Equal(run.Preemptions.Async + run.Preemptions.Cooperative, preempted);
        Assert.True(preempted > 0);
        // No self-transition survives: every back-to-back pair of equal spans was explained by an event.
        Assert.DoesNotContain(counts, c => c.From == c.To);
    }

    [Fact]
    public void Fanout_on_4_ps_restores_the_zero_length_runnable_states_the_timeline_drops()
    {
        var run = Scheduler.Run("fanout", SchedConfig.Default.WithProcs(4));
        var timelineOnly = run.GTimeline.GroupBy(s => s.G)
            .SelectMany(g => g.Zip(g.Skip(1), (a, b) => (a.Status, b.Status))).Count(t => t is (GStatus.Running, GStatus.Running));
        var restored = GTransitions.Count(run).Single(c => c is { From: GStatus.Running, To: GStatus.Runnable }).ZeroLength;
        Assert.Equal(timelineOnly, restored);
    }

    [Fact]
    public void Every_built_in_workload_is_counted_with_running_to_runnable_equal_to_the_yield_events()
    {
        foreach (var name in GoRuntimeLab.Sched.Workloads.Workloads.Names)
        {
            var run = Scheduler.Run(name, SchedConfig.Default.WithProcs(2));
            var counts = GTransitions.Count(run);
            var yields = run.Events.Count(e => e.Kind is SchedEventKind.Gosched or SchedEventKind.PreemptAsync or SchedEventKind.PreemptCooperative);
            Assert.True(yields == counts.Where(c => c is { From: GStatus.Running, To: GStatus.Runnable }).Sum(c => c.Count), name);
            Assert.DoesNotContain(counts, c => c is { From: GStatus.Running, To: GStatus.Running });
        }
    }
}
