using System.Globalization;
using GoRuntimeLab.Gc.Guide;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Gc;

/// <summary>The GC guide's charts (go.dev/doc/gc-guide): memory over CPU time, and the GOGC trade-off.</summary>
public static class GuideCharts
{
    // The page's colours for Other Mem., Live Heap, New Heap (fewer series take the last ones, as the page does).
    private static readonly string[] PageColors = ["#253443", "#007d9c", "#50b7e0"];

    /// <summary>
    /// The page's stacked-area chart: "Other Mem." (when not 0), "Live Heap", "New Heap" in MiB over CPU time —
    /// or, with trackLive, one "Live Heap From GC i" band per cycle — with the page's footer in the title.
    /// </summary>
    public static GenericChart StackedArea(GuideResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Series.Select(p => p.T).ToArray();
        var bands = new List<(string Name, double[] Values)>();
        if (result.Config.OtherMem != 0) bands.Add(("Other Mem.", result.Series.Select(p => p.Other).ToArray()));
        if (result.Config.TrackLive)
        {
            var count = result.Series.Count == 0 ? 0 : result.Series[0].LiveFromGc.Count;
            for (var i = 0; i < count; i++)
            {
                var index = i;
                bands.Add(($"Live Heap From GC {i + 1}", result.Series.Select(p => p.LiveFromGc[index]).ToArray()));
            }
        }
        else
        {
            bands.Add(("Live Heap", result.Series.Select(p => p.Live).ToArray()));
            bands.Add(("New Heap", result.Series.Select(p => p.New).ToArray()));
        }

        var colors = bands.Count <= 3 ? PageColors[(3 - bands.Count)..] : null;
        var charts = bands.Select((b, i) => colors is null
            ? Chart.StackedArea<double, double, string>(x: t, y: b.Values, Name: b.Name, ShowLegend: bands.Count <= 12)
            : Chart.StackedArea<double, double, string>(x: t, y: b.Values, Name: b.Name,
                LineColor: Color.fromString(colors[i]), FillColor: Color.fromString(colors[i])));
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? Footer(result))
            .WithXAxisStyle<double, double, string>(TitleText: "CPU 时间 CPU time (s)")
            .WithYAxisStyle<double, double, string>(TitleText: "内存 memory (MiB)")
            .WithSize(Width: 820, Height: 360);
    }

    /// <summary>
    /// The GOGC trade-off: one point per run, GC CPU % against peak memory, labelled with GOGC (runs of one
    /// workload at several GOGC values, e.g. from <see cref="GuideGraph.SweepGogc"/>).
    /// </summary>
    public static GenericChart GogcSweep(IEnumerable<GuideResult> results, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var runs = results.ToList();
        var chart = Chart.Line<double, double, string>(
            x: runs.Select(r => r.PeakMem), y: runs.Select(r => r.GcCpuPercent), ShowMarkers: true, Name: "GOGC",
            MultiText: runs.Select(r => "GOGC=" + GuideGraphs.GogcDisplay(r.Config.Gogc)).ToArray(),
            TextPosition: StyleParam.TextPosition.TopRight, LineColor: Color.fromString(PageColors[1]));
        var heading = title ?? (runs.Count == 0 ? "GOGC sweep (no runs)" : string.Create(CultureInfo.InvariantCulture,
            $"GOGC 的取舍 trade-off: {runs[0].Workload}; {LimitText(runs[0].Config)}"));
        return ChartStyle.WithTitle(chart, heading)
            .WithXAxisStyle<double, double, string>(TitleText: "峰值内存 Peak Mem (MiB)")
            .WithYAxisStyle<double, double, string>(TitleText: "GC CPU (%)")
            .WithSize(Width: 820, Height: 400);
    }

    /// <summary>The page's footer: "Total: 10.68 s · GC CPU = 6.4%, Peak Mem = 40.0 MiB (Peak Live Mem = 20.0 MiB)", plus GOGC and the limit.</summary>
    public static string Footer(GuideResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sub = new List<string>();
        // The page prints each of these only when it is not 0.
        if (result.PeakLive != 0 && !result.Config.TrackLive) sub.Add(string.Create(CultureInfo.InvariantCulture, $"Peak Live Mem = {result.PeakLive:0.0} MiB"));
        if (result.Config.OtherMem != 0) sub.Add(string.Create(CultureInfo.InvariantCulture, $"Other Mem = {result.Config.OtherMem:0.0} MiB"));
        var tail = sub.Count == 0 ? "" : " (" + string.Join(", ", sub) + ")";
        return string.Create(CultureInfo.InvariantCulture,
            $"GOGC={GuideGraphs.GogcDisplay(result.Config.Gogc)}, {LimitText(result.Config)} — Total: {result.TotalTime:0.00} s · GC CPU = {result.GcCpuPercent:0.0}%, Peak Mem = {result.PeakMem:0.0} MiB{tail}");
    }

    private static string LimitText(GuideConfig config) => config.HasLimit
        ? string.Create(CultureInfo.InvariantCulture, $"limit {config.MemoryLimit:0.#} MiB")
        : "no limit";
}
