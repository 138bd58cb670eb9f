using System.Globalization;
using GoRuntimeLab.Gc.Pacer;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Gc;

/// <summary>Charts of the GC pacer: a scenario's cycles, and the model laid over real Go's recorded cycles.</summary>
public static class PacerCharts
{
    private const double MiB = 1 << 20;

    /// <summary>
    /// Per cycle: live heap, trigger, peak and goal (MiB, left axis) and GC CPU utilization (%, right axis, dotted).
    /// </summary>
    public static GenericChart Cycles(PacerRun run, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var x = run.Cycles.Select(c => c.Cycle).ToArray();
        var charts = new List<GenericChart>
        {
            Line(x, run.Cycles.Select(c => c.HeapLive / MiB), "live 存活堆 (heapMarked)", "#1f77b4"),
            Line(x, run.Cycles.Select(c => c.HeapTrigger / MiB), "trigger 触发点", "#ff7f0e"),
            Line(x, run.Cycles.Select(c => c.HeapPeak / MiB), "peak 峰值", "#d62728"),
            Line(x, run.Cycles.Select(c => c.HeapGoal / MiB), "goal 目标", "#2ca02c", StyleParam.DrawingStyle.Dash),
            OnRightAxis(Line(x, run.Cycles.Select(c => c.GcUtilization * 100), "GC CPU %", "#7f7f7f", StyleParam.DrawingStyle.Dot)),
        };
        var heading = title ?? $"{run.Scenario} · Go {run.Version.Major}.{run.Version.Minor} pacer ({(run.Passed ? "Go 的检查全部通过 all checks pass" : $"{run.Failures.Count} 项检查失败 failed checks")})";
        return Style(Chart.Combine(charts), heading);
    }

    /// <summary>
    /// The model's peak and goal (lines) over real Go's recorded peak and goal (markers) for the same scenario; the
    /// title states the largest byte difference and utilization difference found.
    /// </summary>
    public static GenericChart ModelVsGolden(PacerRun run, IReadOnlyList<PacerGoldenCycle> golden, string goldenLabel = "real Go", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(golden);
        var n = Math.Min(run.Cycles.Count, golden.Count);
        var x = Enumerable.Range(1, n).ToArray();
        var maxBytes = 0UL;
        var maxUtil = 0.0;
        for (var i = 0; i < n; i++)
        {
            var (m, g) = (run.Cycles[i], golden[i]);
            foreach (var (a, b) in new[] { (m.HeapLive, g.HeapLive), (m.HeapTrigger, g.Trigger), (m.HeapPeak, g.Peak), (m.HeapGoal, g.Goal) })
                maxBytes = Math.Max(maxBytes, a > b ? a - b : b - a);
            maxUtil = Math.Max(maxUtil, Math.Abs(m.GcUtilization - g.Utilization));
        }

        var charts = new List<GenericChart>
        {
            Line(x, run.Cycles.Take(n).Select(c => c.HeapPeak / MiB), "model peak 模型峰值", "#d62728"),
            Line(x, run.Cycles.Take(n).Select(c => c.HeapGoal / MiB), "model goal 模型目标", "#2ca02c"),
            Markers(x, golden.Take(n).Select(c => c.Peak / MiB), $"{goldenLabel} peak", "#d62728"),
            Markers(x, golden.Take(n).Select(c => c.Goal / MiB), $"{goldenLabel} goal", "#2ca02c"),
            OnRightAxis(Line(x, run.Cycles.Take(n).Select(c => c.GcUtilization * 100), "model GC CPU %", "#7f7f7f", StyleParam.DrawingStyle.Dot)),
            OnRightAxis(Markers(x, golden.Take(n).Select(c => c.Utilization * 100), $"{goldenLabel} GC CPU %", "#7f7f7f")),
        };
        var heading = title ?? string.Create(CultureInfo.InvariantCulture,
            $"{run.Scenario}: 模型 vs {goldenLabel} — 最大差 max diff {maxBytes} B, {maxUtil * 100:0.###} % CPU");
        return Style(Chart.Combine(charts), heading);
    }

    private static GenericChart Line(int[] x, IEnumerable<double> y, string name, string color, StyleParam.DrawingStyle? dash = null) =>
        Chart.Line<int, double, string>(x: x, y: y.ToArray(), Name: name, LineColor: Color.fromString(color),
            LineDash: dash ?? StyleParam.DrawingStyle.Solid);

    private static GenericChart Markers(int[] x, IEnumerable<double> y, string name, string color) =>
        Chart.Point<int, double, string>(x: x, y: y.ToArray(), Name: name, MarkerColor: Color.fromString(color));

    // Binds a trace to the second y axis (Plotly.NET.CSharp has no parameter for it).
    private static GenericChart OnRightAxis(GenericChart chart) =>
        GenericChart.mapTrace(
            FuncConvert.FromFunc<Plotly.NET.Trace, Plotly.NET.Trace>(t => t is Trace2D t2
                ? Trace2DStyle.SetAxisAnchor(FSharpOption<StyleParam.LinearAxisId>.None, FSharpOption<StyleParam.LinearAxisId>.Some(StyleParam.LinearAxisId.NewY(2))).Invoke(t2)
                : t),
            chart);

    private static GenericChart Style(GenericChart chart, string heading) =>
        ChartStyle.WithTitle(chart, heading)
            .WithXAxisStyle<int, int, string>(TitleText: "GC 周期 cycle")
            .WithYAxisStyle<double, double, string>(TitleText: "堆 heap (MiB)")
            .WithYAxisStyle<double, double, string>(TitleText: "GC CPU %", Side: StyleParam.Side.Right,
                Overlaying: StyleParam.LinearAxisId.NewY(1), Id: StyleParam.SubPlotId.NewYAxis(2), ShowGrid: false)
            .WithSize(Width: 860, Height: 420);
}
