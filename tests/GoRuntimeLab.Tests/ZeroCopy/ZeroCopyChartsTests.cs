using GoRuntimeLab.Benchmarking;
using GoRuntimeLab.Charts.ZeroCopy;
using GoRuntimeLab.ZeroCopy;
using Plotly.NET;

namespace GoRuntimeLab.Tests.ZeroCopy;

/// <summary>The section 4.1 charts draw the recorded runs.</summary>
public class ZeroCopyChartsTests
{
    [Fact]
    public void Go_releases_chart_has_one_series_per_release_and_the_allocations_in_its_hover_text()
    {
        var runs = ZeroCopyBench.ReadAll(ZeroCopyBenchTests.Recordings);
        var html = GenericChart.toChartHTML(ZeroCopyCharts.GoReleases(runs, "Copy/"));
        foreach (var v in new[] { "go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5" }) Assert.Contains(v, html, StringComparison.Ordinal);
        Assert.Contains("Copy/Generic/n=64KiB", html, StringComparison.Ordinal);
        Assert.Contains("1 allocs, 32768 B", html, StringComparison.Ordinal);
        Assert.DoesNotContain("StringFromBytes", html, StringComparison.Ordinal);
        Assert.Throws<KitInputException>(() => ZeroCopyCharts.GoReleases(runs, "Nope"));
    }

    [Fact]
    public void Syscalls_chart_shows_sendfile_and_the_loops_writes()
    {
        var send = StraceSummary.Read(Path.Combine(ZeroCopyBenchTests.Recordings, "strace-sendfile-go1.19.8.txt"));
        var loop = StraceSummary.Read(Path.Combine(ZeroCopyBenchTests.Recordings, "strace-loop-go1.19.8.txt"));
        var html = GenericChart.toChartHTML(ZeroCopyCharts.Syscalls([("sendfile path", send), ("loop path", loop)]));
        Assert.Contains("sendfile", html, StringComparison.Ordinal);
        Assert.Contains("write", html, StringComparison.Ordinal);
        Assert.Contains($"loop path（共 {loop.TotalCalls} 次）", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DotNet_chart_pairs_live_and_recorded_rows_by_description()
    {
        var full = BdnCsv.Read(Path.Combine(ZeroCopyBenchTests.Recordings, "dotnet-zerocopy-report.csv"));
        var live = new[] { new BenchRow("Substring", "'Substring(6, 40)'", 50, 1, 104, 3, "live (short job)") };
        var html = GenericChart.toChartHTML(ZeroCopyCharts.DotNet(live, full));
        Assert.Contains("Substring(6, 40)", html, StringComparison.Ordinal);
        Assert.Contains("104 B/op", html, StringComparison.Ordinal);
        Assert.DoesNotContain("'Substring", html, StringComparison.Ordinal);
    }
}
