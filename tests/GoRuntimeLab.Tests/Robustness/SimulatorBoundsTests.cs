using GoRuntimeLab.Alloc;
using GoRuntimeLab.Gc.Guide;
using GoRuntimeLab.Gc.Mark;
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Gc.Simulation;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;

namespace GoRuntimeLab.Tests.Robustness;

/// <summary>
/// "Every model run is bounded": each simulator, driven with extreme but valid parameters drawn from a fixed seed,
/// returns a result or refuses with a typed exception (<see cref="SimulationBudgetException"/> when a budget runs out)
/// — never a hang, unbounded memory or a silently truncated result. The sweeps use budgets smaller than the defaults
/// to stay fast; the reproductions run with the defaults in the focused tests beside them.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class SimulatorBoundsTests
{
    private const int Seed = 20_261_204;

    private static T Pick<T>(Random r, params T[] values) => values[r.Next(values.Length)];

    [Fact]
    public void The_gc_simulator_returns_or_refuses_for_extreme_workloads_and_settings()
    {
        var r = new Random(Seed);
        for (var i = 0; i < 28; i++)
        {
            var workload = GcWorkload.Default
                .WithLive(Pick(r, "0", "1", "1KiB", "32MiB", "1GiB", "1TiB"))
                .WithObjectSize(Pick(r, 8L, 1024, 1L << 20, 1L << 30))
                .WithPointers(r.Next(2) == 0)
                .WithAllocRate(Pick(r, "1", "1KiB/s", "256MiB/s", "1GiB/s", "10GiB/s", "1TiB/s"))
                .WithDuration(Pick(r, "1ns", "1ms", "5s", "1h", "8760h"))
                .WithStacks(Pick(r, "0", "8KiB", "1TiB"))
                .WithGlobals(Pick(r, "0", "32KiB", "1TiB"))
                .WithGoroutines(Pick(r, 1, 4, 100_000));
            var options = GcSimOptions.Default
                .WithGogc(Pick(r, "off", "-1", "0", "1", "100", "100000", "2147483647"))
                .WithMemoryLimit(Pick(r, "off", "0", "1", "64MiB", "1TiB"))
                .WithProcs(Pick(r, 1, 2, 7, 64, GoSettings.MaxProcs))
                .WithVersion(Pick(r, "1.19", "1.23"))
                .WithSeed(i)
                .WithMaxSteps(300_000);
            var what = $"gc simulate #{i}: {workload}; {options}";
            var (result, refusal) = BoundedRun.Run(what, () => GcSimulator.Run(workload, options));
            if (refusal is not null)
            {
                var budget = Assert.IsType<SimulationBudgetException>(refusal);
                Assert.StartsWith("GcSimOptions.Max", budget.Parameter, StringComparison.Ordinal);
                continue;
            }

            // A result covers the whole run: no cycle after its end, the clock reached it, cycles in order.
            Assert.NotNull(result);
            Assert.All(result.Cycles, c => Assert.InRange(c.StartNs, 0, workload.DurationNs));
            Assert.True(result.Cycles.Zip(result.Cycles.Skip(1)).All(p => p.First.EndNs <= p.Second.StartNs), what);
            Assert.InRange(result.GcCount, 0, result.Cycles.Count);
        }
    }

    [Fact]
    public void The_scheduler_returns_or_refuses_for_forever_deep_and_crowded_workloads()
    {
        string[] bodies =
        [
            """{"op":"forever","body":[{"op":"sleep","d":"1ms"}]}""",
            """{"op":"forever","body":[{"op":"sleep","d":"1ns"}]}""",
            """{"op":"forever","body":[{"op":"print","text":"x"}]}""",
            """{"op":"forever","body":[{"op":"count","counter":"c"}]}""",
            """{"op":"forever","body":[{"op":"go","name":"w","body":[{"op":"sleep","d":"1h"}]}]}""",
            """{"op":"forever","body":[{"op":"go","name":"w","body":[{"op":"compute","d":"10us"}]},{"op":"gosched"}]}""",
            """{"op":"repeat","count":100000,"body":[{"op":"go","name":"w","body":[{"op":"tightloop","d":"1ms"}]}]}""",
            Deep(25),
        ];
        var r = new Random(Seed);
        for (var i = 0; i < 24; i++)
        {
            var body = bodies[i % bodies.Length];
            var workload = WorkloadJson.Parse($$"""{"name":"bounds{{i}}","main":[{{body}}]}""");
            var config = SchedConfig.Default
                .WithProcs(Pick(r, 1, 2, 4, 64, 256))
                .WithSeed((ulong)i)
                .WithMaxTime(GoDuration.Parse(Pick(r, "1us", "1s", "1000h"), "maxTime"))
                .WithRecordTimeline(r.Next(3) > 0)
                .WithSchedTrace(Pick(r, 0L, 1_000_000L), detail: r.Next(2) == 0)
                .WithMaxEvents(500_000).WithMaxStatements(5_000_000).WithMaxGoroutines(20_000).WithMaxRecords(200_000).WithMaxOutputLines(100_000);
            var what = $"sched simulate #{i}: {body}; {config}";
            var (result, refusal) = BoundedRun.Run(what, () => Scheduler.Run(workload, config));
            if (refusal is not null)
            {
                var budget = Assert.IsType<SimulationBudgetException>(refusal);
                Assert.StartsWith("SchedConfig.Max", budget.Parameter, StringComparison.Ordinal);
                continue;
            }

            Assert.NotNull(result);
            Assert.InRange(result.EndTime, 0, config.MaxTime);
            Assert.InRange(result.EventCount, 0, config.MaxEvents);
            Assert.InRange(result.Goroutines.Count, 1, config.MaxGoroutines);
        }
    }

    // repeat(2) nested depth times around a sleep: 2^depth iterations, far beyond any budget.
    private static string Deep(int depth)
    {
        var s = """{"op":"sleep","d":"1us"}""";
        for (var i = 0; i < depth; i++) s = $$"""{"op":"repeat","count":2,"body":[{{s}}]}""";
        return s;
    }

    [Fact]
    public void The_allocator_model_returns_for_extreme_sizes_counts_and_settings()
    {
        var r = new Random(Seed);
        for (var i = 0; i < 16; i++)
        {
            var count = Pick(r, 0, 1, 1000, 100_000);
            var stream = Pick(r, 0, 1, 2) switch
            {
                0 => AllocationStream.Constant(Pick(r, 0L, 1, 8, 32_768, 1L << 30, SizeClasses.MaxObjectSize), count, r.Next(2) == 0,
                    Pick(r, 0L, 10, AllocationRequest.Forever)),
                1 => AllocationStream.Distribution(i, count, 1, Pick(r, 16L, 1L << 20, SizeClasses.MaxObjectSize), r.NextDouble(), Pick(r, 0.0, 100, 1e9)),
                _ => AllocationStream.RealisticMix(i, count),
            };
            var config = AllocatorConfig.Default.WithProcs(Pick(r, 1, 2, 256)).WithGogc(Pick(r, -1, 1, 100, 100_000)).WithVersion(Pick(r, GoVersion.Go1_19, GoVersion.Latest));
            var (result, _) = BoundedRun.Run($"alloc simulate #{i}: {stream}; {config}", () => AllocatorModel.Run(stream, config));
            Assert.NotNull(result);
            Assert.InRange(result.Mallocs, 0, count); // zero-size requests are not mallocs (&zerobase)
        }
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(SizeClasses.MaxObjectSize + 1)]
    public void The_allocator_model_refuses_sizes_outside_0_to_1_TiB(long size)
    {
        var e = Assert.ThrowsAny<KitInputException>(() => AllocatorModel.Run(AllocationStream.Constant(size, 1)));
        Assert.Equal("size", e.Parameter);
    }

    [Fact]
    public void The_allocator_model_refuses_more_allocations_than_its_stream_limit()
    {
        Assert.Equal("count", Assert.Throws<KitInputException>(() => AllocationStream.RealisticMix(1, AllocationStream.MaxCount + 1)).Parameter);
    }

    [Fact]
    public void The_mark_simulator_returns_or_refuses_for_large_graphs_and_long_mutators()
    {
        var r = new Random(Seed);
        foreach (var objects in new[] { 1, 30, 300, 3000 })
        {
            var b = ObjectGraph.Builder().Goroutine("G1", "a", "b").Global("g");
            for (var o = 0; o < objects; o++) b.Object($"O{o}", "f", "h");
            for (var o = 0; o < objects; o++) b.Pointer($"O{o}.f", $"O{r.Next(objects)}");
            b.Pointer("G1.a", "O0").Pointer("g", $"O{objects - 1}");
            var graph = b.Build();
            var config = MarkConfig.Default.WithBarrier(Pick(r, Enum.GetValues<WriteBarrierMode>())).WithAssists(r.Next(2) == 0)
                .WithMutatorShare(Pick(r, 0.0, 0.5, 0.99)).WithMutatorSteps(Pick(r, 0, 30, 100_000)).WithSeed(objects);
            var (run, refusal) = BoundedRun.Run($"mark simulation of {objects} objects, {config}", () => MarkSimulator.Run(graph, config));
            if (refusal is not null)
            {
                Assert.Equal("MarkConfig.MaxRecordedItems", Assert.IsType<SimulationBudgetException>(refusal).Parameter);
                continue;
            }
            Assert.NotNull(run);
            Assert.NotEmpty(run.States);
        }
    }

    [Fact]
    public void The_gc_guide_model_returns_or_refuses_for_extreme_phases_and_limits()
    {
        var r = new Random(Seed);
        for (var i = 0; i < 14; i++)
        {
            var phase = new GuidePhase(Pick(r, 1e-9, 1, 1e6), Pick(r, 1e-6, 20, 1e9), Pick(r, 1e-6, 100, 1e9), Pick(r, 0.0, 0.5, 1), Pick(r, 0.0, 1));
            var config = GuideConfig.Default.WithGogc(Pick<int?>(r, null, 0, 100, 100_000)).WithMemoryLimit(Pick(r, 1e-6, 50, GuideConfig.NoLimit))
                .WithOtherMem(Pick(r, 0.0, 10)).WithTrackLive(r.Next(2) == 0);
            if (config.Gogc is null && !config.HasLimit) config = config.WithGogc(100);
            var (result, _) = BoundedRun.Run($"gc guide #{i}: {phase}; {config}", () => GuideModel.Run(GuideWorkload.Of(phase), config));
            if (result is not null) Assert.True(double.IsFinite(result.TotalTime), $"#{i}: {result}");
        }
    }

    [Fact]
    public void The_pacer_harness_refuses_a_scenario_that_scans_nothing_or_outgrows_its_scan_rate()
    {
        var steady = PacerScenarios.Get("Steady");
        var nothing = steady with { Name = "ScansNothing", ScanRate = () => CycleSeries.Constant(1e-9) };
        var (_, refusal) = BoundedRun.Run("pacer scenario scanning nothing", () => PacerHarness.Run(nothing));
        Assert.Equal("PacerScenario.ScanRate", refusal?.Parameter);

        // The heap grows 4× a cycle: the run returns (Go's int64 conversions saturate) or stops at the step budget.
        var runaway = steady with { Name = "Runaway", GrowthRate = () => CycleSeries.Constant(4), Length = PacerHarness.MaxLength, Checker = (_, _) => { } };
        (var run, refusal) = BoundedRun.Run("pacer scenario whose heap outgrows its scan rate", () => PacerHarness.Run(runaway));
        if (refusal is null) Assert.Equal(PacerHarness.MaxLength, run?.Cycles.Count);
        else Assert.Equal("PacerHarness.MaxSteps", Assert.IsType<SimulationBudgetException>(refusal).Parameter);

        var endless = steady with { Name = "Endless", Length = PacerHarness.MaxLength + 1 };
        Assert.Equal("PacerScenario.Length", Assert.Throws<KitInputException>(() => PacerHarness.Run(endless)).Parameter);
    }

    [Fact]
    public void A_budget_error_names_the_budget_and_its_value_and_is_a_kit_input_error()
    {
        var e = Assert.Throws<SimulationBudgetException>(() => GcSimulator.Run(GcWorkload.Default, GcSimOptions.Default.WithMaxSteps(1000)));
        Assert.Equal("GcSimOptions.MaxSteps", e.Parameter);
        Assert.Equal(1000, e.Budget);
        Assert.StartsWith("GcSimOptions.MaxSteps: the run needs more than 1000 simulation steps", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<KitInputException>(e);
        Assert.Equal("GcSimOptions.MaxCycles",
            Assert.Throws<SimulationBudgetException>(() => GcSimulator.Run(GcWorkload.Default, GcSimOptions.Default.WithMaxCycles(3))).Parameter);
    }
}
