using GoRuntimeLab.GoTool;
using GoRuntimeLab.Metrics;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Metrics;

/// <summary>
/// With a local Go: re-run data/go/metricsdump and data/go/metricsdesc on the installed release and compare with
/// the catalogue and the time-histogram layout. Skipped without Go; failed without it when GOLAB_REQUIRE_GO=1.
/// </summary>
public class MetricsLiveGoTests
{
    private static string Program(string name) => Path.Combine(Requirement.RepoRoot(), "data", "go", name);

    [SkippableFact]
    public async Task Metricsdump_of_the_local_go_matches_catalogue_and_buckets()
    {
        var go = LiveGo.Require();
        var line = new GoVersion(go.Version.Major, go.Version.Minor);
        Requirement.Tool(MetricCatalog.Versions.Contains(line), "GOLAB_REQUIRE_GO", $"the kit carries no runtime/metrics table for the installed {line}");
        var run = await go.RunAsync(Program("metricsdump"), []);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var dump = MetricsDump.Parse(run.Stdout, "live metricsdump");
        var real = dump.Metrics.Where(m => !m.Name.StartsWith(MetricCatalog.GodebugPrefix, StringComparison.Ordinal));
        Assert.Equal(real, MetricCatalog.For(line).All);
        Assert.Equal(TimeHistogram.Buckets(line), dump.Histogram("/sched/latencies:seconds").Buckets);
        Assert.Equal(2 * dump.GcCycles, dump.Histogram("/gc/pauses:seconds").Total);
    }

    [SkippableFact]
    public async Task Metricsdesc_extracts_the_local_description_go_like_the_committed_table()
    {
        var go = LiveGo.Require();
        var line = new GoVersion(go.Version.Major, go.Version.Minor);
        Requirement.Tool(MetricCatalog.Versions.Contains(line), "GOLAB_REQUIRE_GO", $"the kit carries no runtime/metrics table for the installed {line}");
        var file = Path.Combine(go.Env("GOROOT"), "src", "runtime", "metrics", "description.go");
        var run = await go.RunAsync(Program("metricsdesc"), [file]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var committed = File.ReadAllText(Path.Combine(Requirement.RepoRoot(), "data", "oracles", "metrics", $"descriptions-go1.{line.Minor}.json"));
        Assert.Equal(committed, run.Stdout);
    }
}
