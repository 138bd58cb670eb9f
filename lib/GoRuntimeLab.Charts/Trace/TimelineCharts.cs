using GoRuntimeLab.Sched;
using GoRuntimeLab.Trace.Views;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Trace;

/// <summary>
/// The P Gantt chart and the goroutine timeline of a <see cref="TimelineView"/> — simulated or traced, the same drawing,
/// so a simulated run and a real trace of the same workload can be put side by side.
/// </summary>
public static class TimelineCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

    /// <summary>Above this many distinct goroutines the Gantt legend shows one "goroutine" entry instead of one per G.</summary>
    private const int MaxLegendGoroutines = 10;

    private static string TimeAxis(TimelineView view) => view.Simulated ? "模拟时间 simulated time (ms)" : "跟踪时间 trace time (ms)";

    /// <summary>
    /// One row per P; a thick segment per slice, coloured per goroutine (syscall: grey dashed, spinning: orange dotted,
    /// idle: thin light grey), and for a real trace a GC row (GC cycles, stop-the-world pauses in red). Only slices
    /// starting before <paramref name="untilMs"/> (default: the whole run) are drawn, at most <paramref name="maxSlices"/>.
    /// </summary>
    public static GenericChart Gantt(TimelineView view, int maxSlices = 400, string? title = null, double? untilMs = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSlices);
        var until = untilMs is { } u ? (long)(u * 1e6) : long.MaxValue;
        var slices = view.PTimeline.Where(s => s.Start < until && s.End > s.Start).OrderBy(s => s.Start).Take(maxSlices).ToList();
        var names = view.Goroutines.ToDictionary(g => g.Id, g => g.Name);
        var perG = slices.Where(s => s.Activity == PActivity.Running).Select(s => s.G).Distinct().Count() <= MaxLegendGoroutines;
        var charts = new List<GenericChart>();
        var shownLegend = new HashSet<string>();
        foreach (var s in slices)
        {
            var row = $"P{s.P}";
            var (name, color, width, dash) = s.Activity switch
            {
                PActivity.Running => (perG ? $"G{s.G} {names.GetValueOrDefault(s.G, "")}" : "goroutine（颜色区分 G）", Palette[s.G % Palette.Length], 16, StyleParam.DrawingStyle.Solid),
                PActivity.Syscall => ("syscall 系统调用", "#555555", 10, StyleParam.DrawingStyle.Dash),
                PActivity.Spinning => ("spinning 自旋", "#ff9800", 10, StyleParam.DrawingStyle.Dot),
                _ => ("idle 空闲", "#d9d9d9", 4, StyleParam.DrawingStyle.Solid),
            };
            var end = Math.Min(s.End, until);
            var label = s.Activity == PActivity.Running ? $"G{s.G} {names.GetValueOrDefault(s.G, "")}" : s.Activity.ToString();
            charts.Add(Chart.Line<double, string, string>(
                x: [s.Start / 1e6, end / 1e6], y: [row, row], Name: name, ShowLegend: shownLegend.Add(name),
                LineColor: Color.fromString(color), LineWidth: width, LineDash: dash, MultiText: new[] { label, label }));
        }

        var gc = view.Gc.Where(s => s.Start < until && s.End > s.Start).Take(maxSlices).ToList();
        foreach (var s in gc)
        {
            var name = s.StopTheWorld ? "STW 停顿" : "GC 周期";
            charts.Add(Chart.Line<double, string, string>(
                x: [s.Start / 1e6, Math.Min(s.End, until) / 1e6], y: ["GC", "GC"], Name: name, ShowLegend: shownLegend.Add(name),
                LineColor: Color.fromString(s.StopTheWorld ? "#d62728" : "#9467bd"), LineWidth: s.StopTheWorld ? 16 : 8, MultiText: new[] { s.ToString(), s.ToString() }));
        }

        if (charts.Count == 0) charts.Add(Chart.Line<double, string, string>(x: [0.0, view.EndTime / 1e6], y: ["P0", "P0"], Name: "idle"));
        var rows = Enumerable.Range(0, view.Procs).Select(p => $"P{p}").Reverse().ToList();
        if (gc.Count > 0) rows.Insert(0, "GC");
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? $"{view.Workload}: P 时间线 Gantt (GOMAXPROCS={view.Procs}, {view.Source})")
            .WithXAxisStyle<double, double, string>(TitleText: TimeAxis(view))
            .WithYAxisStyle<string, string, string>(CategoryOrder: StyleParam.CategoryOrder.Array, CategoryArray: rows.ToArray())
            .WithSize(Width: 900, Height: 200 + 40 * rows.Count);
    }

    /// <summary>
    /// One row per goroutine (the first <paramref name="maxGoroutines"/>, or those named in <paramref name="only"/>): running
    /// (green, thick), runnable (orange), waiting (blue dotted, hover shows the wait reason), syscall (grey dashed).
    /// Only spans starting before <paramref name="untilMs"/> are drawn. Times in ms.
    /// </summary>
    public static GenericChart GoroutineTimeline(TimelineView view, int maxGoroutines = 20, string? title = null, double? untilMs = null,
        IReadOnlyCollection<int>? only = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxGoroutines);
        var until = untilMs is { } u ? (long)(u * 1e6) : long.MaxValue;
        var shownIds = view.Goroutines.Where(g => only is null || only.Contains(g.Id)).Take(maxGoroutines).Select(g => g.Id).ToList();
        var ids = shownIds.ToHashSet();
        var names = view.Goroutines.ToDictionary(g => g.Id, g => g.Name);
        var charts = new List<GenericChart>();
        var shown = new HashSet<GStatus>();
        foreach (var s in view.GTimeline.Where(s => ids.Contains(s.G) && s.Start < until && s.End > s.Start).Take(2000))
        {
            var row = $"G{s.G} {names[s.G]}";
            var (color, width, dash) = s.Status switch
            {
                GStatus.Running => ("#2e8b57", 14, StyleParam.DrawingStyle.Solid),
                GStatus.Runnable => ("#ff7f0e", 8, StyleParam.DrawingStyle.Solid),
                GStatus.Syscall => ("#555555", 10, StyleParam.DrawingStyle.Dash),
                _ => ("#1f77b4", 3, StyleParam.DrawingStyle.Dot),
            };
            var label = s.Status == GStatus.Waiting ? $"Waiting ({s.WaitReason})" : s.Status.ToString();
            charts.Add(Chart.Line<double, string, string>(x: [s.Start / 1e6, Math.Min(s.End, until) / 1e6], y: [row, row], Name: s.Status.ToString(),
                ShowLegend: shown.Add(s.Status), LineColor: Color.fromString(color), LineWidth: width, LineDash: dash, MultiText: new[] { label, label }));
        }

        if (charts.Count == 0) charts.Add(Chart.Line<double, string, string>(x: [0.0], y: ["-"], Name: "empty"));
        var rows = shownIds.Select(id => $"G{id} {names[id]}").Reverse().ToArray();
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? $"{view.Workload}: goroutine 状态 states ({view.Source}, GOMAXPROCS={view.Procs})")
            .WithXAxisStyle<double, double, string>(TitleText: TimeAxis(view))
            .WithYAxisStyle<string, string, string>(CategoryOrder: StyleParam.CategoryOrder.Array, CategoryArray: rows)
            .WithSize(Width: 900, Height: 200 + 30 * ids.Count);
    }
}
