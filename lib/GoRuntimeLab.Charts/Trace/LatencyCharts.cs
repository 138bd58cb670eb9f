using GoRuntimeLab.Trace.Views;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Trace;

/// <summary>Scheduling latency of a real run: the trace's waits next to runtime/metrics' /sched/latencies:seconds.</summary>
public static class LatencyCharts
{
    /// <summary>
    /// Fraction of waits per power-of-two bucket: the trace (every runnable → running) and runtime/metrics (a sample
    /// of them); the legend gives each side's count.
    /// </summary>
    public static GenericChart TraceVsMetrics(IReadOnlyList<LatencyComparisonRow> rows, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var labels = rows.Select(r => r.Label).ToArray();
        var trace = Chart.Column<double, string, string>(values: rows.Select(r => r.TraceFraction).ToArray(), Keys: labels,
            Name: $"trace：GoUnblock/GoCreate… → GoStart (n={rows.Sum(r => r.TraceCount)})", MarkerColor: Color.fromString("#1f77b4"));
        var metrics = Chart.Column<double, string, string>(values: rows.Select(r => r.MetricsFraction).ToArray(), Keys: labels,
            Name: $"runtime/metrics /sched/latencies:seconds (n={rows.Sum(r => r.MetricsCount)})", MarkerColor: Color.fromString("#ff7f0e"));
        return ChartStyle.WithTitle(Chart.Combine([trace, metrics]), title ?? "调度延迟分布 scheduling latency: trace vs runtime/metrics（同一次运行）")
            .WithXAxisStyle<double, double, string>(TitleText: "runnable → running")
            .WithYAxisStyle<double, double, string>(TitleText: "占比 fraction")
            .WithSize(Width: 900, Height: 400);
    }
}
