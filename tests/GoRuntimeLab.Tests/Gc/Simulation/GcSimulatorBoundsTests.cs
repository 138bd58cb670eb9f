using GoRuntimeLab.Gc.Simulation;

namespace GoRuntimeLab.Tests.Gc.Simulation;

/// <summary>The GC simulator's reproductions from the reliability probe: a hang at 1 GiB/s, a silent cycle cap, absurd sizes.</summary>
public sealed class GcSimulatorBoundsTests
{
    // The CLI's defaults: pointer-free 1 KiB objects, 32 MiB live.
    private static readonly GcWorkload Cli = GcWorkload.Default.WithPointers(false);

    [Fact]
    public void One_GiB_per_second_finishes_and_collects_about_as_often_as_930_MiB_per_second_scaled()
    {
        // 1 GiB/s is more than the one allocating goroutine can allocate flat out at 1.5 ns per byte: the setup's steps
        // towards each trigger used to shrink without reaching it (a hang, even with a 1 ms run).
        var tiny = GcSimulator.Run(Cli.WithAllocRate("1GiB/s").WithDuration("1ms"), GcSimOptions.Default);
        Assert.NotEmpty(tiny.SetupCycles);

        var at930 = GcSimulator.Run(Cli.WithAllocRate("930MiB/s").WithDuration("5s"), GcSimOptions.Default);
        var at1024 = GcSimulator.Run(Cli.WithAllocRate("1GiB/s").WithDuration("5s"), GcSimOptions.Default);
        // At the same heap goal the cycle count follows the allocation rate (1024/930 = 1.10); assists hold the
        // faster program back a little, so allow 0.95–1.15 of the scaled count.
        var expected = at930.GcCount * 1024.0 / 930;
        Assert.InRange(at1024.GcCount, 0.95 * expected, 1.15 * expected);
        Assert.True(at1024.GcCount >= at930.GcCount);
    }

    [Theory]
    [InlineData("1GiB/s")]
    [InlineData("10GiB/s")]
    public void Realistic_high_allocation_rates_give_a_result_covering_the_whole_run(string rate)
    {
        var r = GcSimulator.Run(Cli.WithAllocRate(rate).WithDuration("2s"), GcSimOptions.Default.WithProcs(8).WithGogc(100));
        Assert.True(r.GcCount > 10, r.ToString());
        Assert.InRange(r.Cycles[^1].StartNs, 1_500_000_000, 2_000_000_000);
    }

    [Fact]
    public void A_run_longer_than_the_budget_stops_with_the_budget_error_instead_of_a_truncated_result()
    {
        // The probe's "1000000 GC cycles in 200000 s" whose last cycle started at 124,249 s.
        var e = Assert.Throws<SimulationBudgetException>(() => GcSimulator.Run(Cli.WithDuration("200000s"), GcSimOptions.Default));
        Assert.StartsWith("GcSimOptions.Max", e.Parameter, StringComparison.Ordinal);
        Assert.True(e.Budget > 0);
    }

    [Fact]
    public void A_long_run_within_the_budget_reaches_its_end()
    {
        var r = GcSimulator.Run(Cli.WithDuration("300s"), GcSimOptions.Default);
        Assert.InRange(r.Cycles[^1].StartNs, 299_000_000_000, 300_000_000_000);
        Assert.True(r.GcCount > 1000, r.ToString());
    }

    [Fact]
    public void A_cycle_budget_too_small_for_the_run_is_an_error_naming_it()
    {
        var e = Assert.Throws<SimulationBudgetException>(() => GcSimulator.Run(Cli, GcSimOptions.Default.WithMaxCycles(20)));
        Assert.Equal("GcSimOptions.MaxCycles", e.Parameter);
        Assert.Equal(20, e.Budget);
    }

    [Fact]
    public void Budgets_are_immutable_copies_with_documented_defaults()
    {
        var o = GcSimOptions.Default.WithMaxSteps(5000).WithMaxCycles(7);
        Assert.Equal((5000L, 7), (o.MaxSteps, o.MaxCycles));
        Assert.Equal((GcSimOptions.DefaultMaxSteps, GcSimOptions.DefaultMaxCycles), (GcSimOptions.Default.MaxSteps, GcSimOptions.Default.MaxCycles));
        Assert.Equal("GcSimOptions.MaxSteps", Assert.Throws<KitInputException>(() => GcSimOptions.Default.WithMaxSteps(0)).Parameter);
        Assert.Equal("GcSimOptions.MaxCycles", Assert.Throws<KitInputException>(() => GcSimOptions.Default.WithMaxCycles(0)).Parameter);
    }

    [Theory]
    [InlineData("liveBytes")]
    [InlineData("allocRate")]
    [InlineData("stackBytes")]
    [InlineData("globalsBytes")]
    public void Absurd_sizes_are_refused_early_naming_the_parameter(string parameter)
    {
        const string huge = "1000000000000000000"; // 1e18 bytes, the probe's value
        var e = Assert.Throws<KitInputException>(() => parameter switch
        {
            "liveBytes" => Cli.WithLive(huge),
            "allocRate" => Cli.WithAllocRate(huge),
            "stackBytes" => Cli.WithStacks(huge),
            _ => Cli.WithGlobals(huge),
        });
        Assert.Equal(parameter, e.Parameter);
        Assert.Contains("1 TiB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_accepted_sizes_still_finish()
    {
        var w = Cli.WithLive(GcWorkload.MaxBytes).WithStacks(GcWorkload.MaxBytes).WithGlobals(GcWorkload.MaxBytes)
            .WithAllocRate(GcWorkload.MaxAllocRate).WithDuration("1s");
        var r = GcSimulator.Run(w, GcSimOptions.Default);
        Assert.True(r.PeakHeapBytes >= GcWorkload.MaxBytes);
    }
}
