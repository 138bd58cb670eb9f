using GoRuntimeLab.Charts.Layouts;
using GoRuntimeLab.Layouts;
using Plotly.NET;

namespace GoRuntimeLab.Tests.Layouts;

/// <summary>The section 4.3 chart draws the recorded ratios.</summary>
public class LayoutChartsTests
{
    [Fact]
    public void False_sharing_chart_shows_each_layouts_ratio_per_op_and_goroutines()
    {
        var recording = FalseSharingRecording.Read(Path.Combine(LayoutRecordingTests.Recordings, "falseshare-go1.19.8.txt"));
        var html = GenericChart.toChartHTML(LayoutCharts.FalseSharing(recording));
        Assert.Contains("atomic g=2", html, StringComparison.Ordinal);
        Assert.Contains("pad64", html, StringComparison.Ordinal);
        Assert.Contains("2 cores", html, StringComparison.Ordinal);
        Assert.Contains(Math.Round(recording["atomic", "pad64", 2].VsUnpadded, 2).ToString(System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }
}
