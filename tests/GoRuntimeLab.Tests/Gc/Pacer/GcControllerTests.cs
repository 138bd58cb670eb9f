using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab.Tests.Gc.Pacer;

/// <summary>
/// Unit tests of GcController against Go's own tests (TestIdleMarkWorkerCount, FuzzPIController seeds) and the
/// worked examples computed from mgcpacer.go's formulas and matched to real runs.
/// </summary>
public class GcControllerTests
{
    [Theory]
    [InlineData("1.19")]
    [InlineData("1.23")]
    public void Go_TestIdleMarkWorkerCount(string version)
    {
        const int workers = 10;
        var c = GcController.Create(GcConfig.Default.WithVersion(version));
        c.SetMaxIdleMarkWorkers(workers);
        for (var i = 0; i < workers; i++)
        {
            Assert.True(c.NeedIdleMarkWorker(), $"expected to need idle mark workers: i={i}");
            Assert.True(c.AddIdleMarkWorker(), $"expected to be able to add an idle mark worker: i={i}");
        }

        Assert.False(c.NeedIdleMarkWorker());
        Assert.False(c.AddIdleMarkWorker());
        for (var i = 0; i < workers; i++)
        {
            c.RemoveIdleMarkWorker();
            Assert.True(c.NeedIdleMarkWorker(), $"expected to need idle mark workers after removal: i={i}");
        }

        for (var i = 0; i < workers - 1; i++) Assert.True(c.AddIdleMarkWorker());
        for (var i = 0; i < 10; i++)
        {
            Assert.True(c.AddIdleMarkWorker());
            Assert.False(c.AddIdleMarkWorker());
            c.RemoveIdleMarkWorker();
        }

        // Support the max being below the count.
        c.SetMaxIdleMarkWorkers(0);
        Assert.False(c.NeedIdleMarkWorker());
        Assert.False(c.AddIdleMarkWorker());
        for (var i = 0; i < workers - 1; i++) c.RemoveIdleMarkWorker();
        Assert.False(c.NeedIdleMarkWorker());
        Assert.False(c.AddIdleMarkWorker());
        c.SetMaxIdleMarkWorkers(1);
        Assert.True(c.NeedIdleMarkWorker());
        Assert.True(c.AddIdleMarkWorker());

        Assert.Equal(1, c.IdleMarkWorkers);
        c.RemoveIdleMarkWorker();
        Assert.Throws<InvalidOperationException>(c.RemoveIdleMarkWorker); // Go throws "negative idle mark workers"
    }

    [Fact]
    public void Go_FuzzPIController_seeds_never_produce_nan_or_inf()
    {
        // FuzzPIController (1.19): random bit patterns as input must never give a NaN/Inf output.
        foreach (var (kp, ti, tt, min, max, setPoint) in new[] { (0.3375, 3.2e6, 1e9, 0.001, 1000.0, 0.01), (0.9, 4.0, 1000.0, -1000.0, 1000.0, 0.84) })
        {
            var rs = GoRuntimeLab.GoRand.GoRandom.New(800);
            var p = new PiController(kp, ti, tt, min, max);
            for (var i = 0; i < 100; i++)
            {
                var input = BitConverter.UInt64BitsToDouble(rs.Uint64());
                var (state, _) = p.Next(input, setPoint, 1.0);
                Assert.True(double.IsFinite(state), $"got NaN or Inf result from controller: {state}");
            }
        }
    }

    [Fact]
    public void Pi_controller_steps_by_hand()
    {
        // kp 0.9, ti 4, tt 1000: first step from 0 toward 1 gives 0.9 and integral 0.9/4·1 = 0.225.
        var p = PiController.ConsMark();
        var (o1, ok1) = p.Next(0, 1, 1);
        Assert.True(ok1);
        Assert.Equal(0.9, o1);
        Assert.Equal(0.225, p.ErrIntegral);
        var (o2, _) = p.Next(0.9, 1, 1);
        Assert.Equal(0.9 * (1 - 0.9) + 0.225, o2, 15);
        var (o3, ok3) = p.Next(double.PositiveInfinity, 1, 1);
        Assert.False(ok3);
        Assert.Equal(-1000, o3);
        Assert.True(p.InputOverflow);
        Assert.Equal(0, p.ErrIntegral);
    }

    private static GcController Fresh(string version) => GcController.Create(GcConfig.Default.WithVersion(version));

