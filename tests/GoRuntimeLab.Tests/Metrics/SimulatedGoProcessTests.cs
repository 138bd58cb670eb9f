using CsCheck;
using GoRuntimeLab.Metrics;

namespace GoRuntimeLab.Tests.Metrics;

/// <summary>
/// The simulated process against what the real runtime does: two stop-the-world pauses per GC cycle in
/// /gc/pauses:seconds (recorded: 3 forced GCs → 6 samples in go1.19.8 and go1.23.5), the GOGC heap goal formula of
/// mgcpacer.go, one goroutine transition in 8 timed, and runtime/metrics' naming per release.
/// </summary>
public class SimulatedGoProcessTests
{
    [Theory]
    [InlineData("go1.19.8")]
    [InlineData("go1.21.13")]
    [InlineData("go1.22.12")]
    [InlineData("go1.23.5")]
    public void Real_runtime_records_two_pauses_per_gc_cycle(string go)
    {
        var dump = MetricsDump.Read(MetricCatalogTests.Recording(go));
        Assert.Equal(3UL, dump.GcCycles);
        Assert.Equal(2 * dump.GcCycles, dump.Histogram("/gc/pauses:seconds").Total);
        if (go == "go1.23.5") Assert.Equal(2 * dump.GcCycles, dump.Histogram("/sched/pauses/total/gc:seconds").Total);
    }

    [Theory]
    [InlineData("1.19")]
    [InlineData("1.21")]
    [InlineData("1.22")]
    [InlineData("1.23")]
    public void Simulated_process_also_records_two_pauses_per_cycle(string version)
    {
        var p = new SimulatedGoProcess(ProcessConfig.Default.WithVersion(version)).AdvanceTo(10_000_000_000);
        var cycles = (ulong)p.CompletedCycles.Count;
        Assert.True(cycles > 5, p.ToString());
        Assert.Equal(cycles, p.Read("/gc/cycles/total:gc-cycles").Uint64);
        var pauses = p.Read("/gc/pauses:seconds").Histogram!.Total;
        Assert.InRange(pauses, 2 * cycles, 2 * cycles + 1); // +1 while a cycle is past its first pause
        Assert.Equal(TimeHistogram.CountsLength(GoVersion.Parse(version)), p.Pauses.Counts.Count);
    }

    [Theory]
    [InlineData("1.19", 100)]
    [InlineData("1.23", 100)]
    [InlineData("1.23", 50)]
    [InlineData("1.21", 300)]
    public void Heap_goal_follows_Gos_GOGC_formula(string version, int gogc)
    {
        var cfg = ProcessConfig.Default.WithVersion(version).WithGogc(gogc);
        var p = new SimulatedGoProcess(cfg).AdvanceTo(5_000_000_000);
        var stacks = (ulong)(cfg.Goroutines * ProcessConfig.StackBytesPerGoroutine);
        const ulong globals = 32 << 10;
        foreach (var c in p.CompletedCycles)
        {
            // heapGoalInternal (Go 1.18+): heapMarked + (heapMarked + lastStackScan + globalsScan) * GOGC / 100.
            var expected = c.MarkedBytes + (c.MarkedBytes + stacks + globals) * (ulong)gogc / 100;
            Assert.Equal(expected, c.NextGoal);
            Assert.True(c.HeapAtTrigger <= c.HeapGoal, c.ToString());
        }
    }

    [Fact]
    public void One_transition_in_eight_is_timed()
    {
        var cfg = ProcessConfig.Default.WithScheduling(8000, 20_000);
        var p = new SimulatedGoProcess(cfg).AdvanceTo(1_500_000_000).AdvanceTo(3_000_000_000);
        Assert.Equal(8000UL * 3 / SimulatedGoProcess.GTrackingPeriod, p.SchedLatencies.Total);
        var median = p.SchedLatencies.Quantile(0.5);
        Assert.InRange(median, 15e-6, 27e-6); // log-normal around 20 µs, read through the 1.23 buckets (±25 % wide)
    }

    [Fact]
    public void Same_seed_same_process_other_seed_other_pauses()
    {
        static string Run(int seed) => string.Join("\n",
            new SimulatedGoProcess(ProcessConfig.Default.WithSeed(seed)).AdvanceTo(4_000_000_000).Read()
                .Select(s => s.Kind == MetricKind.Float64Histogram ? s.Name + string.Join(",", s.Histogram!.Counts) : s.ToString()));
        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
    }

    [Theory]
    [InlineData("1.19")]
    [InlineData("1.22")]
    [InlineData("1.23")]
    public void Every_sample_is_a_catalogue_metric_of_its_kind(string version)
    {
        var p = new SimulatedGoProcess(ProcessConfig.Default.WithVersion(version)).AdvanceTo(2_000_000_000);
        var catalog = MetricCatalog.For(GoVersion.Parse(version));
        var samples = p.Read();
        Assert.True(samples.Count >= 12);
        Assert.All(samples, s => Assert.Equal(catalog.Get(s.Name).Kind, s.Kind));
        Assert.Equal(version != "1.19", samples.Any(s => s.Name == "/gc/gogc:percent"));
        Assert.Equal(version is "1.22" or "1.23", samples.Any(s => s.Name == "/sched/pauses/total/gc:seconds"));
        Assert.Throws<KitInputException>(() => p.Read("/gc/pause:seconds"));
    }

