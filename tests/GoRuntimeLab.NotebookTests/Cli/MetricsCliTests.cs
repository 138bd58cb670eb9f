using System.Diagnostics;
using System.Text.Json;
using GoRuntimeLab.Metrics;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>
/// `golab metrics list|expose` as a process: the catalogue against the real runtimes' metrics.All()
/// (data/recordings/metrics), and the exposition against Prometheus' own linter (`promtool check metrics`).
/// </summary>
public class MetricsCliTests
{
    private static string Root => Requirement.RepoRoot();

    [Theory]
    [InlineData("1.19", "go1.19.8")]
    [InlineData("1.23", "go1.23.5")]
    public void List_json_names_equal_the_real_runtime(string go, string recorded)
    {
        var r = Golab.Run(Root, "metrics", "list", "--go", go, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var names = doc.RootElement.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
        var real = MetricsDump.Read(Path.Combine(Root, "data", "recordings", "metrics", $"metricsdump-{recorded}.txt"))
            .Metrics.Select(m => m.Name).Where(n => !n.StartsWith("/godebug/", StringComparison.Ordinal)).ToList();
        Assert.Equal(real, names);
        Assert.Equal(real.Count, doc.RootElement.GetProperty("count").GetInt32());
        var goal = doc.RootElement.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "/gc/heap/goal:bytes");
        Assert.Equal("go_gc_heap_goal_bytes", goal.GetProperty("prometheusName").GetString());
    }

    [Fact]
    public void List_table_by_default()
    {
        var r = Golab.Run(Root, "metrics", "list", "--go", "1.22");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("runtime/metrics of Go 1.22: 56 metrics", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("/sched/pauses/total/gc:seconds", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list", "--go", "1.20")]
    [InlineData("expose", "--go", "banana")]
    [InlineData("expose", "--at", "0")]
    [InlineData("serve", "--duration", "1", "--port", "70000")]
    [InlineData("serve", "--duration", "1", "--port", "0", "--speed", "2e6")]
    [InlineData("serve", "--duration", "1", "--port", "0", "--speed", "0")]
    [InlineData("serve", "--duration", "1", "--port", "0", "--speed", "NaN")]
    public void Bad_input_exits_2_naming_the_parameter(params string[] args)
    {
        var r = Golab.Run(Root, ["metrics", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith($"golab: {args[^2]}", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Gc_duration_summary_is_Gos_read_gc_stats_over_the_last_256_pauses()
    {
        // 300 simulated seconds: several hundred cycles, more than MemStats.PauseNs holds.
        var r = Golab.Run(Root, "metrics", "expose", "--at", "300", "--seed", "3");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var p = new SimulatedGoProcess(ProcessConfig.Default.WithSeed(3)).AdvanceTo(300_000_000_000);
        Assert.True(p.CompletedCycles.Count > 256, p.ToString());
        // runtime/debug.ReadGCStats: the last 256 per-cycle pauses sorted, quantile i of 4 = sorted[n*i/4], then the max.
        var sorted = p.CompletedCycles.TakeLast(256).Select(c => c.TotalPauseNs).Order().ToList();
        string[] q = ["0", "0.25", "0.5", "0.75", "1"];
        for (var i = 0; i < 5; i++)
            Assert.Equal((i < 4 ? sorted[sorted.Count * i / 4] : sorted[^1]) / 1e9, Series(r.Stdout, $"go_gc_duration_seconds{{quantile=\"{q[i]}\"}}"));
        Assert.Equal(p.CompletedCycles.Sum(c => c.TotalPauseNs) / 1e9, Series(r.Stdout, "go_gc_duration_seconds_sum"), 12);
        Assert.Equal(p.CompletedCycles.Count, Series(r.Stdout, "go_gc_duration_seconds_count"));
    }

    private static double Series(string exposition, string series) =>
        double.Parse(exposition.Split('\n').Single(l => l.StartsWith(series + " ", StringComparison.Ordinal))[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    [SkippableFact]
    public void Expose_is_deterministic_and_promtool_accepts_it()
    {
        var a = Golab.Run(Root, "metrics", "expose", "--go", "1.22", "--at", "20", "--seed", "3");
        var b = Golab.Run(Root, "metrics", "expose", "--go", "1.22", "--at", "20", "--seed", "3");
        Assert.True(a.ExitCode == 0, a.Stderr);
        Assert.Equal(a.Stdout, b.Stdout);
        foreach (var series in new[] { "go_gc_duration_seconds{quantile=\"0.5\"}", "go_memstats_heap_alloc_bytes ", "go_goroutines 40",
                     "go_sched_gomaxprocs_threads 2", "go_gc_heap_goal_bytes ", "go_sched_latencies_seconds_bucket{le=", "go_gc_pauses_seconds_count " })
            Assert.Contains(series, a.Stdout, StringComparison.Ordinal);

        var promtool = Requirement.OnPath("promtool");
        Requirement.Tool(promtool is not null, "GOLAB_REQUIRE_PROMETHEUS", "promtool is not installed (apt-get install prometheus)");
        var start = new ProcessStartInfo(promtool!, "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        p.StandardInput.Write(a.Stdout);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(30_000));
        Assert.True(p.ExitCode == 0, "promtool check metrics: " + output);
    }
}
