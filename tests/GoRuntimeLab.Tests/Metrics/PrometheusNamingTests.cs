using GoRuntimeLab.Metrics;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Metrics;

/// <summary>
/// The Go client's naming and bucketing, against client_golang's own generated name lists for Go 1.19 and 1.23
/// (data/oracles/metrics/client_golang-names-*.txt) and its bucket rules.
/// </summary>
public class PrometheusNamingTests
{
    private static List<string> Oracle(string go) =>
        [.. File.ReadLines(Path.Combine(Requirement.RepoRoot(), "data", "oracles", "metrics", $"client_golang-names-{go}.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [Theory]
    [InlineData("go1.19", 19)]
    [InlineData("go1.23", 23)]
    public void Names_equal_the_Go_clients_list(string go, int minor) =>
        Assert.Equal(Oracle(go), PrometheusNaming.Names(MetricCatalog.For(new GoVersion(1, minor))).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("/gc/heap/goal:bytes", "go_gc_heap_goal_bytes")]
    [InlineData("/sched/gomaxprocs:threads", "go_sched_gomaxprocs_threads")]
    [InlineData("/gc/heap/allocs-by-size:bytes", "go_gc_heap_allocs_by_size_bytes")]
    [InlineData("/gc/cycles/total:gc-cycles", "go_gc_cycles_total_gc_cycles_total")]
    [InlineData("/sched/pauses/total/gc:seconds", "go_sched_pauses_total_gc_seconds")]
    public void Examples(string runtimeName, string prometheusName) =>
        Assert.Equal(prometheusName, PrometheusNaming.ToPrometheusName(MetricCatalog.For(GoVersion.Go1_23).Get(runtimeName)));

    [Fact]
    public void Seconds_histograms_rebucket_at_powers_of_ten_up_to_one_second()
    {
        var b = PrometheusNaming.BucketsForUnit(TimeHistogram.Buckets(GoVersion.Go1_23), "seconds");
        // -Inf, 0, then the first boundary ≥ 10× the previous kept one, …, and +Inf replacing everything above 1 s.
        Assert.Equal(double.NegativeInfinity, b[0]);
        Assert.Equal(0.0, b[1]);
        Assert.Equal(double.PositiveInfinity, b[^1]);
        Assert.All(b.Skip(2).SkipLast(1), x => Assert.True(x <= 1));
        for (var i = 3; i < b.Count - 1; i++) Assert.True(b[i] >= 10 * b[i - 1]);
        // Definition of reBucketExp: each kept boundary is the first original one ≥ 10× the previous kept one.
        var all = TimeHistogram.Buckets(GoVersion.Go1_19);
        var b19 = PrometheusNaming.BucketsForUnit(all, "seconds");
        for (var i = 2; i < b19.Count - 1; i++)
        {
            var first = all.First(x => x >= (b19[i - 1] == 0 ? double.Epsilon : 10 * b19[i - 1]));
            Assert.Equal(first, b19[i]);
        }
    }

    [Fact]
    public void Prometheus_buckets_are_cumulative_with_inclusive_bounds()
    {
        var h = new TimeHistogram(GoVersion.Go1_23);
        h.Record(100);        // [64 ns, 128 ns)
        h.Record(50_000, 3);  // 50 µs
        h.Record(2_000_000_000); // 2 s: above 1 s, only in +Inf
        var reduced = PrometheusNaming.BucketsForUnit(TimeHistogram.Buckets(GoVersion.Go1_23), "seconds");
        var p = PrometheusNaming.ToPrometheus(h.Snapshot(), reduced);
        Assert.Equal(5UL, p.Count);
        Assert.Equal(p.UpperBounds.Count, p.CumulativeCounts.Count);
        Assert.Equal(4UL, p.CumulativeCounts[^1]);           // the 2 s sample only in +Inf
        Assert.True(p.UpperBounds[0] < reduced[2]);         // BitDecrement of the exclusive bound
        Assert.Equal(reduced[2], Math.BitIncrement(p.UpperBounds[0]));
        var le100ns = p.UpperBounds.ToList().FindIndex(u => u >= 100e-9);
        Assert.Equal(1UL, p.CumulativeCounts[le100ns]);
    }
}
