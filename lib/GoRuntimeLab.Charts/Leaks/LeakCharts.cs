using System.Globalization;
using GoRuntimeLab.Leaks;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Leaks;

/// <summary>Sections 4.2 and 5.4: a leak hunt over data/go/leakhunt's series (metrics trends, heap growth, goroutine stacks).</summary>
public static class LeakCharts
{
    private static readonly string[] Palette = ["#d62728", "#ff7f0e", "#2ca02c", "#1f77b4", "#9467bd", "#8c564b"];

    /// <summary>
    /// One metric over the steps of several series (leaky, reset, fixed …): the values as points joined by a line, and
    /// each series' least-squares line dashed, with its slope in the legend.
    /// </summary>
    public static GenericChart Trend(IEnumerable<LeakSeries> series, LeakMetric metric = LeakMetric.HeapObjectsBytes, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = series.ToList();
        if (list.Count == 0) throw KitInputException.For("no series to draw", parameter: "series");
        var bytes = metric is LeakMetric.HeapObjectsBytes or LeakMetric.AllocsBytes;
        double Scale(double v) => bytes ? v / 1024 : v;
        var unit = bytes ? "KiB" : metric == LeakMetric.Goroutines ? "个 goroutines" : metric.ToString();
        var charts = new List<GenericChart>();
        for (var i = 0; i < list.Count; i++)
        {
            var s = list[i];
            var trend = s.Trend(metric);
            var color = Color.fromString(Palette[i % Palette.Length]);
            var xs = trend.Steps.Select(x => (double)x).ToArray();
            charts.Add(Chart.Line<double, double, string>(x: xs, y: trend.Values.Select(v => Scale(v)).ToArray(), Name: $"{s.Mode} ({s.GoVersion})",
                ShowMarkers: true, LineColor: color, MarkerColor: color));
            var slope = Scale(trend.Slope).ToString(bytes ? "0.0" : "0.##", CultureInfo.InvariantCulture);
            charts.Add(Chart.Line<double, double, string>(x: [xs[0], xs[^1]], y: [Scale(trend.At(xs[0])), Scale(trend.At(xs[^1]))],
                Name: $"{s.Mode} 趋势 fit: {slope} {unit}/步", LineColor: color, LineDash: StyleParam.DrawingStyle.Dash));
        }
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? $"{MetricName(metric)} 随步数的变化 per step")
            .WithXAxisStyle<double, double, string>(TitleText: "快照 snapshot (step)")
            .WithYAxisStyle<double, double, string>(TitleText: unit)
            .WithSize(Width: 900, Height: 440);
    }

    /// <summary>
    /// In-use heap growth from the first to the last snapshot per function of the program's own code
    /// (<see cref="LeakSeries.UserGrowth"/>), largest first; standard-library leaves grey.
    /// </summary>
    public static GenericChart Growth(LeakSeries series, int rows = 8, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (rows < 1) throw KitInputException.For($"must be ≥ 1, not {rows}", parameter: "rows");
        var shown = series.UserGrowth().Where(g => g.Bytes != 0).Take(rows).Reverse().ToList();
        var chart = Chart.Bar<double, string, string>(values: shown.Select(g => g.Bytes / 1024.0).ToArray(), Keys: shown.Select(g => g.Function).ToArray(),
            Name: "inuse_space Δ", MultiText: shown.Select(g => $"{g.Bytes / 1024.0:0.0} KiB ({g.Share:P0})").ToArray(),
            MarkerColor: Color.fromColors(shown.Select(g => Color.fromString(g.IsStandardLibrary ? "#7f7f7f" : g.Bytes > 0 ? "#d62728" : "#2ca02c"))));
        return ChartStyle.WithTitle(chart, title ?? $"谁的内存在长 heap growth by function, step {series.FirstStep} → {series.LastStep} ({series.Name})")
            .WithXAxisStyle<double, double, string>(TitleText: "inuse_space 增长 growth (KiB)")
            .WithSize(Width: 900, Height: 140 + 30 * Math.Max(1, shown.Count));
    }

    /// <summary>Goroutines per kind of stack at each step (<see cref="LeakSeries.GoroutineStacks"/>), one line per stack.</summary>
    public static GenericChart GoroutineStacks(LeakSeries series, int rows = 6, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (rows < 1) throw KitInputException.For($"must be ≥ 1, not {rows}", parameter: "rows");
        var labels = series.Snapshots.Select(s => $"{s.Step} {s.Label}").ToArray();
        var stacks = series.GoroutineStacks().Take(rows).ToList();
        var charts = stacks.Select((g, i) => Chart.Line<string, long, string>(x: labels, y: g.Counts.ToArray(), Name: $"{g.BlockedAt} [{g.WaitsIn}]",
            ShowMarkers: true, LineColor: Color.fromString(Palette[i % Palette.Length]))).ToList();
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? $"每种栈上的 goroutine 数 goroutines per stack ({series.Name})")
            .WithXAxisStyle<double, double, string>(TitleText: "快照 snapshot")
            .WithYAxisStyle<double, double, string>(TitleText: "goroutines")
            .WithSize(Width: 900, Height: 440);
    }

    private static string MetricName(LeakMetric metric) => metric switch
    {
        LeakMetric.HeapObjectsBytes => "堆上存活字节 /memory/classes/heap/objects:bytes",
        LeakMetric.HeapObjects => "堆上存活对象 /gc/heap/objects:objects",
        LeakMetric.Goroutines => "goroutine 数 /sched/goroutines:goroutines",
        LeakMetric.AllocsBytes => "累计分配 /gc/heap/allocs:bytes",
        _ => "GC 次数 /gc/cycles/total:gc-cycles",
    };
}
