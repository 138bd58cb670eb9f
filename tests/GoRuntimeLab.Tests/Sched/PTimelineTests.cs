using GoRuntimeLab.Sched;

namespace GoRuntimeLab.Tests.Sched;

public class PTimelineTests
{
    public static TheoryData<string, int> Runs => new()
    {
        { "fanout", 4 }, { "syscall-mix", 4 }, { "many-short", 4 }, { "prodcons-unbuffered", 4 }, { "spinner-sleeper", 1 }, { "compute-sleeper", 1 },
    };

    /// <summary>A P does one thing at a time: its slices are disjoint (the trace validator tolerates nesting, so check strictly here).
    /// This caught a preempted G rescheduled on its own P being recorded twice.</summary>
    [Theory]
    [MemberData(nameof(Runs))]
    public void Slices_of_one_P_are_disjoint_and_inside_the_run(string workload, int procs)
    {
        var r = Scheduler.Run(workload, SchedConfig.Default.WithProcs(procs));
        foreach (var p in r.PTimeline.GroupBy(s => s.P))
        {
            var slices = p.OrderBy(s => s.Start).ToList();
            Assert.All(slices, s => Assert.True(s.Start < s.End && s.Start >= 0 && s.End <= r.EndTime, s.ToString()));
            for (var i = 1; i < slices.Count; i++) Assert.True(slices[i - 1].End <= slices[i].Start, $"{slices[i - 1]} overlaps {slices[i]}");
        }
    }

    /// <summary>Per goroutine, the P timeline's running time equals the G's own running time (two independent bookkeepings).</summary>
    [Theory]
    [MemberData(nameof(Runs))]
    public void Running_slices_add_up_to_each_goroutines_running_time(string workload, int procs)
    {
        var r = Scheduler.Run(workload, SchedConfig.Default.WithProcs(procs));
        var perG = r.PTimeline.Where(s => s.Activity == PActivity.Running && s.G > 0).GroupBy(s => s.G).ToDictionary(g => g.Key, g => g.Sum(s => s.Duration));
        foreach (var g in r.Goroutines.Where(g => g.RunningTime > 0))
            Assert.Equal(g.RunningTime, perG.GetValueOrDefault(g.Id));
    }
}
