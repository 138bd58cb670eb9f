using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;

namespace GoRuntimeLab.Tests.Sched;

// Oracle: proc.go findRunnable (Go 1.19, 1.23): the M blocked in netpoll is not an idle M; when a descriptor becomes
// ready it returns and, finding no idle P, injects the ready goroutines into the global queue (injectglist) and parks.
public class NetpollTests
{
    [Fact]
    public void A_network_wakeup_reaches_the_global_queue_even_when_every_P_is_busy()
    {
        // Both Ps are kept busy by short workers; the io goroutine waits 2 ms on the network each round, and each
        // wakeup must reach a busy P through the global queue (or a P's own non-blocking netpoll) within a few ms.
        var w = Workload.Create("net-busy").Main(m => m
            .Go("io", g => g.Repeat(200, b => b.NetWait("2ms").Print("io")))
            .Repeat(400, b => b.Go("worker", x => x.Compute("300us")).Compute("200us")));
        var r = Scheduler.Run(w, SchedConfig.Default.WithProcs(2));
        var rounds = r.Stdout.Count(l => l.Text == "io" && l.Time <= 88_000_000);
        Assert.InRange(rounds, 8, 44); // at most one round per 2 ms wait
        Assert.True(r.PTimeline.Any(s => s.Start < 88_000_000 && s.Activity == PActivity.Running && s.G == r.Goroutine("worker").Id),
            "the workers kept the Ps busy");
    }
}
