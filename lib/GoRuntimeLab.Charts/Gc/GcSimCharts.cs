using System.Globalization;
using GoRuntimeLab.Gc.Simulation;
using GoRuntimeLab.Gc.Trace;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Gc;

/// <summary>Charts of <see cref="GcSimulator"/> runs: the heap over time, GOGC sweeps, and the model beside a real gctrace.</summary>
public static class GcSimCharts
{
    private const double MiB = 1 << 20;

    /// <summary>
    /// heapLive over time with the pacer's goal and trigger, the GC cycles shaded (mark phases), and the memory limit
    /// (minus the runtime's other memory) when one is set.
    /// </summary>
    public static GenericChart HeapOverTime(GcSimResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Series;
        var t = s.Select(p => p.TimeNs / 1e6).ToArray();
        var peak = s.Count == 0 ? 1 : s.Max(p => Math.Max(p.HeapLive, p.Goal)) / MiB * 1.05;
        var band = Steps(t, s.Select(p => p.Marking ? peak : 0.0).ToArray());
        var charts = new List<GenericChart>
        {
            // Mark phases as a shaded step band under everything else.
            Chart.Line<double, double, string>(x: band.Select(b => b.X), y: band.Select(b => b.Y), Name: "GC 标记中 marking",
                LineColor: Color.fromString("rgba(214,39,40,0.15)"), Fill: StyleParam.Fill.ToZero_y,
                FillColor: Color.fromString("rgba(214,39,40,0.12)"), LineWidth: 0),
            Chart.Line<double, double, string>(x: t, y: s.Select(p => p.HeapLive / MiB), Name: "heapLive 堆",
                LineColor: Color.fromString("#007d9c"), LineWidth: 2),
            Chart.Line<double, double, string>(x: t, y: s.Select(p => p.Goal / MiB), Name: "goal 目标",
                LineColor: Color.fromString("#2e8b57"), LineDash: StyleParam.DrawingStyle.Dash),
            Chart.Line<double, double, string>(x: t, y: s.Select(p => p.Marking ? double.NaN : p.Trigger / MiB), Name: "trigger 触发点",
                LineColor: Color.fromString("#ff7f0e"), LineDash: StyleParam.DrawingStyle.Dot),
        };
        if (result.Options.MemoryLimit != long.MaxValue)
        {
            var limit = result.Options.MemoryLimit / MiB;
            charts.Add(Chart.Line<double, double, string>(x: [0, result.Workload.DurationNs / 1e6], y: [limit, limit],
                Name: "GOMEMLIMIT", LineColor: Color.fromString("black"), LineWidth: 1));
        }

        var heading = title ?? result.ToString();
        return ChartStyle.WithTitle(Chart.Combine(charts), heading)
            .WithXAxisStyle<double, double, string>(TitleText: "时间 time (ms)")
            .WithYAxisStyle<double, double, string>(TitleText: "MiB")
            .WithSize(Width: 900, Height: 380);
    }

    // A step function through (x[i], y[i]): each value holds until the next x (Plotly's "hv" line shape, by hand).
    private static List<(double X, double Y)> Steps(double[] x, double[] y)
    {
        var points = new List<(double X, double Y)>(2 * x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            if (i > 0 && y[i] != y[i - 1]) points.Add((x[i], y[i - 1]));
            points.Add((x[i], y[i]));
        }

        return points;
    }

    /// <summary>GC cycles and GC CPU against peak heap for runs that differ in GOGC: the time/space trade-off.</summary>
    public static GenericChart GogcSweep(IEnumerable<GcSimResult> results, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var runs = results.ToList();
        var peaks = runs.Select(r => r.PeakHeapBytes / MiB).ToArray();
        var labels = runs.Select(r => "GOGC=" + (r.Options.Gogc < 0 ? "off" : r.Options.Gogc.ToString(CultureInfo.InvariantCulture))).ToArray();
        var cpu = Chart.Line<double, double, string>(x: peaks, y: runs.Select(r => r.GcCpuFraction * 100), Name: "GC CPU %",
            ShowMarkers: true, MultiText: labels, TextPosition: StyleParam.TextPosition.TopRight, LineColor: Color.fromString("#d62728"));
        var count = Chart.Line<double, double, string>(x: peaks, y: runs.Select(r => (double)r.GcCount), Name: "GC 次数 cycles",
            ShowMarkers: true, LineColor: Color.fromString("#007d9c"));
        var heading = title ?? (runs.Count == 0 ? "GOGC sweep" : $"GOGC 的时间/空间取舍: {runs[0].Workload}");
        return ChartStyle.WithTitle(Chart.Combine([cpu, count]), heading)
            .WithXAxisStyle<double, double, string>(TitleText: "峰值堆 peak heap (MiB)")
            .WithYAxisStyle<double, double, string>(TitleText: "GC CPU % / GC 次数")
            .WithSize(Width: 900, Height: 400);
    }

    /// <summary>Per-cycle heap goal and marked heap of the model beside a real gctrace log of the same workload.</summary>
    public static GenericChart ModelVsReal(GcSimResult model, GcTraceLog real, string realLabel, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(real);
        var lines = real.Lines.Where(l => !l.Forced).ToList();
        var t0 = lines.Count == 0 ? 0 : lines[0].AtSeconds;
        var charts = new List<GenericChart>
        {
            Chart.Line<double, double, string>(x: lines.Select(l => (l.AtSeconds - t0) * 1e3), y: lines.Select(l => (double)l.GoalMB),
                Name: $"{realLabel} goal", ShowMarkers: true, LineColor: Color.fromString("#2e8b57")),
            Chart.Line<double, double, string>(x: lines.Select(l => (l.AtSeconds - t0) * 1e3), y: lines.Select(l => (double)l.LiveMB),
                Name: $"{realLabel} marked", ShowMarkers: true, LineColor: Color.fromString("#007d9c")),
            Chart.Line<double, double, string>(x: model.Cycles.Select(c => c.StartNs / 1e6), y: model.Cycles.Select(c => Math.Floor(c.Goal / MiB)),
                Name: "模型 model goal", LineDash: StyleParam.DrawingStyle.Dash, LineColor: Color.fromString("#2e8b57")),
            Chart.Line<double, double, string>(x: model.Cycles.Select(c => c.StartNs / 1e6), y: model.Cycles.Select(c => Math.Floor(c.Marked / MiB)),
                Name: "模型 model marked", LineDash: StyleParam.DrawingStyle.Dash, LineColor: Color.fromString("#007d9c")),
        };
        var heading = title ?? string.Create(CultureInfo.InvariantCulture,
            $"{realLabel}: {lines.Count} 次 GC · 模型 model: {model.Cycles.Count} 次 ({model.Options})");
        return ChartStyle.WithTitle(Chart.Combine(charts), heading)
            .WithXAxisStyle<double, double, string>(TitleText: "距第一次 GC 的时间 time since the first GC (ms)")
            .WithYAxisStyle<double, double, string>(TitleText: "MB (gctrace 的单位, MiB 截断)")
            .WithSize(Width: 900, Height: 380);
    }
}