    [Fact]
    public void Anchor_A_fresh_process_goal_4MiB_trigger_3997696()
    {
        foreach (var v in new[] { "1.19", "1.20", "1.21", "1.22", "1.23" })
        {
            var c = Fresh(v);
            Assert.Equal((3997696UL, 4194304UL), c.Trigger());
            Assert.Equal(4194304UL, c.HeapMinimum);
            Assert.Equal(0UL, c.RunwayBytes);
            Assert.False(c.InCycle);
            Assert.Empty(c.CheckInvariants());
        }
    }

    [Theory]
    [InlineData(0.5, 180797440UL)] // goal − runway below the ~0.7 bound: the lower bound wins
    [InlineData(0.05, 204524749UL)] // goal − runway in range
    [InlineData(0.01, 208666624UL)] // the goal − 4 MiB cap
    public void Anchor_B_trigger_from_runway(double consMark, ulong trigger)
    {
        // heapMarked 100 MiB, lastStackScan 2 MiB, globals 1 MiB, lastHeapScan 50 MiB, GOGC 100 → goal 203 MiB.
        var c = StateAfterCycle(heapMarked: 100 << 20, heapScanWork: 50 << 20, stackScanWork: 2 << 20, globals: 1 << 20, consMark);
        Assert.Equal(212860928UL, c.HeapGoal());
        Assert.Equal(trigger, c.Trigger().Trigger);

        // The same numbers from mgcpacer.go's formulas written out here (commit: goal and runway; trigger: the bounds).
        const ulong marked = 100 << 20;
        var goal = marked + (marked + (2UL << 20) + (1UL << 20)) * 100 / 100;
        var runway = (ulong)(consMark * (1 - 0.25) / 0.25 * (double)((50 << 20) + (2 << 20) + (1 << 20)));
        var minTrigger = (goal - marked) / 64 * 45 + marked;
        var maxTrigger = (goal - marked) / 64 * 61 + marked;
        if (goal > 4UL << 20 && goal - (4UL << 20) > maxTrigger) maxTrigger = goal - (4UL << 20);
        var derived = Math.Clamp(runway > goal ? minTrigger : goal - runway, minTrigger, maxTrigger);
        Assert.Equal(trigger, derived);
    }

    /// <summary>A 1.23 controller after a cycle that scanned the given sizes, with consMark set to the given value.</summary>
    private static GcController StateAfterCycle(ulong heapMarked, long heapScanWork, long stackScanWork, ulong globals, double consMark)
    {
        var c = Fresh("1.23");
        c.GlobalsScan = globals;
        c.HeapLive = 1 << 20;
        c.StartCycle(0, 8, GcTriggerKind.Heap);
        c.HeapScanWork = heapScanWork;
        c.StackScanWork = stackScanWork;
        c.EndCycle(1000, 8, false); // heapLive == triggered: Go leaves the estimate alone
        Assert.Equal(0, c.ConsMark);
        c.ResetLive(heapMarked);
        c.ConsMark = consMark;
        c.Commit(isSweepDone: true);
        Assert.Equal((ulong)(consMark * 3 * (53 << 20)), c.RunwayBytes);
        return c;
    }

    [Fact]
    public void Anchor_C_gogc_50_small_heap_uses_the_heap_minimum()
    {
        var c = GcController.Create(GcConfig.Default.WithGogc(50));
        c.ResetLive(1 << 20);
        c.Commit(isSweepDone: true);
        Assert.Equal(2097152UL, c.HeapMinimum);
        Assert.Equal((2048000UL, 2097152UL), c.Trigger());
    }

    [Theory]
    [InlineData("1.19", 504365056UL)]
    [InlineData("1.20", 504365056UL)]
    [InlineData("1.21", 490251224UL)]
    [InlineData("1.23", 490251224UL)]
    public void Anchor_D_memory_limit_goal(string version, ulong goal)
    {
        var c = GcController.Create(GcConfig.Default.WithVersion(version).WithMemoryLimit("512MiB"));
        c.MemStats = new PacerMemStats(MappedReady: 300 << 20, HeapFree: 20 << 20, TotalAlloc: 250 << 20, TotalFree: 0);
        Assert.Equal(goal, c.MemoryLimitHeapGoal());
        Assert.Equal(4194304UL, c.HeapGoal()); // the fresh GOGC goal (4 MiB) is smaller still
    }

