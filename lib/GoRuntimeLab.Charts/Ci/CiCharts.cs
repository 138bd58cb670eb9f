using System.Globalization;
using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Cover;
using GoRuntimeLab.Race;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Ci;

/// <summary>Section 5.3: the CI gate's three checks — race reports, coverage per function, a benchstat comparison.</summary>
public static class CiCharts
{
    /// <summary>
    /// Every race report of a log as one column: the goroutines of its two conflicting accesses (rows), a write as a
    /// red square and a read as a blue circle, each labelled with the file:line of its top frame; a dashed line joins
    /// the two accesses of one report.
    /// </summary>
    public static GenericChart Races(RaceLog log, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        var charts = new List<GenericChart>();
        var points = log.Reports.SelectMany((r, i) => r.Accesses.Select(a => (Report: ReportLabel(r, i), Access: a))).ToList();
        for (var i = 0; i < log.Reports.Count; i++)
        {
            var report = log.Reports[i];
            var label = ReportLabel(report, i);
            charts.Add(Chart.Line<string, string, string>(x: report.Accesses.Select(_ => label).ToArray(), y: report.Accesses.Select(a => a.GoroutineName).ToArray(),
                ShowLegend: false, LineColor: Color.fromString("#7f7f7f"), LineDash: StyleParam.DrawingStyle.Dash));
        }
        foreach (var (write, name, color, symbol) in new[] { (true, "写 write", "#d62728", StyleParam.MarkerSymbol.Square), (false, "读 read", "#1f77b4", StyleParam.MarkerSymbol.Circle) })
        {
            var shown = points.Where(p => p.Access.IsWrite == write).ToList();
            if (shown.Count == 0) continue;
            charts.Add(Chart.Point<string, string, string>(x: shown.Select(p => p.Report).ToArray(), y: shown.Select(p => p.Access.GoroutineName).ToArray(),
                Name: name, MarkerColor: Color.fromString(color), MarkerSymbol: symbol,
                MultiText: shown.Select(p => (p.Access.IsPrevious ? "之前 previous " : "当前 current ") + (p.Access.Top is { } t ? $"{Path.GetFileName(t.File)}:{t.Line}" : "?")).ToArray(),
                TextPosition: StyleParam.TextPosition.TopCenter));
        }
        return ChartStyle.WithTitle(Chart.Combine(charts),
                title ?? string.Create(CultureInfo.InvariantCulture, $"{log.SourceName}: {log.Reports.Count} 个数据竞争 data races, 每个是两次冲突的访问 two conflicting accesses each"))
            .WithXAxisStyle<double, double, string>(TitleText: "竞态报告 race report (top frame of the current access)",
                MinMax: new Tuple<double, double>(-0.5, Math.Max(1, log.Reports.Count) - 0.5))
            .WithYAxisStyle<double, double, string>(TitleText: "goroutine")
            .WithSize(Width: 900, Height: 380);
    }

    /// <summary>
    /// Coverage per function (go tool cover -func) and the total as horizontal bars, green at or above the gate, red
    /// below, with the gate as a dashed line.
    /// </summary>
    /// <exception cref="KitInputException">The gate is not a percentage from 0 to 100.</exception>
    public static GenericChart CoverageByFunction(IReadOnlyList<CoverFunc> funcs, double gatePercent = 85, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(funcs);
        if (!double.IsFinite(gatePercent) || gatePercent is < 0 or > 100)
            throw KitInputException.For($"must be a percentage from 0 to 100, not {gatePercent.ToString(CultureInfo.InvariantCulture)}", parameter: "gatePercent");
        long covered = funcs.Sum(f => f.CoveredStatements), total = funcs.Sum(f => f.Statements);
        var totalPercent = total == 0 ? 0 : 100.0 * covered / total;
        var rows = funcs.Select(f => (Name: f.Name, f.Percent, Text: $"{f.PercentText} ({f.CoveredStatements}/{f.Statements})"))
            .Append((Name: "total 合计", Percent: totalPercent, Text: $"{CoverFuncs.TotalText(funcs)} ({covered}/{total})")).Reverse().ToList();
        var keys = rows.Select(r => r.Name).ToArray();
        var bars = Chart.Bar<double, string, string>(values: rows.Select(r => Math.Round(r.Percent, 1)).ToArray(), Keys: keys, Name: "语句覆盖率 statement coverage",
            MultiText: rows.Select(r => r.Text).ToArray(),
            MarkerColor: Color.fromColors(rows.Select(r => Color.fromString(r.Percent >= gatePercent ? "#2ca02c" : "#d62728"))));
        var gate = Chart.Line<double, string, string>(x: keys.Select(_ => gatePercent).ToArray(), y: keys,
            Name: string.Create(CultureInfo.InvariantCulture, $"门禁 gate {gatePercent}%"), LineColor: Color.fromString("black"), LineDash: StyleParam.DrawingStyle.Dash);
        return ChartStyle.WithTitle(Chart.Combine([bars, gate]), title ?? "每个函数的语句覆盖率 coverage per function (go tool cover -func)")
            .WithXAxisStyle<double, double, string>(TitleText: "覆盖的语句 % statements covered", MinMax: new Tuple<double, double>(0, 100))
            .WithSize(Width: 900, Height: 160 + 40 * rows.Count);
    }

