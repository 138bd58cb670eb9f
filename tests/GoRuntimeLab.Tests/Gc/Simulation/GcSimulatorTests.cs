using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Gc.Simulation;
using GoRuntimeLab.Gc.Trace;

namespace GoRuntimeLab.Tests.Gc.Simulation;

public sealed class GcSimulatorTests
{
    private static readonly GcWorkload Workload = GcWorkload.Default.WithDuration("2s");

    [Fact]
    public void The_same_seed_gives_the_same_run_and_another_seed_a_slightly_different_one()
    {
        var a = GcSimulator.Run(Workload, GcSimOptions.Default.WithSeed(7));
        var b = GcSimulator.Run(Workload, GcSimOptions.Default.WithSeed(7));
        var c = GcSimulator.Run(Workload, GcSimOptions.Default.WithSeed(8));
        Assert.Equal(a.Cycles, b.Cycles);
        Assert.Equal(a.Series, b.Series);
        Assert.NotEqual(a.Cycles.Select(x => x.MarkNs), c.Cycles.Select(x => x.MarkNs));
    }

    [Fact]
    public void Without_jitter_the_seed_does_not_matter()
    {
        var o = GcSimOptions.Default.WithJitter(0);
        Assert.Equal(GcSimulator.Run(Workload, o.WithSeed(1)).Cycles, GcSimulator.Run(Workload, o.WithSeed(2)).Cycles);
    }

    [Fact]
    public void Gogc_off_without_a_limit_never_collects_and_the_heap_grows_by_everything_allocated()
    {
        var r = GcSimulator.Run(Workload, GcSimOptions.Default.WithGogc("off").WithVersion("1.19"));
        Assert.Empty(r.Cycles);
        // Every garbage object comes with its 24-byte box (both in exact size classes in 1.19: 1024 and 24 bytes).
        var allocated = Workload.AllocRate * Workload.DurationNs / 1e9 * (1024 + 24) / 1024;
        Assert.InRange((double)r.PeakHeapBytes, Workload.LiveBytes + Workload.HolderBytes + allocated - 1e6, Workload.LiveBytes + Workload.HolderBytes + allocated + 1);
    }

