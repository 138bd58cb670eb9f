using GoRuntimeLab.Sched.Schedtrace;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Sched;

/// <summary>Charts of a real (or simulated) <c>GODEBUG=schedtrace</c> log, one point per SCHED sample.</summary>
public static class SchedtraceCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22"];

    /// <summary>
    /// Run-queue lengths over time: the global queue (black, thick) and each P's local ring (runnext not included,
    /// as schedtrace prints it). Each marker is one snapshot taken by sysmon; the lines between them are only a guide.
    /// </summary>
    public static GenericChart RunQueues(SchedtraceLog log, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var x = log.Samples.Select(s => s.TimeMs).ToArray();
        var charts = new List<GenericChart>
        {
            Series(x, log.Samples.Select(s => s.Runqueue), "全局队列 global runqueue", "black", 3),
        };
        for (var p = 0; p < log.MaxProcs; p++)
        {
            var id = p;
            // A P that GOMAXPROCS removed has no value: NaN leaves a gap instead of a false zero.
            var y = log.Samples.Select(s => id < s.LocalRunqueues.Count ? s.LocalRunqueues[id] : double.NaN);
            charts.Add(Series(x, y, $"P{id} 本地队列 local runq", Palette[id % Palette.Length], 1.5));
        }
        var heading = title ?? $"运行队列长度 run queues · {Path.GetFileName(log.FileName)}";
        return Style(Chart.Combine(charts), heading, "可运行的 G 数 runnable Gs");
    }

    /// <summary>
    /// Threads over time: all Ms (threads), idle Ms (idlethreads), spinning Ms (spinningthreads) and idle Ps
    /// (idleprocs) — how many OS threads the runtime keeps, and how many of them have nothing to do.
    /// </summary>
    public static GenericChart Threads(SchedtraceLog log, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var x = log.Samples.Select(s => s.TimeMs).ToArray();
        var charts = new List<GenericChart>
        {
            Series(x, log.Samples.Select(s => s.Threads), "线程 threads (M)", "#1f77b4", 2.5),
            Series(x, log.Samples.Select(s => s.Idlethreads), "空闲线程 idlethreads", "#7f7f7f", 1.5),
            Series(x, log.Samples.Select(s => s.Spinningthreads), "自旋线程 spinningthreads", "#d62728", 1.5),
            Series(x, log.Samples.Select(s => s.Idleprocs), "空闲 P idleprocs", "#2ca02c", 1.5, StyleParam.DrawingStyle.Dash),
        };
        var heading = title ?? $"线程与 P threads and Ps · {Path.GetFileName(log.FileName)}";
        return Style(Chart.Combine(charts), heading, "数量 count");
    }

    private static GenericChart Series(long[] x, IEnumerable<int> y, string name, string color, double width, StyleParam.DrawingStyle? dash = null) =>
        Series(x, y.Select(v => (double)v), name, color, width, dash);

    private static GenericChart Series(long[] x, IEnumerable<double> y, string name, string color, double width, StyleParam.DrawingStyle? dash = null) =>
        Chart.Line<long, double, string>(x: x, y: y.ToArray(), Name: name, ShowMarkers: true, LineColor: Color.fromString(color),
            LineWidth: width, LineDash: dash ?? StyleParam.DrawingStyle.Solid);

    private static GenericChart Style(GenericChart chart, string heading, string yTitle) =>
        ChartStyle.WithTitle(chart, heading)
            .WithXAxisStyle<double, double, string>(TitleText: "时间 time (ms, SCHED 行 line)")
            .WithYAxisStyle<double, double, string>(TitleText: yTitle)
            .WithSize(Width: 860, Height: 380);
}
