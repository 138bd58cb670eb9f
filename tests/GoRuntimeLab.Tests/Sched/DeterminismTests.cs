using GoRuntimeLab.Sched;
using GoRuntimeLab.Trace;

namespace GoRuntimeLab.Tests.Sched;

public class DeterminismTests
{
    public static TheoryData<string> AllWorkloads() => new(GoRuntimeLab.Sched.Workloads.Workloads.Names);

    [Theory]
    [MemberData(nameof(AllWorkloads))]
    public void Same_seed_gives_identical_result_json_and_trace(string name)
    {
        var cfg = SchedConfig.Default.WithSeed(42).WithSchedTrace(2_000_000, detail: true);
        var a = Scheduler.Run(name, cfg);
        var b = Scheduler.Run(name, cfg);
        Assert.Equal(a.ToJson(), b.ToJson());
        Assert.Equal(a.ToChromeTrace(), b.ToChromeTrace());
    }

    [Theory]
    [MemberData(nameof(AllWorkloads))]
    public void Chrome_trace_validates(string name)
    {
        var r = Scheduler.Run(name, SchedConfig.Default.WithProcs(4));
        var v = ChromeTraceValidator.Validate(r.ToChromeTrace());
        Assert.True(v.IsValid, string.Join('\n', v.Problems.Take(5)));
        Assert.True(v.SliceCount > 0);
    }
}