    [Fact]
    public void A_higher_gogc_means_fewer_cycles_and_a_higher_peak()
    {
        var runs = GcSimulator.SweepGogc(Workload, GcSimOptions.Default, [50, 100, 200, 400, 800]);
        // (At GOGC=25 this workload keeps the GC running back to back; the CPU limiter then turns assists off and the
        // heap overshoots — a real trade-off of mgclimit.go, tested below, so it is left out of this monotone sweep.)
        Assert.All(runs, r => Assert.DoesNotContain(r.Cycles, c => c.LimiterOn));
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].GcCount < runs[i - 1].GcCount, $"GOGC {runs[i].Options.Gogc}: {runs[i].GcCount} cycles vs {runs[i - 1].GcCount}");
            Assert.True(runs[i].PeakHeapBytes > runs[i - 1].PeakHeapBytes);
        }
    }

    [Fact]
    public void The_goal_counts_the_gc_roots_since_go_1_18()
    {
        // commit(): goal = marked + (marked + stacks + globals) × GOGC/100 — 64 MiB of stacks raise it by 64 MiB at GOGC=100.
        var small = GcSimulator.Run(Workload, GcSimOptions.Default.WithJitter(0));
        var big = GcSimulator.Run(Workload.WithStacks("64MiB"), GcSimOptions.Default.WithJitter(0));
        var c = big.Cycles[^1];
        var expected = c.Marked + (c.Marked + (ulong)(64L << 20) + (ulong)Workload.GlobalsBytes);
        Assert.Equal(expected, c.NextGoal);
        Assert.True(big.GcCount < small.GcCount);
    }

    [Fact]
    public void Each_cycle_marks_the_live_heap_plus_what_was_allocated_black_during_the_mark()
    {
        var r = GcSimulator.Run(Workload, GcSimOptions.Default.WithVersion("1.19"));
        foreach (var c in r.Cycles)
        {
            Assert.Equal((ulong)(Workload.LiveBytes + Workload.HolderBytes) + (c.HeapAtMarkEnd - c.HeapAtTrigger), c.Marked);
            Assert.True(c.HeapAtTrigger >= c.Trigger);
        }
    }

    [Fact]
    public void A_transient_spike_is_marked_while_it_lives_and_is_garbage_after()
    {
        var w = Workload.WithSpike("32MiB", "500ms", "500ms");
        var r = GcSimulator.Run(w, GcSimOptions.Default.WithJitter(0).WithVersion("1.19"));
        var spike = (32L << 20) / w.ObjectSize * (w.ObjectSize + w.BoxBytes + 16); // objects, boxes, holder slots
        var baseLive = (ulong)(w.LiveBytes + w.HolderBytes);
        foreach (var c in r.Cycles)
        {
            var during = c.StartNs >= 500_000_000 && c.StartNs < 1_000_000_000;
            var expected = baseLive + (during ? (ulong)spike : 0) + (c.HeapAtMarkEnd - c.HeapAtTrigger);
            Assert.Equal(expected, c.Marked);
        }

        Assert.Contains(r.Cycles, c => c.StartNs >= 500_000_000 && c.StartNs < 1_000_000_000);
        Assert.Contains(r.Cycles, c => c.StartNs > 1_100_000_000 && c.Marked < baseLive + (ulong)spike / 2);
        Assert.True(r.PeakHeapBytes > GcSimulator.Run(Workload, GcSimOptions.Default.WithJitter(0)).PeakHeapBytes);
    }

    [Fact]
    public void Since_go_1_22_a_pointerful_1_KiB_object_fills_the_1152_byte_class_so_the_heap_is_an_eighth_bigger()
    {
        // mallocgc adds an 8-byte malloc header to pointerful objects > 512 B before the size-class lookup (1.22+):
        // gcload's 32 MiB of 1 KiB []*int objects take 36 MiB of heap on Go 1.23.5 (data/recordings/gc). Each object's
        // 24-byte box (pointerful, ≤ 512 B) and holder slot cost the same in both versions.
        var o = GcSimOptions.Default.WithGogc("off");
        var g19 = GcSimulator.Run(Workload, o.WithVersion("1.19")).PeakHeapBytes;
        var g23 = GcSimulator.Run(Workload, o.WithVersion("1.23")).PeakHeapBytes;
        Assert.Equal((double)(g19 / (1024 + 24 + 16) * 128), (double)(g23 - g19), 1e-2 * g19);
        var noscan = Workload.WithPointers(false);
        Assert.Equal(GcSimulator.Run(noscan, o.WithVersion("1.19")).PeakHeapBytes, GcSimulator.Run(noscan, o.WithVersion("1.23")).PeakHeapBytes);
    }

    [Fact]
    public void Gogc_0_keeps_the_goal_1_MiB_above_the_live_heap_because_sweeping_has_just_begun()
    {
        // gcMarkTermination calls gcSweep before gcControllerCommit, so commit(isSweepDone=false) sets
        // sweepDistMinTrigger = heapLive + 1 MiB; real Go 1.19.8 printed "10 MB ... 11 MB goal" at GOGC=0.
        var r = GcSimulator.Run(Workload.WithLive("10MiB"), GcSimOptions.Default.WithGogc(0));
        Assert.All(r.Cycles, c => Assert.True(c.NextGoal >= c.Marked + (1UL << 20), c.ToString()));
    }

    [Theory]
    [InlineData(2, 0.5)]   // 0 dedicated + a fractional goal of 0.25 × 2
    [InlineData(4, 1.0)]   // 1 dedicated
    [InlineData(5, 1.0)]   // 1 dedicated: 20 %, within the 30 % rounding tolerance (mgcpacer.go startCycle)
    [InlineData(7, 2.0)]   // 2 dedicated: 28.6 %
    public void Background_mark_workers_are_rounded_to_whole_Ps_like_startCycle(int procs, double cores)
    {
        var r = GcSimulator.Run(Workload, GcSimOptions.Default.WithProcs(procs).WithJitter(0));
        Assert.All(r.Cycles, c => Assert.Equal(cores, (double)c.BackgroundCpuNs / c.MarkNs, 2));
    }

    [Fact]
    public void The_gctrace_lines_parse_back_to_the_cycles_numbers()
    {
        var r = GcSimulator.Run(Workload, GcSimOptions.Default.WithVersion("1.19"));
        var log = GcTraceParser.Parse(string.Join("\n", r.GcTraceLines), "sim");
        Assert.Equal(r.Cycles.Count, log.Lines.Count);
        foreach (var (c, line) in r.Cycles.Zip(log.Lines))
        {
            Assert.Equal((int)(c.HeapAtTrigger >> 20), (int)line.HeapStartMB);
            Assert.Equal((int)(c.Marked >> 20), (int)line.LiveMB);
            Assert.Equal((int)(c.Goal >> 20), (int)line.GoalMB);
            Assert.Equal(2, line.Procs);
        }
    }

    [Fact]
    public void A_memory_limit_caps_the_heap_and_gogc_off_with_a_limit_collects_only_near_it()
    {
        var limit = 96L << 20;
        var o = GcSimOptions.Default.WithGogc("off").WithMemoryLimit(limit);
        var r = GcSimulator.Run(Workload, o);
        Assert.NotEmpty(r.Cycles);
        Assert.True((long)r.PeakHeapBytes + r.NonHeapBytes <= limit + (4L << 20), $"peak {r.PeakHeapBytes} + other {r.NonHeapBytes} vs limit {limit}");
        Assert.All(r.Cycles.Skip(1), c => Assert.True(c.Trigger > (ulong)(limit * 0.7)));
    }

    [Fact]
    public void Near_an_unreachable_limit_the_cpu_limiter_turns_assists_off_and_caps_gc_cpu_around_half()
    {
        // Live heap above what the limit allows: the goal collapses onto the live heap and GC runs back to back
        // (the "death spiral" GOMEMLIMIT could cause before the limiter, mgclimit.go).
        // The bucket holds 1 CPU-second per P and fills at (GC − mutator) time, so it takes a few seconds to fill.
        var w = Workload.WithLive("48MiB").WithAllocRate("512MiB/s").WithDuration("8s");
        var r = GcSimulator.Run(w, GcSimOptions.Default.WithMemoryLimit("40MiB"));
        Assert.Contains(r.Cycles, c => c.LimiterOn);
        Assert.InRange(r.GcCpuFraction, 0.3, 0.65);
    }

    [Fact]
    public void Go_1_19_and_1_23_differ_in_memory_limit_headroom()
    {
        var o = GcSimOptions.Default.WithGogc("off").WithMemoryLimit("256MiB").WithOtherMem(0).WithJitter(0);
        var g19 = GcSimulator.Run(Workload, o.WithVersion("1.19")).Cycles[^1].NextGoal;
        var g23 = GcSimulator.Run(Workload, o.WithVersion("1.23")).Cycles[^1].NextGoal;
        Assert.Equal((ulong)(256L << 20) - (1UL << 20), g19);                       // 1 MiB
        Assert.Equal(GcController.ApplyHeadroom(256UL << 20, GoVersion.Go1_23), g23); // 3 %
        Assert.True(g23 < g19);
    }

    [Theory]
    [InlineData("gogc", "OFF", "GOGC")]
    [InlineData("procs", "0", "GOMAXPROCS")]
    [InlineData("memlimit", "12XB", "GOMEMLIMIT")]
    [InlineData("live", "lots", "liveBytes")]
    [InlineData("duration", "5 seconds", "duration")]
    [InlineData("rate", "fast", "allocRate")]
    public void Invalid_parameters_are_rejected_naming_the_parameter(string what, string value, string parameter)
    {
        var e = Assert.ThrowsAny<KitInputException>(() => what switch
        {
            "gogc" => (object)GcSimOptions.Default.WithGogc(value),
            "procs" => GcSimOptions.Default.WithProcs(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
            "memlimit" => GcSimOptions.Default.WithMemoryLimit(value),
            "live" => GcWorkload.Default.WithLive(value),
            "duration" => GcWorkload.Default.WithDuration(value),
            _ => GcWorkload.Default.WithAllocRate(value),
        });
        // The model's own name for it (the Go setting, or the workload's property); the CLI maps it to its flag.
        Assert.Equal(parameter, e.Parameter);
        Assert.StartsWith(parameter + ": ", e.Message, StringComparison.Ordinal);
    }
}
