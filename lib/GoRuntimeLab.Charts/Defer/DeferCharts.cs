using GoRuntimeLab.Defer;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Defer;

/// <summary>Section 2.5: what a defer costs, per kind and per Go version, from recorded `go test -bench` runs.</summary>
public static class DeferCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd"];

    /// <summary>
    /// Extra nanoseconds per defer (median of the runs), one bar group per benchmark pair, one colour per Go release;
    /// the error bars span the runs' extremes (fastest − slowest baseline … slowest − fastest baseline).
    /// </summary>
    public static GenericChart CostPerKind(IEnumerable<(string Go, IReadOnlyList<DeferCost> Costs)> runs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var charts = runs.Select((run, i) =>
        {
            var labels = run.Costs.Select(Label).ToArray();
            var bar = Chart.Column<double, string, string>(values: run.Costs.Select(c => c.MedianNs).ToArray(), Keys: labels, Name: run.Go,
                MarkerColor: Color.fromString(Palette[i % Palette.Length]));
            return WithError(bar, run.Costs.Select(c => c.HighNs - c.MedianNs), run.Costs.Select(c => c.MedianNs - c.LowNs));
        }).ToArray();
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? "每个 defer 的额外开销 extra time per defer (ns, median; bars: min–max of the runs)")
            .WithYAxisStyle<double, double, string>(TitleText: "ns / defer")
            .WithSize(Width: 860, Height: 420);
    }

    /// <summary>
    /// The course's "defer in a loop is 37× slower" against each baseline: ratio of medians per Go release
    /// (error bars: fastest/slowest-baseline … slowest/fastest-baseline), with the claimed 37× as a line.
    /// </summary>
    public static GenericChart LoopRatios(IEnumerable<(string Go, IReadOnlyList<BenchRatio> Ratios)> runs, double claimed = 37, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var list = runs.ToList();
        var charts = list.Select((run, i) =>
        {
            var labels = run.Ratios.Select(r => $"{Short(r.Benchmark)} ÷ {Short(r.Baseline)}").ToArray();
            var bar = Chart.Column<double, string, string>(values: run.Ratios.Select(r => r.Median).ToArray(), Keys: labels, Name: run.Go,
                MarkerColor: Color.fromString(Palette[i % Palette.Length]));
            return WithError(bar, run.Ratios.Select(r => r.High - r.Median), run.Ratios.Select(r => r.Median - r.Low));
        }).ToList();
        var keys = list.SelectMany(r => r.Ratios.Select(x => $"{Short(x.Benchmark)} ÷ {Short(x.Baseline)}")).Distinct().ToArray();
        if (keys.Length > 0)
            charts.Add(Chart.Line<string, double, string>(x: keys, y: keys.Select(_ => claimed).ToArray(), Name: $"课程声称 course claims {claimed:0}×",
                LineColor: Color.fromString("black"), LineDash: StyleParam.DrawingStyle.Dash));
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? "循环中的 defer 慢多少倍？取决于基线 how many times slower? it depends on the baseline")
            .WithYAxisStyle<double, double, string>(TitleText: "倍数 ratio (log)", AxisType: StyleParam.AxisType.Log)
            .WithSize(Width: 860, Height: 420);
    }

    private static string Label(DeferCost c) => $"{DeferClassifier.GoName(c.Kind)}<br>{Short(c.Benchmark)} − {Short(c.Baseline)}";

    private static string Short(string benchmark) => benchmark.StartsWith("Benchmark", StringComparison.Ordinal) ? benchmark[9..] : benchmark;

    private static GenericChart WithError(GenericChart chart, IEnumerable<double> plus, IEnumerable<double> minus) =>
        Plotly.NET.Chart.withYError(
            Plotly.NET.TraceObjects.Error.init<double, double>(
                FSharpOption<bool>.None, FSharpOption<StyleParam.ErrorType>.None, FSharpOption<bool>.Some(false),
                FSharpOption<IEnumerable<double>>.Some(plus.Select(v => Math.Max(0, v)).ToArray()),
                FSharpOption<IEnumerable<double>>.Some(minus.Select(v => Math.Max(0, v)).ToArray()),
                FSharpOption<EncodedTypedArray>.None, FSharpOption<EncodedTypedArray>.None,
                FSharpOption<double>.None, FSharpOption<double>.None, FSharpOption<int>.None, FSharpOption<int>.None,
                FSharpOption<bool>.None, FSharpOption<Color>.None, FSharpOption<double>.None, FSharpOption<double>.None)
            ).Invoke(chart);
}
