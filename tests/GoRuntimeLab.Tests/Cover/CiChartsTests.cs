using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Charts.Ci;
using GoRuntimeLab.Cover;
using GoRuntimeLab.Race;
using GoRuntimeLab.Testing;
using Plotly.NET;

namespace GoRuntimeLab.Tests.Cover;

/// <summary>The section 5.3 charts draw the recorded race reports, coverage and benchstat comparison.</summary>
public sealed class CiChartsTests
{
    private static string Recordings(string topic, string name) => Path.Combine(Requirement.RepoRoot(), "data", "recordings", topic, name);

    [Fact]
    public void Races_chart_places_each_access_with_its_line_and_goroutine()
    {
        var log = RaceReportParser.ReadFile(Recordings("race", "racedemo-test-go1.19.8.txt"));
        var html = GenericChart.toChartHTML(CiCharts.Races(log));
        Assert.Contains("#1 main.go:18", html, StringComparison.Ordinal);
        Assert.Contains("#2 main.go:48", html, StringComparison.Ordinal);
        Assert.Contains("goroutine 10", html, StringComparison.Ordinal);
        Assert.Contains("之前 previous main.go:50", html, StringComparison.Ordinal);
        Assert.Contains("2 个数据竞争", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_chart_shows_each_function_the_total_and_the_gate()
    {
        var profile = CoverProfileParser.ReadFile(Recordings("cover", "coverdemo-set-go1.19.8.out"));
        var funcs = CoverFuncs.ForProfile(profile, Path.Combine(Requirement.RepoRoot(), "data", "go", "coverdemo"), "golab/coverdemo");
        var html = GenericChart.toChartHTML(CiCharts.CoverageByFunction(funcs, 85));
        Assert.Contains("88.9% (8/9)", html, StringComparison.Ordinal);
        Assert.Contains("87.0% (20/23)", html, StringComparison.Ordinal);
        Assert.Contains("gate 85%", html, StringComparison.Ordinal);
        Assert.Throws<KitInputException>(() => CiCharts.CoverageByFunction(funcs, 101));
    }

    [Fact]
    public void Benchstat_chart_labels_the_new_bars_with_delta_and_p()
    {
        var report = BenchstatComparer.CompareFiles(Recordings("benchstat", "old-go1.19.8.txt"), Recordings("benchstat", "new-go1.19.8.txt"));
        var html = GenericChart.toChartHTML(CiCharts.Benchstat(report));
        Assert.Contains("-95.08% (p=0.000 n=10)", html, StringComparison.Ordinal);
        Assert.Contains("~ (p=0.684 n=10)", html, StringComparison.Ordinal);
        Assert.Contains("Join-2", html, StringComparison.Ordinal);
        var e = Assert.Throws<KitInputException>(() => CiCharts.Benchstat(report, "furlongs/op"));
        Assert.Equal("unit", e.Parameter);
    }
}