    [Fact]
    public void Cumulative_metrics_never_decrease_whatever_the_steps()
    {
        Gen.Int[1, 400_000_000].Array[1, 30].Sample(steps =>
        {
            var p = new SimulatedGoProcess(ProcessConfig.Default.WithAllocRate(256.0 * (1 << 20)));
            var before = new Dictionary<string, double>();
            long t = 0;
            foreach (var s in steps)
            {
                t += s;
                p.AdvanceTo(t);
                foreach (var m in p.Read())
                {
                    if (!p.Catalog.Get(m.Name).Cumulative) continue;
                    var v = m.AsDouble;
                    if (before.TryGetValue(m.Name, out var old) && v < old) return false;
                    before[m.Name] = v;
                }

                if (p.Read("/gc/heap/frees:bytes").Uint64 + p.HeapLive() < p.Read("/gc/heap/allocs:bytes").Uint64 - 1) return false;
            }

            return true;
        }, iter: 60);
    }

    [Fact]
    public void Cycles_from_a_list_drive_the_process_like_the_generator()
    {
        var gen = new GcSimulatorCycleSource(ProcessConfig.Default);
        var list = new GcCycleList(gen.Cycles().Take(20), gen.AllocBytesPerSecond, gen.InitialHeapBytes);
        var a = new SimulatedGoProcess(ProcessConfig.Default, list).AdvanceTo(3_000_000_000);
        var b = new SimulatedGoProcess(ProcessConfig.Default).AdvanceTo(3_000_000_000);
        Assert.Equal(b.CompletedCycles, a.CompletedCycles);
        Assert.Equal(b.Read("/gc/heap/goal:bytes"), a.Read("/gc/heap/goal:bytes"));
        Assert.Throws<KitInputException>(() => new GcCycleList([gen.Cycles().Skip(1).First()], 1, 0));
    }

    [Fact]
    public void The_gc_simulator_drives_the_process_two_pauses_per_cycle()
    {
        var run = GoRuntimeLab.Gc.Simulation.GcSimulator.Run(GoRuntimeLab.Gc.Simulation.GcWorkload.Default.WithDuration("1s"),
            GoRuntimeLab.Gc.Simulation.GcSimOptions.Default, recordSeries: false);
        var p = new SimulatedGoProcess(ProcessConfig.Default, GcCycleList.From(run)).AdvanceTo(1_000_000_000);
        var finished = run.Cycles.Count(c => c.EndNs <= 1_000_000_000);
        Assert.Equal(finished, p.CompletedCycles.Count);
        Assert.Equal((ulong)finished, p.Read("/gc/cycles/total:gc-cycles").Uint64);
        Assert.Equal(2UL * (ulong)finished, p.Read("/gc/pauses:seconds").Histogram!.Total);
    }

    [Fact]
    public void Retaining_only_the_last_cycles_changes_no_metric()
    {
        // What a long-running exporter does to keep memory flat: the counters still count every cycle.
        var all = new SimulatedGoProcess(ProcessConfig.Default);
        var kept = new SimulatedGoProcess(ProcessConfig.Default) { RetainedCycles = 4 };
        for (var s = 1; s <= 30; s++)
        {
            all.AdvanceTo(s * 1_000_000_000L);
            kept.AdvanceTo(s * 1_000_000_000L);
        }

        static IEnumerable<string> Values(SimulatedGoProcess p) => p.Read().Select(m => m.Histogram is { } h
            ? $"{m.Name} {string.Join(',', h.Counts)}"
            : $"{m.Name} {m.AsDouble.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.Equal(Values(all), Values(kept));
        Assert.Equal(4, kept.CompletedCycles.Count);
        Assert.Equal(all.CompletedCycles.TakeLast(4), kept.CompletedCycles);
        Assert.Equal(all.CompletedCycles.Count, kept.CompletedCycleCount);
        Assert.Equal(all.CompletedCycles.Sum(c => c.TotalPauseNs), kept.CompletedPauseNs);
        Assert.Equal(all.HeapLive(), kept.HeapLive());
        Assert.Equal(all.HeapGoal(), kept.HeapGoal());

        all.RetainedCycles = 2; // trims at once
        Assert.Equal(kept.CompletedCycles.TakeLast(2), all.CompletedCycles);
        Assert.Equal("RetainedCycles", Assert.Throws<KitInputException>(() => all.RetainedCycles = 0).Parameter);
    }

    [Fact]
    public void Time_cannot_run_backwards()
    {
        var p = new SimulatedGoProcess(ProcessConfig.Default).AdvanceTo(100);
        Assert.Equal("ns", Assert.Throws<KitInputException>(() => p.AdvanceTo(99)).Parameter);
    }
}
