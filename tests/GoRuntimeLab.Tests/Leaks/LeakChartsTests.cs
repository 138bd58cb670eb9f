using GoRuntimeLab.Charts.Leaks;
using GoRuntimeLab.Leaks;
using Plotly.NET;

namespace GoRuntimeLab.Tests.Leaks;

/// <summary>The leak charts draw the recorded series' numbers.</summary>
public class LeakChartsTests
{
    private static string Html(GenericChart chart) => GenericChart.toChartHTML(chart);

    [Fact]
    public void Trend_shows_each_series_and_its_fitted_slope()
    {
        var leaky = LeakRecordingTests.Load("buffers-leaky-go1.19.8.txt");
        var fixedRun = LeakRecordingTests.Load("buffers-fixed-go1.19.8.txt");
        var html = Html(LeakCharts.Trend([leaky, fixedRun], LeakMetric.Goroutines));
        Assert.Contains("leaky 趋势 fit: 4 个 goroutines/步", html, StringComparison.Ordinal);
        Assert.Contains("fixed 趋势 fit: 0 个 goroutines/步", html, StringComparison.Ordinal);
        Assert.Equal("series", Assert.Throws<KitInputException>(() => LeakCharts.Trend([])).Parameter);
    }

    [Fact]
    public void Growth_and_stacks_name_the_leaking_code()
    {
        var leaky = LeakRecordingTests.Load("buffers-leaky-go1.23.5.txt");
        Assert.Contains("main.(*telemetryStore).appendFrame", Html(LeakCharts.Growth(leaky)), StringComparison.Ordinal);
        Assert.Contains("main.worker [runtime.chansend]", Html(LeakCharts.GoroutineStacks(leaky)), StringComparison.Ordinal);
        Assert.Equal("rows", Assert.Throws<KitInputException>(() => LeakCharts.Growth(leaky, 0)).Parameter);
    }
}
