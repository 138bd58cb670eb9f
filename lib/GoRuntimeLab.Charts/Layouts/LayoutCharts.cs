using System.Globalization;
using GoRuntimeLab.Layouts;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Layouts;

/// <summary>Section 4.3: struct layout and false sharing.</summary>
public static class LayoutCharts
{
    /// <summary>
    /// A recorded false-sharing benchmark: per op and goroutine count, each layout's median throughput relative to
    /// the unpadded counters (1 = no gain), one bar group per "op g=N".
    /// </summary>
    public static GenericChart FalseSharing(FalseSharingRecording recording, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        string Key(FalseSharingRow r) => string.Create(CultureInfo.InvariantCulture, $"{r.Op} g={r.Goroutines}");
        var keys = recording.Rows.Select(Key).Distinct().ToArray();
        string[] colors = ["#7f7f7f", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd"];
        var bars = recording.Rows.Select(r => r.Layout).Distinct().Select((layout, i) =>
        {
            var rows = keys.Select(k => recording.Rows.FirstOrDefault(r => r.Layout == layout && Key(r) == k)).ToList();
            return Chart.Column<double, string, string>(values: rows.Select(r => r is null ? double.NaN : Math.Round(r.VsUnpadded, 2)).ToArray(),
                Keys: keys, Name: layout, MarkerColor: Color.fromString(colors[i % colors.Length]));
        }).ToList();
        return ChartStyle.WithTitle(Chart.Combine(bars),
                title ?? string.Create(CultureInfo.InvariantCulture, $"填充后的吞吐量 / 未填充 throughput vs unpadded ({recording.Cores} cores, median of runs)"))
            .WithYAxisStyle<double, double, string>(TitleText: "相对未填充 × vs unpadded")
            .WithSize(Width: 900, Height: 420);
    }
}
