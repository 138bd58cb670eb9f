using System.Diagnostics;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;
using Xunit.Abstractions;

namespace GoRuntimeLab.Tests.Sched;

// A timing harness, not a benchmark (BenchmarkDotNet lives in tests/GoRuntimeLab.Benchmarks): it prints events/s and
// fails only when the simulator is an order of magnitude slower than its target (≥ 1 M events/s; 10k G × 1 s in < 2 s).
public class PerformanceHarnessTests(ITestOutputHelper output)
{
    public static Workload TenThousandGoroutines() => Workload.Create("bench-10k", "10000 goroutines, each 1 µs of work every 10 ms, for 1 s")
        .Main(m =>
        {
            m.Add("wg", 10_000);
            m.Repeat(10_000, b => b.Go("g", g => g.Repeat(100, x => x.Compute("1us").Sleep("10ms")).Done("wg")));
            m.Wait("wg");
        });

    [Fact]
    public void Ten_thousand_goroutines_for_one_simulated_second()
    {
        var w = TenThousandGoroutines();
        var cfg = SchedConfig.Default.WithProcs(4).WithRecordTimeline(false);
        Scheduler.Run(Workloads.ManyShort(100), cfg); // warm up the JIT
        var clock = Stopwatch.StartNew();
        var r = Scheduler.Run(w, cfg);
        clock.Stop();
        var rate = r.EventCount / clock.Elapsed.TotalSeconds;
        output.WriteLine($"{r.EventCount} events, {r.ContextSwitches} switches, simulated {GoDuration.Format(r.EndTime)} in {clock.Elapsed.TotalMilliseconds:0} ms = {rate / 1e6:0.00} M events/s");
        Assert.Equal(SchedExit.MainReturned, r.Exit);
        Assert.True(r.EndTime >= 1_000_000_000);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }
}