    [Fact]
    public void Anchor_D_empty_runtime_512MiB_matches_the_golden_memory_limit_rows()
    {
        var c = GcController.Create(GcConfig.Default.WithMemoryLimit(512L << 20).WithGogc(-1));
        Assert.Equal(520764785UL, c.HeapGoal());
        Assert.Equal(520764785UL, GcController.ApplyHeadroom(512UL << 20, GoVersion.Go1_23));
        Assert.Equal((512UL << 20) - (1 << 20), GcController.ApplyHeadroom(512UL << 20, GoVersion.Go1_19));
        // Small limits: the headroom itself is the floor.
        Assert.Equal(1UL << 20, GcController.ApplyHeadroom(1UL << 20, GoVersion.Go1_23));
        Assert.Equal(1UL << 20, GcController.ApplyHeadroom((2UL << 20) - 1, GoVersion.Go1_19));
    }

    [Fact]
    public void Non_heap_memory_over_the_limit_sets_the_goal_to_heap_marked()
    {
        var c = GcController.Create(GcConfig.Default.WithMemoryLimit(64L << 20));
        c.ResetLive(10 << 20);
        c.Commit(isSweepDone: true);
        c.MemStats = new PacerMemStats(MappedReady: 80 << 20, HeapFree: 0, TotalAlloc: 10 << 20, TotalFree: 0);
        Assert.Equal(10UL << 20, c.MemoryLimitHeapGoal());
        Assert.Equal((10UL << 20, 10UL << 20), c.Trigger()); // heapMarked >= goal: trigger at the goal
        c.MemStats = new PacerMemStats(MappedReady: 1, HeapFree: 1, TotalAlloc: 1, TotalFree: 0);
        Assert.Equal("memStats", Assert.Throws<KitInputException>(() => c.MemoryLimitHeapGoal()).Parameter);
    }

    [Theory]
    [InlineData(1, 0L, 0.25)]
    [InlineData(2, 0L, 0.25)]
    [InlineData(3, 0L, 0.25)]
    [InlineData(4, 1L, 0.0)]
    [InlineData(5, 1L, 0.0)]
    [InlineData(6, 1L, 0.5 / 6)]
    [InlineData(8, 2L, 0.0)]
    [InlineData(16, 4L, 0.0)]
    public void Background_workers_round_25_percent_to_dedicated_plus_fractional(int procs, long dedicated, double fractional)
    {
        var c = Fresh("1.23");
        c.StartCycle(0, procs, GcTriggerKind.Heap);
        Assert.Equal(dedicated, c.DedicatedMarkWorkersNeeded);
        Assert.Equal(fractional, c.FractionalUtilizationGoal, 15);
        Assert.Equal(procs - (int)dedicated, c.MaxIdleMarkWorkers);
        c.StartCycle(0, procs, GcTriggerKind.Time); // periodic GC: 0 idle workers, or 1 when none is dedicated
        Assert.Equal(dedicated > 0 ? 0 : 1, c.MaxIdleMarkWorkers);
    }

    [Fact]
    public void Go_1_20_smooths_cons_mark_as_the_mean_of_the_last_two_measurements()
    {
        var c = Fresh("1.20");
        Assert.Equal(ConsMarkSmoothing.MovingAverage, c.Smoothing);
        Assert.Single(c.LastConsMark);
        var measured = new[] { 0.4, 0.1, 0.7, 0.7 };
        var previous = 0.0;
        foreach (var m in measured)
        {
            RunCycleMeasuring(c, m);
            Assert.Equal((m + previous) / 2, c.ConsMark, 12);
            Assert.Equal(m, c.LastConsMark[0], 12);
            previous = c.LastConsMark[0];
        }
    }

