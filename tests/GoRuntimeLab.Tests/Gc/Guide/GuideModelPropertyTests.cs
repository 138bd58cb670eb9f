using CsCheck;
using GoRuntimeLab.Gc.Guide;

namespace GoRuntimeLab.Tests.Gc.Guide;

/// <summary>
/// Invariants of the GC guide model on random workloads and configs (CsCheck), and what it says about GOGC on the
/// page's graphs — checked by sweeping, because the obvious claim ("GC CPU falls as GOGC rises") is false in
/// the fine: see the counterexamples below.
/// </summary>
public class GuideModelPropertyTests
{
    private static readonly Gen<GuidePhase> PhaseGen =
        Gen.Select(Gen.Double[0.1, 2], Gen.Double[1, 50], Gen.Double[50, 2000], Gen.Double[0, 1], Gen.Double[0, 1])
            .Select((d, a, s, n, o) => new GuidePhase(d, a, s, n, o));

    private static readonly Gen<GuideWorkload> WorkloadGen = PhaseGen.Array[1, 4].Select(GuideWorkload.Of);

    // GOGC 0–1023 or off (-1); limit none (drawn below 5) or 5–200 MiB; other 0–20 MiB; fixed cost 0–0.1 s; sometimes initial live / trackLive.
    private static readonly Gen<GuideConfig> ConfigGen =
        Gen.Select(Gen.Int[-1, 1023], Gen.Double[0, 200], Gen.Double[0, 20], Gen.Double[0, 0.1], Gen.Double[0, 30], Gen.Bool)
            .Select((gogc, limit, other, fixedCost, initial, track) =>
            {
                var c = GuideConfig.Default.WithGogc(gogc < 0 ? null : gogc).WithOtherMem(other).WithFixedCost(fixedCost)
                    .WithInitialLive(initial < 10 ? 0 : initial);
                // trackLive costs points × cycles: only without a limit (no thrashing), where cycles stay few.
                return limit >= 5 ? c.WithMemoryLimit(limit) : c.WithTrackLive(track); // below 5: no limit
            });

    [Fact]
    public void Runs_are_deterministic()
    {
        Gen.Select(WorkloadGen, ConfigGen).Sample((w, c) => Assert.Equal(GuideModel.Run(w, c), GuideModel.Run(w, c)), iter: 100);
    }

    [Fact]
    public void Time_accounting_holds()
    {
        Gen.Select(WorkloadGen, ConfigGen).Sample((w, c) =>
        {
            var r = GuideModel.Run(w, c);
            // Without a window the mutator runs exactly the workload's CPU time, and the GC only adds to it.
            Assert.Equal(w.Duration, r.MutatorTime, w.Duration * 1e-9);
            Assert.True(r.TotalTime >= r.MutatorTime);
            Assert.InRange(r.GcCpuPercent, 0, 100);
            Assert.True(r.GcTime >= r.Cycles * c.FixedCost - 1e-9 * r.TotalTime, r.ToString());
            Assert.Equal(r.TotalTime, r.Series[^1].T);
            for (var i = 1; i < r.Series.Count; i++) Assert.True(r.Series[i].T >= r.Series[i - 1].T);
            // Points: the first, two per GC cycle, one at the end of each phase.
            Assert.Equal(1 + 2 * r.Cycles + w.Phases.Count, r.Series.Count);
        }, iter: 300);
    }

    [Fact]
    public void Peak_memory_is_at_least_the_live_heap_and_within_the_limit_when_the_limit_can_be_met()
    {
        Gen.Select(WorkloadGen, ConfigGen).Sample((w, c) =>
        {
            var r = GuideModel.Run(w, c);
            var eps = 1e-9 * Math.Max(1, r.PeakMem);
            Assert.Equal(r.Series.Max(p => p.Total), r.PeakMem);
            if (!c.TrackLive) Assert.True(r.PeakMem >= r.PeakLive + c.OtherMem - eps, r.ToString());
            // The goal is capped at limit-other, but never below the 4 MiB minimum (GOGC on) or live+1/16 MiB.
            var bound = Math.Max(c.MemoryLimit, c.OtherMem + Math.Max(c.Gogc is null ? 0 : GuideModel.MinHeapGoal, r.PeakLive + GuideModel.MinHeadroom));
            if (!c.TrackLive) Assert.True(r.PeakMem <= bound + eps, $"{r} exceeds {bound}");
        }, iter: 300);
    }

    [Fact]
    public void Gogc_off_without_a_limit_never_collects()
    {
        WorkloadGen.Where(w => w.Allocated < GuideConfig.NoLimit).Sample(w =>
        {
            var r = GuideModel.Run(w, GuideConfig.Default.WithGogcOff());
            Assert.Equal(0, r.Cycles);
            Assert.Equal(0, r.GcCpuPercent);
            Assert.Equal(w.Allocated, r.PeakMem, w.Allocated * 1e-9);
            Assert.Equal(0, r.PeakLive); // the model learns the live heap only at a GC
        }, iter: 100);
    }

