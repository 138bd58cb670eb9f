using GoRuntimeLab.Metrics;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Metrics;

/// <summary>The catalogue against the real runtimes (data/recordings/metrics: metrics.All() of go1.19.8 and go1.23.5).</summary>
public class MetricCatalogTests
{
    internal static string Recording(string go) => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "metrics", $"metricsdump-{go}.txt");

    [Theory]
    // Counted in each release's description.go allDesc table. A grep of "Name:" gives 53/57 for 1.21+: one
    // too many (a grep of "Name:" also hits the godebug template in init()); metrics.All() of go1.23.5 has 56
    // non-godebug names, and client_golang's generated 1.23 list has 56 too.
    [InlineData(19, 33)]
    [InlineData(21, 52)]
    [InlineData(22, 56)]
    [InlineData(23, 56)]
    public void Counts_per_release(int minor, int count) => Assert.Equal(count, MetricCatalog.For(new GoVersion(1, minor)).Count);

    [Theory]
    [InlineData("go1.19.8", 19)]
    [InlineData("go1.21.13", 21)]
    [InlineData("go1.22.12", 22)]
    [InlineData("go1.23.5", 23)]
    public void Catalogue_equals_metrics_All_of_the_real_runtime(string go, int minor)
    {
        var dump = MetricsDump.Read(Recording(go));
        Assert.Equal(go, dump.GoVersion);
        var real = dump.Metrics.Where(m => !m.Name.StartsWith(MetricCatalog.GodebugPrefix, StringComparison.Ordinal)).ToList();
        var ours = MetricCatalog.For(new GoVersion(1, minor)).All;
        Assert.Equal(real.Count, ours.Count);
        for (var i = 0; i < real.Count; i++) Assert.Equal(real[i], ours[i]); // name, kind, cumulative, description
    }

    [Fact]
    public void Go123_runtime_adds_godebug_counters_the_catalogue_leaves_out()
    {
        var dump = MetricsDump.Read(Recording("go1.23.5"));
        Assert.Equal(32, dump.Metrics.Count(m => m.Name.StartsWith(MetricCatalog.GodebugPrefix, StringComparison.Ordinal)));
        Assert.DoesNotContain(MetricCatalog.For(GoVersion.Go1_23).All, d => d.Name.StartsWith("/godebug/", StringComparison.Ordinal));
    }

    [Fact]
    public void Gc_pause_singular_never_existed_and_pauses_is_deprecated_from_122()
    {
        foreach (var v in MetricCatalog.Versions)
        {
            var c = MetricCatalog.For(v);
            Assert.False(c.Contains("/gc/pause:seconds"));
            Assert.True(c.Contains("/gc/pauses:seconds"));
            Assert.Equal(MetricKind.Float64Histogram, c.Get("/gc/pauses:seconds").Kind);
            Assert.Equal(v >= GoVersion.Go1_22, c.Contains("/sched/pauses/total/gc:seconds"));
            Assert.Equal(v >= GoVersion.Go1_22, c.Get("/gc/pauses:seconds").Description.StartsWith("Deprecated", StringComparison.Ordinal));
        }

        Assert.Contains("/sched/pauses/total/gc:seconds", MetricCatalog.For(GoVersion.Go1_22).Get("/gc/pauses:seconds").Description, StringComparison.Ordinal);
        var e = Assert.Throws<KitInputException>(() => MetricCatalog.For(GoVersion.Go1_23).Get("/gc/pause:seconds"));
        Assert.Contains("/gc/pause:seconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Go122_adds_exactly_the_four_sched_pause_histograms()
    {
        var (added, removed) = MetricCatalog.Diff(MetricCatalog.For(GoVersion.Go1_21), MetricCatalog.For(GoVersion.Go1_22));
        Assert.Empty(removed);
        Assert.Equal(
            ["/sched/pauses/stopping/gc:seconds", "/sched/pauses/stopping/other:seconds", "/sched/pauses/total/gc:seconds", "/sched/pauses/total/other:seconds"],
            added.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.All(added, d => Assert.Equal(MetricKind.Float64Histogram, d.Kind));
    }

    [Fact]
    public void Sorted_by_name_like_allDesc_and_names_parse()
    {
        foreach (var v in MetricCatalog.Versions)
        {
            var names = MetricCatalog.For(v).All.Select(d => d.Name).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            Assert.All(MetricCatalog.For(v).All, d =>
            {
                Assert.StartsWith("/", d.Path, StringComparison.Ordinal);
                Assert.Matches("^[^:*/]+([*/][^:*/]+)*$", d.Unit); // the unit grammar of Description.Name
            });
        }
    }

    [Theory]
    [InlineData("1.20")]
    [InlineData("1.18")]
    [InlineData("1.24")]
    public void Releases_without_a_table_are_refused_naming_the_parameter(string version)
    {
        var e = Assert.Throws<KitInputException>(() => MetricCatalog.For(GoVersion.Parse(version)));
        Assert.Equal("version", e.Parameter);
        Assert.Contains("1.19, 1.21, 1.22, 1.23", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Patch_releases_share_the_table() =>
        Assert.Same(MetricCatalog.For(GoVersion.Parse("go1.19.8")), MetricCatalog.For(GoVersion.Go1_19));

    [Fact]
    public void ToString_is_a_summary() =>
        Assert.Equal("runtime/metrics of Go 1.19: 33 metrics (29 uint64, 4 float64Histogram), 12 cumulative", MetricCatalog.For(GoVersion.Go1_19).ToString());

    [Fact]
    public void Extracted_tables_and_recordings_hold_no_machine_path()
    {
        var root = Requirement.RepoRoot();
        var files = Directory.GetFiles(Path.Combine(root, "data", "oracles", "metrics"))
            .Concat(Directory.GetFiles(Path.Combine(root, "data", "recordings", "metrics")));
        foreach (var f in files)
        {
            var text = File.ReadAllText(f);
            foreach (var bad in new[] { root, "/home/", "/tmp/", "/opt/", "/usr/lib/go", "/root/", "/work/" })
                Assert.DoesNotContain(bad, text, StringComparison.Ordinal);
        }
    }
}
