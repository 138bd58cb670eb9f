using GoRuntimeLab.Sched;

namespace GoRuntimeLab.Tests.Sched;

// Oracles: Go's own tests, ported as workloads. runtime/proc_test.go TestPingPongHog (counts within a factor of 20) and
// runtime/chan_test.go TestSelectFairness (each ready case within 10σ of 5000 over 10000 selects).
public class FairnessTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(99UL)]
    public void PingPongHog_pairs_share_the_P_within_20x(ulong seed)
    {
        var r = Scheduler.Run("pingpong-hog", SchedConfig.Default.WithProcs(1).WithSeed(seed).WithRecordTimeline(false));
        var hog = r.Counter("hog");
        var light = r.Counter("light");
        Assert.True(hog > 0 && light > 0, r.ToString());
        Assert.True(hog <= light * 20 && light <= hog * 20, $"hog {hog} light {light}");
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(5UL)]
    [InlineData(12345UL)]
    public void SelectFairness_each_ready_case_within_10_sigma_of_5000(ulong seed)
    {
        var r = Scheduler.Run("select-fairness", SchedConfig.Default.WithProcs(1).WithSeed(seed).WithRecordTimeline(false));
        const double trials = 10_000, expected = trials / 2, sigma = 50; // sqrt(10000 * 0.5 * 0.5)
        var c1 = r.Counter("out/1");
        var c2 = r.Counter("out/2");
        Assert.Equal(trials, c1 + c2);
        Assert.InRange(c1, expected - 10 * sigma, expected + 10 * sigma);
        Assert.InRange(c2, expected - 10 * sigma, expected + 10 * sigma);
        Assert.Equal(0, r.Counter("out/3") + r.Counter("out/4"));
        Assert.Equal(SchedExit.MainReturned, r.Exit);
    }

    [Fact]
    public void SelectFairness_depends_on_the_seed_but_not_on_anything_else()
    {
        var cfg = SchedConfig.Default.WithProcs(1).WithRecordTimeline(false);
        var a = Scheduler.Run("select-fairness", cfg.WithSeed(1)).Counter("out/1");
        var b = Scheduler.Run("select-fairness", cfg.WithSeed(2)).Counter("out/1");
        var a2 = Scheduler.Run("select-fairness", cfg.WithSeed(1)).Counter("out/1");
        Assert.Equal(a, a2);
        Assert.NotEqual(a, b);
    }
}
