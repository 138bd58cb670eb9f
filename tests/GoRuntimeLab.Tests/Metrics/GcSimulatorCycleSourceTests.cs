using GoRuntimeLab.Gc.Simulation;
using GoRuntimeLab.Metrics;

namespace GoRuntimeLab.Tests.Metrics;

public sealed class GcSimulatorCycleSourceTests
{
    [Theory]
    [InlineData("1.19", 1)]
    [InlineData("1.23", 7)]
    public void A_shorter_run_is_a_prefix_of_a_longer_one_so_horizons_join_exactly(string go, int seed)
    {
        var source = new GcSimulatorCycleSource(ProcessConfig.Default.WithVersion(go).WithSeed(seed));
        var shortRun = GcSimulator.Run(source.Workload.WithDuration(4_000_000_000), source.Options, recordSeries: false);
        var longRun = GcSimulator.Run(source.Workload.WithDuration(8_000_000_000), source.Options, recordSeries: false);
        var complete = shortRun.Cycles.Where(c => c.EndNs <= 4_000_000_000).ToList();
        Assert.True(complete.Count > 3);
        Assert.Equal(complete, longRun.Cycles.Take(complete.Count));
    }

    [Fact]
    public void Cycles_continue_past_the_first_horizon_in_order_and_numbered()
    {
        var source = new GcSimulatorCycleSource(ProcessConfig.Default);
        var cycles = source.Cycles().TakeWhile(c => c.StartNs < 2 * GcSimulatorCycleSource.FirstHorizonNs + 5_000_000_000).ToList();
        Assert.Contains(cycles, c => c.StartNs > GcSimulatorCycleSource.FirstHorizonNs);
        for (var i = 0; i < cycles.Count; i++)
        {
            Assert.Equal(i + 1, cycles[i].Number);
            if (i > 0) Assert.True(cycles[i].StartNs >= cycles[i - 1].EndNs);
        }
    }

    [Fact]
    public void With_gc_off_and_no_limit_there_are_no_cycles()
    {
        var source = new GcSimulatorCycleSource(ProcessConfig.Default.WithGogc(-1));
        Assert.Empty(source.Cycles());
    }

    [Fact]
    public void A_process_on_the_simulator_reports_its_goal_and_cycles()
    {
        var p = new SimulatedGoProcess(ProcessConfig.Default, new GcSimulatorCycleSource(ProcessConfig.Default)).AdvanceTo(10_000_000_000);
        Assert.NotEmpty(p.CompletedCycles);
        Assert.All(p.CompletedCycles, c => Assert.True(c.MarkedBytes <= c.HeapAtMarkEnd));
    }
}
