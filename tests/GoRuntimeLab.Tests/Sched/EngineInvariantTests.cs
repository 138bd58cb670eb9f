using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;

namespace GoRuntimeLab.Tests.Sched;

/// <summary>
/// The engine's parts (RunQueues, Netpoll, Sema, Sysmon, Channels) check their own invariants after each state change when
/// SchedConfig.CheckInvariants is on. Every built-in workload and a mix of mutex, network, syscall and sleep work must run
/// under those checks without a SchedInvariantException, and the checks must only look: the result is the same as without.
/// </summary>
public class EngineInvariantTests
{
    private static Workload Mixed() => Workload.Create("mixed").Main(m =>
    {
        m.Add("wg", 9);
        for (var i = 0; i < 3; i++) m.Go("lock", g => g.Repeat(15, b => b.Lock("mu").TightLoop("300us").Compute("200us").Unlock("mu").Gosched()).Done("wg"));
        for (var i = 0; i < 3; i++) m.Go("net", g => g.Repeat(8, b => b.NetWait("700us").Compute("100us").Syscall("50us").Syscall("2ms", blocking: true)).Done("wg"));
        for (var i = 0; i < 3; i++) m.Go("sleep", g => g.Repeat(10, b => b.Sleep("150us").TightLoop("12ms").Syscall("15ms")).Done("wg"));
        m.Wait("wg").Print("done");
    });

    // One P, a waiter that loses the race after 1 ms: the mutex goes into starvation mode and hands off.
    private static Workload Starving() => Workload.Create("starving").Main(m => m
        .Lock("mu").Go("waiter", g => g.Lock("mu").Print("waiter got it").Unlock("mu"))
        .Sleep("1us").TightLoop("2ms").Unlock("mu").Lock("mu").TightLoop("1ms").Unlock("mu").Print("main after unlock").Sleep("1ms"));

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var name in Workloads.Names.Append("mixed").Append("starving"))
        foreach (var version in new[] { "1.13", "1.19", "1.23" })
        foreach (var procs in new[] { 1, 4 })
            data.Add(name, version, procs);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runs_under_invariant_checks_with_the_same_result(string name, string version, int procs)
    {
        var w = name switch { "mixed" => Mixed(), "starving" => Starving(), _ => Workloads.Get(name) };
        var cfg = SchedConfig.Default.WithSeed(3).WithProcs(procs).WithVersion(GoVersion.Parse(version)).WithSchedTrace(1_000_000)
            .WithMaxTime(name == "pingpong-hog" ? 20_000_000 : 200_000_000); // the light pair makes ~10k channel ops per ms
        var unchecked_ = Scheduler.Run(w, cfg).ToJson();
        var checked_ = Scheduler.Run(w, cfg.WithCheckInvariants(true)).ToJson();
        Assert.Equal(unchecked_, checked_);
    }
}
