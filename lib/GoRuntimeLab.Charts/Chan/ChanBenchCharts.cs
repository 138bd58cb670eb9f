using GoRuntimeLab.Chan;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Chan;

/// <summary>Channel costs side by side: measured (each Go release, live) and simulated, per chanbench benchmark.</summary>
public static class ChanBenchCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2"];

    /// <summary>
    /// ns/op per benchmark (log scale), one bar colour per series; benchmarks in the order of the first series that
    /// has them (chanbench's order when it comes first), the simulator drawn with a hatched pattern.
    /// </summary>
    public static GenericChart NsPerOp(IEnumerable<ChanBenchSeries> series, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = series.ToList();
        if (list.Count == 0) throw KitInputException.For("no series to draw", parameter: "series");
        var order = new List<string>();
        foreach (var s in list)
            foreach (var name in Order(s.NsPerOp.Keys))
                if (!order.Contains(name)) order.Add(name);
        var charts = list.Select((s, i) =>
        {
            var keys = order.Where(s.NsPerOp.ContainsKey).ToArray();
            return Chart.Column<double, string, string>(values: keys.Select(k => s.NsPerOp[k]).ToArray(), Keys: keys, Name: s.Label,
                MarkerColor: Color.fromString(Palette[i % Palette.Length]),
                MarkerPatternShape: s.Label.Contains("simulator", StringComparison.Ordinal) ? StyleParam.PatternShape.DiagonalDescending : StyleParam.PatternShape.None);
        }).ToArray();
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? "Channel 操作耗时 ns/op：真实 Go 与模拟器 measured vs simulated (log)")
            .WithYAxisStyle<double, double, string>(TitleText: "ns/op (log)", AxisType: StyleParam.AxisType.Log)
            .WithSize(Width: 960, Height: 460);
    }

    // chanbench's order: handoff, the stream by capacity, the selects, ping-pong; others after them by name.
    private static IEnumerable<string> Order(IEnumerable<string> names)
    {
        static int Rank(string n) => n switch
        {
            "UnbufferedHandoff" => 0,
            _ when n.StartsWith("BufferedStream/cap=", StringComparison.Ordinal) => 1,
            "SelectNonblockEmpty" => 2,
            "SelectNonblockReady" => 3,
            "SelectOneReady" => 4,
            "PingPong" => 5,
            _ => 6,
        };
        static long Cap(string n) => n.StartsWith("BufferedStream/cap=", StringComparison.Ordinal) && long.TryParse(n[19..], out var c) ? c : 0;
        return names.OrderBy(Rank).ThenBy(Cap).ThenBy(n => n, StringComparer.Ordinal);
    }
}
