using GoRuntimeLab.Pprof;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Pprof;

/// <summary>Chapter 3.1: pprof profiles as a flame graph (icicle: root on top, as pprof's web UI draws it), the top
/// table as bars, and a base/new comparison.</summary>
public static class PprofCharts
{
    /// <summary>
    /// The call tree as an icicle: the root on top, callees below, each box as wide as its cumulative value.
    /// Click a box to zoom in. Boxes narrower than <paramref name="minFraction"/> of the total are left out.
    /// </summary>
    public static GenericChart FlameGraph(PprofProfile profile, string? sampleIndex = null, double minFraction = 0.002, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var index = profile.SampleIndex(sampleIndex);
        var type = profile.SampleTypes[index];
        var root = profile.FlameGraph(sampleIndex);
        var cut = Math.Abs(root.Value) * minFraction;
        var boxes = root.Flatten().Where(b => Math.Abs(b.Node.Value) >= cut).ToList();
        var chart = Chart.Icicle<string, string, long, string, string>(
            labels: boxes.Select(b => b.Node.Name),
            parents: boxes.Select(b => b.ParentPath ?? ""),
            Values: boxes.Select(b => b.Node.Value).ToArray(),
            Ids: boxes.Select(b => b.Path).ToArray(),
            MultiText: boxes.Select(b => $"{PprofMeasurement.Label(b.Node.Value, type.Unit)} ({100.0 * b.Node.Value / Math.Max(1, root.Value):0.0}%)").ToArray(),
            BranchValues: StyleParam.BranchValues.Total,
            TilingOrientation: StyleParam.Orientation.Vertical);
        var heading = title ?? $"火焰图 flame graph · {type.Type} ({PprofMeasurement.Label(root.Value, type.Unit)}) · 宽度 = 累计值 width = cum";
        return ChartStyle.WithTitle(chart, heading).WithSize(Width: 900, Height: 560);
    }

    /// <summary>The first <paramref name="rows"/> rows of a top report: flat and cum per function, as grouped bars.</summary>
    public static GenericChart Top(PprofTopReport report, int rows = 12, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shown = report.Rows.Take(rows).Reverse().ToList();
        var names = shown.Select(r => r.Function).ToList();
        var unit = report.SampleType.Unit;
        var charts = new[]
        {
            Chart.Bar<double, string, string>(values: shown.Select(r => r.FlatPercent), Keys: names.ToArray(), Name: "flat% 自身",
                MultiText: shown.Select(r => r.FlatText).ToArray(), MarkerColor: Color.fromString("#d62728")),
            Chart.Bar<double, string, string>(values: shown.Select(r => r.CumPercent), Keys: names.ToArray(), Name: "cum% 累计",
                MultiText: shown.Select(r => r.CumText).ToArray(), MarkerColor: Color.fromString("#1f77b4")),
        };
        var heading = title ?? $"top · {report.SampleType.Type} · total {PprofMeasurement.Label(report.Total, unit)}";
        return ChartStyle.WithTitle(Chart.Combine(charts), heading)
            .WithXAxisStyle<double, double, string>(TitleText: "占总量的百分比 percent of total")
            .WithSize(Width: 900, Height: 120 + 28 * shown.Count);
    }

    /// <summary>A -base diff: each function's flat change (new − base), growth red, shrinkage green.</summary>
    public static GenericChart Diff(PprofTopReport diffReport, int rows = 12, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(diffReport);
        var shown = diffReport.Rows.Where(r => r.Flat != 0).Take(rows).Reverse().ToList();
        var unit = diffReport.SampleType.Unit;
        var (scale, scaledUnit) = PprofMeasurement.Scale(shown.Select(r => Math.Abs(r.Flat)).DefaultIfEmpty(1).Max(), unit, "auto");
        var factor = shown.Count == 0 ? 1 : scale / Math.Max(1, shown.Max(r => Math.Abs(r.Flat)));
        var chart = Chart.Bar<double, string, string>(
            values: shown.Select(r => r.Flat * factor), Keys: shown.Select(r => r.Function).ToArray(), Name: "flat Δ",
            MultiText: shown.Select(r => r.FlatText).ToArray(),
            MarkerColor: Color.fromColors(shown.Select(r => Color.fromString(r.Flat > 0 ? "#d62728" : "#2ca02c"))));
        var heading = title ?? $"diff (new − base) · {diffReport.SampleType.Type}";
        return ChartStyle.WithTitle(chart, heading)
            .WithXAxisStyle<double, double, string>(TitleText: $"flat 变化 change ({scaledUnit})")
            .WithSize(Width: 900, Height: 120 + 28 * shown.Count);
    }
}
