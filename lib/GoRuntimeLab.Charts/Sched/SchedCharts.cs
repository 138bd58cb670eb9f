using GoRuntimeLab.Sched;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Sched;

/// <summary>Views of a scheduler simulation: P Gantt chart, goroutine timeline, latency histogram, channel comparison.</summary>
public static class SchedCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

    /// <summary>
    /// One row per P; a thick segment per slice, coloured per goroutine (syscall: grey dashed, spinning: light orange).
    /// Only the first <paramref name="maxSlices"/> slices are drawn so big runs stay responsive. Times in ms.
    /// </summary>
    public static GenericChart Gantt(SchedResult result, int maxSlices = 400, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var names = result.Goroutines.ToDictionary(g => g.Id, g => g.Name);
        var charts = new List<GenericChart>();
        var shownLegend = new HashSet<string>();
        foreach (var s in result.PTimeline.Where(s => s.Activity != PActivity.Idle).Take(maxSlices))
        {
            var row = $"P{s.P}";
            var (name, color, dash) = s.Activity switch
            {
                PActivity.Running => ($"G{s.G} {names.GetValueOrDefault(s.G, "")}", Palette[s.G % Palette.Length], StyleParam.DrawingStyle.Solid),
                PActivity.Syscall => ($"syscall (G{s.G})", "#999999", StyleParam.DrawingStyle.Dash),
                _ => ("spinning 自旋", "#ffcc80", StyleParam.DrawingStyle.Dot),
            };
            var chart = Chart.Line<double, string, string>(
                x: [s.Start / 1e6, s.End / 1e6], y: [row, row], Name: name, ShowLegend: shownLegend.Add(name),
                LineColor: Color.fromString(color), LineWidth: 14, LineDash: dash);
            charts.Add(chart);
        }

        if (charts.Count == 0) charts.Add(Chart.Line<double, string, string>(x: [0.0, result.EndTime / 1e6], y: ["P0", "P0"], Name: "idle"));
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? $"{result.Workload}: P 时间线 Gantt (GOMAXPROCS={result.Config.Procs}, {result.Config.Version})")
            .WithXAxisStyle<double, double, string>(TitleText: "模拟时间 simulated time (ms)")
            .WithSize(Width: 900, Height: 160 + 40 * result.Config.Procs);
    }

    /// <summary>One row per goroutine (first <paramref name="maxGoroutines"/>): running (solid), runnable (thin), waiting (dotted), syscall (dashed).</summary>
    public static GenericChart GoroutineTimeline(SchedResult result, int maxGoroutines = 20, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ids = result.Goroutines.Take(maxGoroutines).Select(g => g.Id).ToHashSet();
        var names = result.Goroutines.ToDictionary(g => g.Id, g => g.Name);
        var charts = new List<GenericChart>();
        var shown = new HashSet<GStatus>();
        foreach (var s in result.GTimeline.Where(s => ids.Contains(s.G)).Take(2000))
        {
            var row = $"G{s.G} {names[s.G]}";
            var (color, width, dash) = s.Status switch
            {
                GStatus.Running => ("#2e8b57", 12, StyleParam.DrawingStyle.Solid),
                GStatus.Runnable => ("#ff7f0e", 6, StyleParam.DrawingStyle.Solid),
                GStatus.Syscall => ("#7f7f7f", 10, StyleParam.DrawingStyle.Dash),
                _ => ("#1f77b4", 3, StyleParam.DrawingStyle.Dot),
            };
            charts.Add(Chart.Line<double, string, string>(x: [s.Start / 1e6, s.End / 1e6], y: [row, row], Name: s.Status.ToString(),
                ShowLegend: shown.Add(s.Status), LineColor: Color.fromString(color), LineWidth: width, LineDash: dash));
        }

        if (charts.Count == 0) charts.Add(Chart.Line<double, string, string>(x: [0.0], y: ["-"], Name: "empty"));
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? $"{result.Workload}: goroutine 状态 states")
            .WithXAxisStyle<double, double, string>(TitleText: "模拟时间 simulated time (ms)")
            .WithSize(Width: 900, Height: 160 + 28 * ids.Count);
    }

    /// <summary>Histogram of scheduling latency (runnable → running) in µs.</summary>
    public static GenericChart LatencyHistogram(SchedResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var us = result.LatencySamples.Select(v => v / 1e3).ToArray();
        return ChartStyle.WithTitle(Chart.Histogram<double, double, string>(X: us, Name: "latency"), title ?? $"{result.Workload}: 调度延迟 scheduling latency ({result.Latency})")
            .WithXAxisStyle<double, double, string>(TitleText: "runnable → running (µs)")
            .WithSize(Width: 820, Height: 360);
    }

    /// <summary>Compares several runs (e.g. unbuffered vs buffered vs select+default): end time and p50/p99 latency per run.</summary>
    public static GenericChart ChannelComparison(IEnumerable<SchedResult> results, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var names = list.Select(r => r.Workload).ToArray();
        var charts = new List<GenericChart>
        {
            Chart.Column<double, string, string>(values: list.Select(r => r.EndTime / 1e6).ToArray(), Keys: names, Name: "总时间 end time (ms)"),
            Chart.Column<double, string, string>(values: list.Select(r => r.Latency.P50 / 1e3).ToArray(), Keys: names, Name: "p50 latency (µs)"),
            Chart.Column<double, string, string>(values: list.Select(r => r.Latency.P99 / 1e3).ToArray(), Keys: names, Name: "p99 latency (µs)"),
        };
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? "Channel 方案对比 comparison")
            .WithSize(Width: 820, Height: 380);
    }
}