    [Fact]
    public void Go_1_21_plus_takes_the_max_of_the_last_five_measurements()
    {
        var c = Fresh("1.22");
        Assert.Equal(ConsMarkSmoothing.MaxOfLastFive, c.Smoothing);
        var measured = new[] { 0.9, 0.1, 0.2, 0.3, 0.4, 0.05 };
        var expected = new[] { 0.9, 0.9, 0.9, 0.9, 0.9, 0.4 }; // 0.9 drops out after five cycles
        for (var i = 0; i < measured.Length; i++)
        {
            RunCycleMeasuring(c, measured[i]);
            Assert.Equal(expected[i], c.ConsMark, 12);
        }

        Assert.Equal(new[] { 0.2, 0.3, 0.4, 0.05 }, c.LastConsMark.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Go_1_19_pi_controller_chases_the_measurement()
    {
        var c = Fresh("1.19");
        Assert.Equal(ConsMarkSmoothing.PiController, c.Smoothing);
        Assert.Empty(c.LastConsMark);
        RunCycleMeasuring(c, 1.0);
        Assert.Equal(0.9, c.ConsMark, 12); // kp·(1 - 0)
    }

    /// <summary>One cycle whose measured cons/mark is <paramref name="consMark"/> (no assists, no idle time).</summary>
    private static void RunCycleMeasuring(GcController c, double consMark)
    {
        c.HeapLive = c.Trigger().Trigger;
        c.StartCycle(0, 8, GcTriggerKind.Heap);
        c.HeapScanWork = 1_000_000;
        // current = (heapLive - triggered)·0.25 / (scanWork·0.75)  ⇒  allocate 3·consMark·scanWork during the cycle.
        c.HeapLive = c.Triggered + (ulong)Math.Round(consMark * 3_000_000);
        c.EndCycle(1000, 8, false);
        c.ResetLive(c.HeapLive);
        c.Commit(isSweepDone: false);
    }

    [Fact]
    public void Go_1_19_records_the_precomputed_trigger_1_20_plus_the_actual_one()
    {
        foreach (var (v, actual) in new[] { ("1.19", false), ("1.20", true), ("1.23", true) })
        {
            var c = Fresh(v);
            var (trigger, _) = c.Trigger();
            c.HeapLive = trigger + 12345; // the cycle starts a little late
            c.StartCycle(0, 4, GcTriggerKind.Heap);
            Assert.Equal(actual ? trigger + 12345 : trigger, c.Triggered);
        }
    }

    [Fact]
    public void Set_gc_percent_returns_the_old_value_and_wraps_the_heap_minimum_like_go()
    {
        var c = Fresh("1.23");
        Assert.Equal(100, c.SetGcPercent(200));
        Assert.Equal(200, c.SetGcPercent(-7));
        Assert.Equal(-1, c.GcPercent);
        // defaultHeapMinimum * uint64(-1) / 100 in uint64, as in Go.
        Assert.Equal(unchecked(4194304UL * ulong.MaxValue) / 100, c.HeapMinimum);
        c.Commit(isSweepDone: true);
        Assert.Equal(ulong.MaxValue, c.GcPercentHeapGoal);
        Assert.Equal(long.MaxValue, c.SetMemoryLimit(-1)); // negative only reads
        Assert.Equal(long.MaxValue, c.MemoryLimit);
    }

    [Fact]
    public void Sweep_distance_and_min_runway_raise_the_goal()
    {
        var c = Fresh("1.23");
        c.HeapLive = 10 << 20;
        c.Commit(isSweepDone: false);
        Assert.Equal((10UL << 20) + (1 << 20), c.SweepDistMinTrigger);
        Assert.Equal((11UL << 20, 11UL << 20), c.HeapGoalInternal());
        c.StartCycle(0, 8, GcTriggerKind.Heap);
        Assert.Equal((10UL << 20) + (1 << 20), c.HeapGoal());
        c.HeapLive = 20 << 20;
        c.Revise();
        Assert.True(c.AssistWorkPerByte > 0);
        c.StartCycle(0, 8, GcTriggerKind.Heap); // triggered now 20 MiB: goal ≥ triggered + 64 KiB
        Assert.Equal((20UL << 20) + (64 << 10), c.HeapGoal());
        Assert.Empty(c.CheckInvariants());
    }

    [Fact]
    public void Invariants_hold_after_every_step_of_every_scenario_and_version()
    {
        foreach (var v in new[] { GoVersion.Go1_19, GoVersion.Go1_20, GoVersion.Go1_21, GoVersion.Go1_22, GoVersion.Go1_23 })
        {
            foreach (var s in PacerScenarios.All)
            {
                var steps = 0;
                PacerHarness.Run(s, v, c =>
                {
                    steps++;
                    var problems = c.CheckInvariants();
                    Assert.True(problems.Count == 0, $"{s.Name} {v} step {steps}: {string.Join("; ", problems)}");
                });
                Assert.True(steps > s.Length * 2);
            }
        }
    }

    [Fact]
    public void Versions_outside_1_19_to_1_23_are_rejected()
    {
        Assert.Equal("version", Assert.Throws<KitInputException>(() => new GcController(new GoVersion(1, 18))).Parameter);
        Assert.Equal("version", Assert.Throws<KitInputException>(() => GcConfig.Default.WithVersion("1.24")).Parameter);
        Assert.Equal("procs", Assert.Throws<KitInputException>(() => Fresh("1.23").StartCycle(0, 0, GcTriggerKind.Heap)).Parameter);
    }
}