    /// <summary>
    /// One unit of a benchstat comparison: per benchmark, the old and the new median relative to the old one, with the
    /// 95 % confidence interval of each median as error bars (log scale); the new bar is labelled with benchstat's
    /// delta ("~" when not significant) and p-value.
    /// </summary>
    /// <exception cref="KitInputException">The report has no table of <paramref name="unit"/> (the message lists its units).</exception>
    public static GenericChart Benchstat(BenchstatReport report, string unit = "sec/op", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = report.Tables.FirstOrDefault(t => t.Unit == unit) ?? throw KitInputException.For(
            $"no table of unit \"{unit}\"; the report has {string.Join(", ", report.Tables.Select(t => t.Unit).Distinct())}", parameter: "unit");
        var rows = table.Rows.Where(r => r.Old is { Center: > 0 } && r.New is not null).ToList();
        var keys = rows.Select(r => r.Name).ToArray();
        double Rel(double v, BenchstatRow r) => double.IsFinite(v) ? v / r.Old!.Center : double.NaN;
        var old = WithError(Chart.Column<double, string, string>(values: rows.Select(_ => 1.0).ToArray(), Keys: keys, Name: report.OldName,
                MultiText: rows.Select(r => $"± {r.Old!.RangeText}").ToArray(), MarkerColor: Color.fromString("#7f7f7f")),
            rows.Select(r => Rel(r.Old!.Hi, r) - 1), rows.Select(r => 1 - Rel(r.Old!.Lo, r)));
        var @new = WithError(Chart.Column<double, string, string>(values: rows.Select(r => Rel(r.New!.Center, r)).ToArray(), Keys: keys, Name: report.NewName,
                MultiText: rows.Select(r => $"{r.DeltaText} ({r.Comparison})").ToArray(),
                MarkerColor: Color.fromColors(rows.Select(r => Color.fromString(r.Comparison is { Significant: true } ? "#1f77b4" : "#aec7e8")))),
            rows.Select(r => Rel(r.New!.Hi, r) - Rel(r.New!.Center, r)), rows.Select(r => Rel(r.New!.Center, r) - Rel(r.New!.Lo, r)));
        return ChartStyle.WithTitle(Chart.Combine([old, @new]),
                title ?? $"benchstat {unit}: 新/旧中位数 new/old median, 95% 置信区间 CI; \"~\" = 不显著 not significant")
            .WithYAxisStyle<double, double, string>(TitleText: "相对旧版中位数 × old median (log)", AxisType: StyleParam.AxisType.Log)
            .WithSize(Width: 900, Height: 420);
    }

    private static string ReportLabel(RaceReport report, int index) =>
        report.Current.Top is { } t ? string.Create(CultureInfo.InvariantCulture, $"#{index + 1} {Path.GetFileName(t.File)}:{t.Line}") : $"#{index + 1}";

    private static GenericChart WithError(GenericChart chart, IEnumerable<double> plus, IEnumerable<double> minus) =>
        Plotly.NET.Chart.withYError(
            Plotly.NET.TraceObjects.Error.init<double, double>(
                FSharpOption<bool>.None, FSharpOption<StyleParam.ErrorType>.None, FSharpOption<bool>.Some(false),
                FSharpOption<IEnumerable<double>>.Some(plus.Select(v => double.IsFinite(v) ? Math.Max(0, v) : 0).ToArray()),
                FSharpOption<IEnumerable<double>>.Some(minus.Select(v => double.IsFinite(v) ? Math.Max(0, v) : 0).ToArray()),
                FSharpOption<EncodedTypedArray>.None, FSharpOption<EncodedTypedArray>.None,
                FSharpOption<double>.None, FSharpOption<double>.None, FSharpOption<int>.None, FSharpOption<int>.None,
                FSharpOption<bool>.None, FSharpOption<Color>.None, FSharpOption<double>.None, FSharpOption<double>.None)
            ).Invoke(chart);
}
