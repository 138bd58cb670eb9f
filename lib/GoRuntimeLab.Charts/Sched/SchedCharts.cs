using GoRuntimeLab.Charts.Trace;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Trace.Views;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Sched;

/// <summary>Views of a scheduler simulation: P Gantt chart, goroutine timeline, steals, latency histogram, channel comparison.</summary>
public static class SchedCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

    /// <summary>
    /// One row per P; a thick segment per slice, coloured per goroutine (syscall: grey dashed, spinning: orange dotted,
    /// idle: thin light grey). Only slices starting before <paramref name="untilMs"/> (default: the whole run) are drawn,
    /// at most <paramref name="maxSlices"/> of them, so big runs stay responsive. Times in ms. The drawing is
    /// <see cref="TimelineCharts.Gantt"/>'s, which also draws a real trace (<see cref="TraceTimeline"/>).
    /// </summary>
    public static GenericChart Gantt(SchedResult result, int maxSlices = 400, string? title = null, double? untilMs = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TimelineCharts.Gantt(TimelineView.FromSimulation(result), maxSlices,
            title ?? $"{result.Workload}: P 时间线 Gantt (GOMAXPROCS={result.Config.Procs}, {result.Config.Version})", untilMs);
    }

    /// <summary>
    /// One row per goroutine (first <paramref name="maxGoroutines"/>): running (green, thick), runnable (orange), waiting (blue dotted,
    /// hover shows the wait reason), syscall (grey dashed). Only spans starting before <paramref name="untilMs"/> are drawn. Times in ms.
    /// The drawing is <see cref="TimelineCharts.GoroutineTimeline"/>'s.
    /// </summary>
    public static GenericChart GoroutineTimeline(SchedResult result, int maxGoroutines = 20, string? title = null, double? untilMs = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TimelineCharts.GoroutineTimeline(TimelineView.FromSimulation(result), maxGoroutines,
            title ?? $"{result.Workload}: goroutine 状态 states ({result.Config.Version}, GOMAXPROCS={result.Config.Procs})", untilMs);
    }

    /// <summary>Work stealing: one marker per successful steal (x = time, y = thief P, label = goroutines taken, colour/legend = victim P).</summary>
    public static GenericChart Steals(SchedResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var steals = result.Events.Where(e => e.Kind == SchedEventKind.Steal).ToList();
        var charts = new List<GenericChart>();
        foreach (var victim in steals.GroupBy(e => e.OtherP).OrderBy(g => g.Key))
        {
            var es = victim.ToList();
            charts.Add(Chart.Point<double, string, string>(
                x: es.Select(e => e.Time / 1e6).ToArray(), y: es.Select(e => $"P{e.P}").ToArray(), Name: $"从 P{victim.Key} 偷 stolen from P{victim.Key}",
                MultiText: es.Select(e => e.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                TextPosition: StyleParam.TextPosition.MiddleRight,
                MarkerColor: Color.fromString(Palette[Math.Max(0, victim.Key) % Palette.Length]), MarkerSymbol: StyleParam.MarkerSymbol.Diamond));
        }

        if (charts.Count == 0) charts.Add(Chart.Point<double, string, string>(x: [0.0], y: ["P0"], Name: "no steals 没有窃取"));
        var rows = Enumerable.Range(0, result.Config.Procs).Select(p => $"P{p}").Reverse().ToArray();
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? $"{result.Workload}: 工作窃取 work stealing ({steals.Count} 次, {steals.Sum(e => e.Count)} 个 G)")
            .WithXAxisStyle<double, double, string>(TitleText: "模拟时间 simulated time (ms)")
            .WithYAxisStyle<string, string, string>(TitleText: "窃取者 thief", CategoryOrder: StyleParam.CategoryOrder.Array, CategoryArray: rows)
            .WithSize(Width: 900, Height: 200 + 40 * result.Config.Procs);
    }

    /// <summary>Histogram of scheduling latency (runnable → running) in µs.</summary>
    public static GenericChart LatencyHistogram(SchedResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var us = result.LatencySamples.Select(v => v / 1e3).ToArray();
        return ChartStyle.WithTitle(Chart.Histogram<double, double, string>(X: us, Name: "latency"),
                title ?? $"{result.Workload}: 调度延迟 scheduling latency (n={result.Latency.Count}, p50={GoDuration.Format(result.Latency.P50)}, p99={GoDuration.Format(result.Latency.P99)})")
            .WithXAxisStyle<double, double, string>(TitleText: "runnable → running (µs)")
            .WithYAxisStyle<double, double, string>(TitleText: "次数 count")
            .WithSize(Width: 820, Height: 360);
    }

    /// <summary>Compares several runs (e.g. unbuffered vs buffered vs select+default): end time (ms, left) and p50/p99 latency (µs) per run.</summary>
    public static GenericChart ChannelComparison(IEnumerable<SchedResult> results, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var names = ShortNames(list.Select(r => r.Workload).ToArray());
        var end = Chart.Column<double, string, string>(values: list.Select(r => r.EndTime / 1e6).ToArray(), Keys: names, Name: "总时间 end time (ms)");
        var lat = Chart.Combine(
        [
            Chart.Column<double, string, string>(values: list.Select(r => r.Latency.P50 / 1e3).ToArray(), Keys: names, Name: "p50 latency (µs)"),
            Chart.Column<double, string, string>(values: list.Select(r => r.Latency.P99 / 1e3).ToArray(), Keys: names, Name: "p99 latency (µs)"),
        ]);
        return ChartStyle.WithTitle(Chart.Grid([end, lat], 1, 2), title ?? "Channel 方案对比 comparison：左 总时间 (ms)，右 调度延迟 (µs)")
            .WithSize(Width: 900, Height: 400);
    }

    /// <summary>Drops a shared "prefix-" (e.g. "prodcons-") so category labels fit under the bars.</summary>
    private static string[] ShortNames(string[] names)
    {
        if (names.Length < 2) return names;
        var dash = names[0].IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0) return names;
        var prefix = names[0][..(dash + 1)];
        return names.All(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.Length > prefix.Length) && names.Distinct().Count() == names.Length
            ? names.Select(n => n[prefix.Length..]).ToArray()
            : names;
    }
}
