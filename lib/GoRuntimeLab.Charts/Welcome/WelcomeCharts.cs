using GoRuntimeLab.GoTool;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Welcome;

/// <summary>Chapter 1: what happened to each goroutine of the welcome program, against the moment main returned.</summary>
public static class WelcomeCharts
{
    /// <summary>
    /// One horizontal segment per goroutine, from its start to its "done" line — green when it finished, red and
    /// dashed up to main's exit when main returned first (its work was cut off, silently) — and a black line at
    /// the moment main returned.
    /// </summary>
    public static GenericChart Timeline(WelcomeTrace trace, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var charts = new List<GenericChart>();
        var labels = trace.Goroutines.Select(g => $"g{g.G} {g.Role}").ToList();
        foreach (var g in trace.Goroutines)
        {
            var label = $"g{g.G} {g.Role}";
            var finished = g.DoneMs is not null;
            var end = g.DoneMs ?? trace.ExitMs;
            charts.Add(Chart.Line<double, string, string>(
                x: [g.StartMs, end], y: [label, label],
                Name: finished ? $"{label}: 完成 done" : $"{label}: 被截断 cut off",
                ShowMarkers: true,
                LineColor: Color.fromString(finished ? "#2e8b57" : "#d62728"),
                LineWidth: 8,
                LineDash: finished ? StyleParam.DrawingStyle.Solid : StyleParam.DrawingStyle.Dash));
        }
        if (labels.Count > 0)
        {
            charts.Add(Chart.Line<double, string, string>(
                x: [trace.ExitMs, trace.ExitMs], y: [labels[0], labels[^1]],
                Name: $"main 返回 exit ({trace.ExitMs:0} ms)", LineColor: Color.fromString("black"), LineWidth: 2));
        }
        var heading = title ?? $"{trace.Waiter}: {trace.Finished}/{trace.Launched} 个 goroutine 完成 (work {trace.WorkMs:0} ms)";
        return ChartStyle.WithTitle(Chart.Combine(charts), heading)
            .WithXAxisStyle<double, double, string>(TitleText: "距 main 开始的时间 time since main started (ms)")
            .WithSize(Width: 820, Height: 320);
    }
}
