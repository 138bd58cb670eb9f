using System.Globalization;
using GoRuntimeLab.Metrics;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Metrics;

/// <summary>Chapter 3.3: runtime/metrics histograms (pauses, scheduling latencies) and the catalogue by Go release.</summary>
public static class MetricsCharts
{
    /// <summary>
    /// A time histogram (seconds) as columns, one per non-empty runtime bucket, labelled with the bucket's lower bound
    /// in µs — the buckets' widths are the Go release's own (16 linear sub-buckets per power of 2 in 1.19, 4 in 1.21+).
    /// </summary>
    public static GenericChart TimeHistogram(Float64Histogram histogram, string title)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var buckets = histogram.NonEmpty().ToList();
        var labels = buckets.Select(b => Label(b.Lower, b.Upper)).ToArray();
        var counts = buckets.Select(b => (double)b.Count).ToArray();
        var chart = Chart.Column<double, string, string>(values: counts, Keys: labels, Name: "样本数 samples", MarkerColor: Color.fromString("#1f77b4"));
        var p50 = histogram.Total > 0 ? histogram.Quantile(0.5) * 1e6 : double.NaN;
        var p99 = histogram.Total > 0 ? histogram.Quantile(0.99) * 1e6 : double.NaN;
        var heading = string.Create(CultureInfo.InvariantCulture, $"{title}: {histogram.Total} 个样本 samples, p50 ≈ {p50:0.#} µs, p99 ≈ {p99:0.#} µs");
        return ChartStyle.WithTitle(chart, heading)
            .WithXAxisStyle<double, double, string>(TitleText: "桶下界 bucket lower bound (µs)")
            .WithYAxisStyle<double, double, string>(TitleText: "样本数 count")
            .WithSize(Width: 860, Height: 360);
    }

    /// <summary>Number of runtime/metrics names per top-level group (/gc, /sched, /cpu, …) for each carried Go release.</summary>
    public static GenericChart CatalogByVersion()
    {
        var versions = MetricCatalog.Versions.Select(MetricCatalog.For).ToList();
        var groups = versions.SelectMany(c => c.All).Select(d => Group(d.Name)).Distinct().Order(StringComparer.Ordinal).ToList();
        var x = versions.Select(c => string.Create(CultureInfo.InvariantCulture, $"Go {c.Version.Major}.{c.Version.Minor} ({c.Count})")).ToArray();
        var charts = groups.Select(g => Chart.Column<int, string, string>(
            values: versions.Select(c => c.All.Count(d => Group(d.Name) == g)).ToArray(), Keys: x, Name: g)).ToList();
        return ChartStyle.WithTitle(Chart.Combine(charts), "runtime/metrics 指标数 metrics per release (不含 /godebug/ 计数器)")
            .WithYAxisStyle<double, double, string>(TitleText: "指标数 metrics")
            .WithSize(Width: 820, Height: 360);
    }

    private static string Group(string name)
    {
        var second = name.IndexOf('/', 1);
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return name[..(second > 0 && second < colon ? second : colon)];
    }

    private static string Label(double lower, double upper)
    {
        if (double.IsNegativeInfinity(lower)) return "<0";
        if (double.IsPositiveInfinity(upper)) return string.Create(CultureInfo.InvariantCulture, $"≥{lower * 1e6:0.###}");
        return string.Create(CultureInfo.InvariantCulture, $"{lower * 1e6:0.###}");
    }
}
