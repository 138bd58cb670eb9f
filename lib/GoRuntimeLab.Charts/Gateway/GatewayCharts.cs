using System.Globalization;
using GoRuntimeLab.Gateway;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Gateway;

/// <summary>Case 5.1 (API gateway): the GC-rate prediction against the recorded run, and latency percentiles.</summary>
public static class GatewayCharts
{
    /// <summary>
    /// GC cycles for the same number of requests: the real run without the pool, the two predictions for the run
    /// with it (the goal rule, and the simulator anchored on the real run), and the real run with it.
    /// </summary>
    public static GenericChart GcPrediction(GcRatePrediction prediction, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        string[] keys = ["无 pool：真实 real, no pool", "有 pool：规则预测 rule", "有 pool：模拟器预测 simulator", "有 pool：真实 real, pool"];
        double[] values = [prediction.ActualCyclesWithout, Math.Round(prediction.RuleCyclesWith), Math.Round(prediction.PredictedCyclesWith), prediction.ActualCyclesWith];
        string[] colors = ["#7f7f7f", "#ff7f0e", "#ffbb78", "#1f77b4"];
        var chart = Chart.Combine(keys.Select((k, i) => Chart.Column<double, string, string>(values: new[] { values[i] }, Keys: new[] { k }, Name: k,
            MarkerColor: Color.fromString(colors[i]), MultiText: new[] { values[i].ToString("0", CultureInfo.InvariantCulture) })));
        return ChartStyle.WithTitle(chart, title ?? string.Create(CultureInfo.InvariantCulture,
                $"{prediction.Requests} 个请求的 GC 次数：预测与真实 GC cycles, predicted vs real (error {prediction.Error:+0.0%;-0.0%})"))
            .WithYAxisStyle<double, double, string>(TitleText: "GC 次数 cycles")
            .WithSize(Width: 900, Height: 420);
    }

    /// <summary>Latency percentiles (p50 … max, µs, log scale) of each run, one group of bars per run.</summary>
    public static GenericChart Latency(IEnumerable<GatewayRun> runs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var list = runs.ToList();
        var colors = new[] { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b" };
        var charts = list.Select((r, i) => Chart.Column<double, string, string>(
            values: r.Latencies.Select(l => l.Microseconds).ToArray(), Keys: r.Latencies.Select(l => l.Name).ToArray(),
            Name: $"{r.Variant} {r.GoVersion}", MarkerColor: Color.fromString(colors[i % colors.Length]))).ToList();
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? "请求延迟百分位 latency percentiles (µs)")
            .WithYAxisStyle<double, double, string>(TitleText: "延迟 latency (µs)", AxisType: StyleParam.AxisType.Log)
            .WithSize(Width: 900, Height: 420);
    }
}
