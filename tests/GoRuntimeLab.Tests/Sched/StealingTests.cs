using GoRuntimeLab.Sched;

namespace GoRuntimeLab.Tests.Sched;

// Oracles: proc.go runqgrab (n - n/2: half rounded up), randomOrder (every P once per pass, RunStealOrderTest in export_test.go),
// runqputslow (half of 256 plus the new G to the global queue), globrunqget's batch size.
public class StealingTests
{
    [Fact]
    public void Many_short_goroutines_from_one_P_are_stolen_half_a_queue_at_a_time()
    {
        var r = Scheduler.Run(GoRuntimeLab.Sched.Workloads.Workloads.ManyShort(300), SchedConfig.Default.WithProcs(4));
        var steals = r.Events.Where(e => e.Kind == SchedEventKind.Steal && e.Detail.StartsWith("of ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(steals);
        foreach (var s in steals)
        {
            var size = int.Parse(s.Detail[3..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(size - size / 2, s.Count);
            Assert.NotEqual(s.P, s.OtherP);
        }

        Assert.Contains(steals, s => s.Count >= 2 && s.OtherP == 0);
        // Other Ps ran goroutines main (on P0) created.
        Assert.True(r.PTimeline.Where(p => p.Activity == PActivity.Running && p.P != 0).Select(p => p.P).Distinct().Count() >= 2);
        Assert.Equal(SchedExit.MainReturned, r.Exit);
        Assert.All(r.Goroutines, g => Assert.NotNull(g.FinishedAt));
    }

    [Fact]
    public void What_a_steal_takes_is_what_the_thief_then_runs()
    {
        // Checked from the P timeline, not from the steal event's own count: on GOMAXPROCS=2 only P1 steals (P0 runs
        // main, which keeps spawning), so between two of P1's steals it runs exactly the goroutines it took.
        // 200 goroutines stay below the 256-slot ring, so no overflow feeds P1 through the global queue.
        var r = Scheduler.Run(GoRuntimeLab.Sched.Workloads.Workloads.ManyShort(200), SchedConfig.Default.WithProcs(2));
        Assert.DoesNotContain(r.Events, e => e.Kind == SchedEventKind.RunqOverflow);
        var steals = r.Events.Where(e => e.Kind == SchedEventKind.Steal && e.P == 1).OrderBy(e => e.Time).ToList();
        Assert.True(steals.Count >= 2, $"{steals.Count} steals");
        var main = r.Goroutine("main").Id;
        for (var i = 0; i < steals.Count; i++)
        {
            var (from, to) = (steals[i].Time, i + 1 < steals.Count ? steals[i + 1].Time : long.MaxValue);
            var ran = r.PTimeline.Where(s => s.P == 1 && s.Activity == PActivity.Running && s.Start >= from && s.Start < to && s.G != main)
                .Select(s => s.G).Distinct().Count();
            Assert.Equal(steals[i].Count, ran);
            // And the victim's queue held at least that many: half of it, rounded up (runqgrab: n - n/2).
            var victimQueue = int.Parse(steals[i].Detail[3..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(victimQueue - victimQueue / 2, ran);
        }
    }

    [Fact]
    public void A_full_local_ring_spills_into_the_global_queue_as_schedtrace_shows()
    {
        // runqputslow moves half of the 256-slot ring plus the new G (129) to the global queue. Observed through the
        // simulator's schedtrace (sampled every 20 µs), not through its own event: the global runqueue is empty before
        // the first overflow and reaches at least 129 − (goroutines taken from it since) right after it.
        var r = Scheduler.Run(GoRuntimeLab.Sched.Workloads.Workloads.ManyShort(1000), SchedConfig.Default.WithProcs(1).WithSchedTrace(20_000));
        var first = r.Events.First(e => e.Kind == SchedEventKind.RunqOverflow).Time;
        var log = GoRuntimeLab.Sched.Schedtrace.SchedtraceParser.Parse(string.Join("\n", r.SchedTrace), "sim");
        Assert.All(log.Samples.Where(x => x.TimeMs * 1_000_000 < first - 1_000_000), x => Assert.Equal(0, x.Runqueue));
        Assert.Contains(log.Samples, x => x.Runqueue >= 120);
    }

    [Fact]
    public void A_full_local_ring_overflows_half_plus_one_to_the_global_queue()
    {
        var r = Scheduler.Run(GoRuntimeLab.Sched.Workloads.Workloads.ManyShort(1000), SchedConfig.Default.WithProcs(4));
        var overflow = r.Events.Where(e => e.Kind == SchedEventKind.RunqOverflow).ToList();
        Assert.NotEmpty(overflow);
        Assert.All(overflow, e => Assert.Equal(129, e.Count));
    }

    [Fact]
    public void Steal_order_visits_every_P_exactly_once_per_pass()
    {
        // RunStealOrderTest: for every GOMAXPROCS and many random starts, one enumeration covers all Ps once.
        var rand = new CheapRand(7);
        for (uint procs = 1; procs <= 64; procs++)
        {
            var order = new StealOrder(procs);
            for (var t = 0; t < 200; t++)
            {
                var seen = order.Enumerate(rand.Next());
                Assert.Equal(Enumerable.Range(0, (int)procs), seen.Order());
            }
        }
    }

    [Fact]
    public void Idle_Ps_do_nothing_when_there_is_only_one_goroutine()
    {
        var r = Scheduler.Run(GoRuntimeLab.Sched.Workloads.Workload.Create("solo").Main(m => m.Compute("5ms")), SchedConfig.Default.WithProcs(4));
        Assert.Equal(0, r.Steals);
        Assert.DoesNotContain(r.PTimeline, p => p.P != 0 && p.Activity == PActivity.Running);
    }
}