    [Fact]
    public void Thrashing_runs_stop_with_a_clear_error_instead_of_running_away()
    {
        // GOGC off under a limit below the other memory: every cycle allocates 1/16 MiB; with trackLive that is
        // quadratic in memory, so the model refuses instead of exhausting it.
        var w = GuideWorkload.Of(new GuidePhase(10, 100, 1024, 0.5, 0));
        var e = Assert.Throws<KitInputException>(() => GuideModel.Run(w, GuideConfig.Default.WithGogcOff().WithMemoryLimit(1).WithTrackLive()));
        Assert.Equal("memoryLimit", e.Parameter);
        Assert.Contains("trackLive", e.Message, StringComparison.Ordinal);
        Assert.True(GuideModel.Run(w, GuideConfig.Default.WithGogcOff().WithMemoryLimit(1)).Cycles > GuideModel.MaxTrackLiveCycles);
    }

    [Fact]
    public void Doubling_gogc_never_adds_gc_cycles_on_the_pages_graphs()
    {
        // Checked for every GOGC 1..511 and each graph, with its own limit and with tighter ones.
        foreach (var graph in GuideGraphs.All)
            foreach (var limit in new double?[] { null, 60, 30 })
            {
                var config = limit is { } l ? graph.BaseConfig.WithMemoryLimit(l) : graph.BaseConfig;
                for (var gogc = 1; gogc < 512; gogc++)
                {
                    var lower = graph.Run(config.WithGogc(gogc));
                    var doubled = graph.Run(config.WithGogc(2 * gogc));
                    Assert.True(doubled.Cycles <= lower.Cycles, $"graph {graph.Number} limit {limit}: GOGC {gogc} → {lower.Cycles} cycles, {2 * gogc} → {doubled.Cycles}");
                }
            }
    }

    [Fact]
    public void Doubling_gogc_lowers_gc_cpu_when_no_limit_binds()
    {
        foreach (var number in new[] { 1, 2, 3 })
        {
            var graph = GuideGraphs.Graph(number);
            for (var gogc = 1; gogc < 512; gogc++)
            {
                var lower = graph.Run(graph.BaseConfig.WithGogc(gogc));
                var doubled = graph.Run(graph.BaseConfig.WithGogc(2 * gogc));
                Assert.True(doubled.GcCpuPercent < lower.GcCpuPercent, $"graph {number}: GOGC {gogc} {lower.GcCpuPercent}%, {2 * gogc} {doubled.GcCpuPercent}%");
            }
        }
    }

    [Fact]
    public void Gc_cpu_is_not_monotone_in_gogc_step_by_step()
    {
        // Graph 1, no limit: GOGC 33 and 34 both take the same number of cycles, but at 34 the cycles in the
        // first second (live heap still growing) come later and scan more live memory: GC CPU rises a little.
        var g1 = GuideGraphs.Graph(1);
        var at33 = g1.Run(g1.BaseConfig.WithGogc(33));
        var at34 = g1.Run(g1.BaseConfig.WithGogc(34));
        Assert.Equal(at33.Cycles, at34.Cycles);
        Assert.True(at34.GcCpuPercent > at33.GcCpuPercent, $"{at33} / {at34}");

        // Graph 4 (limit 100 MiB, other 10 MiB): once the limit binds, doubling GOGC 322 → 644 raises GC CPU.
        var g4 = GuideGraphs.Graph(4);
        Assert.True(g4.Run(g4.BaseConfig.WithGogc(644)).GcCpuPercent > g4.Run(g4.BaseConfig.WithGogc(322)).GcCpuPercent);

        // Peak memory is not monotone either: graph 1 at GOGC 1017 peaks higher than at 1020 (the last cycle falls elsewhere).
        Assert.True(g1.Run(g1.BaseConfig.WithGogc(1017)).PeakMem > g1.Run(g1.BaseConfig.WithGogc(1020)).PeakMem);
    }

    [Fact]
    public void With_gogc_on_the_4_MiB_minimum_heap_beats_a_lower_limit_but_with_gogc_off_it_does_not()
    {
        // gcModel applies the 4 MiB minimum after the limit, and only while GOGC is on: graph 4 (10 MiB other
        // memory) under a 10.5 MiB limit collects every 4 MiB with GOGC on, every 1/16 MiB above live with GOGC off.
        var g4 = GuideGraphs.Graph(4);
        var on = g4.Run(g4.Config(GuideGraphs.GogcSliderDefault, 10.5));
        var off = g4.Run(g4.Config(GuideGraphs.GogcSliderMax, 10.5));
        Assert.Null(off.Config.Gogc);
        Assert.True(on.PeakMem > 10.5, on.ToString());
        Assert.True(off.Cycles > on.Cycles, $"{on} / {off}");
    }
}
