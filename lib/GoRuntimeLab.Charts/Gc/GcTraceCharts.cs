using GoRuntimeLab.Gc.Trace;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Gc;

/// <summary>Views of a parsed <c>GODEBUG=gctrace=1</c> log (real Go, or lines a model printed).</summary>
public static class GcTraceCharts
{
    /// <summary>
    /// The two stop-the-world pauses of every cycle (sweep termination STW 1, mark termination STW 2) at the
    /// moment the cycle started; hovering a point names the cycle. Forced cycles (runtime.GC()) are drawn as
    /// diamonds.
    /// </summary>
    public static GenericChart PauseTimeline(GcTraceLog log, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var at = log.Lines.Select(l => l.AtSeconds).ToArray();
        var labels = log.Lines.Select(l => $"gc {l.Number}{(l.Forced ? " (forced)" : "")}").ToArray();
        var symbols = log.Lines.Select(l => l.Forced ? StyleParam.MarkerSymbol.Diamond : StyleParam.MarkerSymbol.Circle).ToArray();
        var charts = new[]
        {
            Chart.Point<double, double, string>(x: at, y: log.Lines.Select(l => l.ClockStw1Ms),
                Name: "STW 1 清扫终止 sweep termination", MultiText: labels, MultiMarkerSymbol: symbols, MarkerColor: Color.fromString("#1f77b4")),
            Chart.Point<double, double, string>(x: at, y: log.Lines.Select(l => l.ClockStw2Ms),
                Name: "STW 2 标记终止 mark termination", MultiText: labels, MultiMarkerSymbol: symbols, MarkerColor: Color.fromString("#d62728")),
        };
        var heading = title ?? $"{log.Count} 次 GC 的 STW 暂停 pauses (合计 {log.TotalPauseMs:0.###} ms, 最长 {log.MaxPauseMs:0.###} ms)";
        return ChartStyle.WithTitle(Chart.Combine(charts), heading)
            .WithXAxisStyle<double, double, string>(TitleText: "GC 开始时刻 cycle start @ (s)")
            .WithYAxisStyle<double, double, string>(TitleText: "暂停 pause (ms, wall clock)")
            .WithSize(Width: 820, Height: 360);
    }

    /// <summary>
    /// The heap of every cycle: at its start (heap0), at mark termination (heap1, higher: the program kept
    /// allocating during mark), marked live (heap2), and the goal the pacer aimed at (dashed).
    /// </summary>
    public static GenericChart HeapPerCycle(GcTraceLog log, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var n = log.Lines.Select(l => l.Number).ToArray();
        GenericChart Series(IEnumerable<long> mb, string name, string color, StyleParam.DrawingStyle dash) =>
            Chart.Line<int, long, string>(x: n, y: mb, Name: name, ShowMarkers: true, LineColor: Color.fromString(color), LineDash: dash);
        var charts = new[]
        {
            Series(log.Lines.Select(l => l.GoalMB), "目标 goal", "#7f7f7f", StyleParam.DrawingStyle.Dash),
            Series(log.Lines.Select(l => l.HeapStartMB), "开始 start (heap0)", "#ff7f0e", StyleParam.DrawingStyle.Solid),
            Series(log.Lines.Select(l => l.HeapEndMB), "标记结束 end of mark (heap1)", "#d62728", StyleParam.DrawingStyle.Solid),
            Series(log.Lines.Select(l => l.LiveMB), "存活 live, marked (heap2)", "#2ca02c", StyleParam.DrawingStyle.Solid),
        };
        var heading = title ?? $"每次 GC 的堆 heap per cycle: {log.SourceName}";
        return ChartStyle.WithTitle(Chart.Combine(charts), heading)
            .WithXAxisStyle<double, double, string>(TitleText: "GC 编号 cycle (gc N)")
            .WithYAxisStyle<double, double, string>(TitleText: "MB (bytes >> 20)")
            .WithSize(Width: 820, Height: 360);
    }
}
