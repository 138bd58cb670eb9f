using GoRuntimeLab.NetPool;
using GoRuntimeLab.NetPool.CancelTree;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.NetPool;

/// <summary>Section 4.2: connection pools (model against the real client/server) and the context cancellation tree.</summary>
public static class NetPoolCharts
{
    /// <summary>
    /// Connections opened per case: the real run (server-accepted / driver Open) beside the model's, one bar pair per
    /// case of a poolprobe recording.
    /// </summary>
    public static GenericChart ModelVsReal(IEnumerable<PoolProbeCase> cases, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var list = cases.ToList();
        var labels = list.Select(c => c.Label).ToArray();
        var model = list.Select(c => c.Mode == "http"
            ? TransportPoolSimulator.Run(c.ToTransportConfig(), c.ToWorkload()).Dials
            : SqlPoolSimulator.Run(c.ToSqlConfig(), c.ToWorkload()).Opened).ToArray();
        var real = Chart.Column<int, string, string>(values: list.Select(c => c.Opened).ToArray(), Keys: labels, Name: "真实 Go real Go",
            MarkerColor: Color.fromString("#1f77b4"));
        var sim = Chart.Column<int, string, string>(values: model, Keys: labels, Name: "模型 model", MarkerColor: Color.fromString("#ff7f0e"));
        return ChartStyle.WithTitle(Chart.Combine([real, sim]), title ?? "打开的连接数：模型与真实运行 connections opened: model vs real run")
            .WithYAxisStyle<double, double, string>(TitleText: "连接 connections")
            .WithSize(Width: 900, Height: 440);
    }

    /// <summary>
    /// Every request of a Transport run: when it asked (x) and which connection served it (y); a new connection is
    /// a cross, a reused one a dot. Waves with MaxIdleConnsPerHost 2 show a fresh column of crosses every wave.
    /// </summary>
    public static GenericChart RequestConnections(TransportPoolResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        GenericChart Points(IEnumerable<PoolRequestRecord> records, string name, string color, StyleParam.MarkerSymbol symbol)
        {
            var rs = records.ToList();
            return Chart.Point<double, int, string>(x: rs.Select(r => r.StartMs).ToArray(), y: rs.Select(r => r.Connection).ToArray(), Name: name,
                MarkerColor: Color.fromString(color), MarkerSymbol: symbol);
        }
        var chart = Chart.Combine([
            Points(result.Records.Where(r => !r.Reused), "新连接 new connection", "#d62728", StyleParam.MarkerSymbol.X),
            Points(result.Records.Where(r => r.Reused), "复用 reused", "#2ca02c", StyleParam.MarkerSymbol.Circle),
        ]);
        return ChartStyle.WithTitle(chart, title ?? $"每个请求用的连接 which connection served each request (opened {result.Dials}, reuse {result.ReuseRatio:P0})")
            .WithXAxisStyle<double, double, string>(TitleText: "请求开始 request start (ms)")
            .WithYAxisStyle<double, double, string>(TitleText: "连接编号 connection #")
            .WithSize(Width: 900, Height: 420);
    }

    /// <summary>
    /// The cancellation tree over time: one row per context, a line from its creation to the moment it is done (to
    /// the end if never), coloured by Err; AfterFunc runs are diamonds.
    /// </summary>
    public static GenericChart ContextTimeline(ContextTreeResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var end = Math.Max(result.Spec.Steps.Count == 0 ? 0 : result.Spec.Steps[^1].At, result.Events.Count == 0 ? 0 : result.Events.Max(e => e.AtMs));
        var charts = new List<GenericChart>();
        foreach (var node in result.Spec.Nodes.Where(n => n.Kind != ContextKind.AfterFunc))
        {
            var done = result.Events.FirstOrDefault(e => e.Node == node.Name && e.Via != "afterFunc");
            var color = done is null ? "#7f7f7f" : done.Err == ContextTreeSimulator.DeadlineExceeded ? "#ff7f0e" : "#d62728";
            var label = done is null ? $"{node.Name}: 未结束 not done" : $"{node.Name}: {done.Err} ({done.Via}{(done.From is null ? "" : " ← " + done.From)}) cause={done.Cause}";
            charts.Add(Chart.Line<double, string, string>(x: [node.CreateAt, done?.AtMs ?? end], y: [node.Name, node.Name], Name: label,
                LineColor: Color.fromString(color), ShowMarkers: true));
        }
        var hooks = result.Events.Where(e => e.Via == "afterFunc").ToList();
        if (hooks.Count > 0)
            charts.Add(Chart.Point<double, string, string>(x: hooks.Select(h => (double)h.AtMs).ToArray(), y: hooks.Select(h => h.Node).ToArray(),
                Name: "AfterFunc 运行 runs", MarkerColor: Color.fromString("#9467bd"), MarkerSymbol: StyleParam.MarkerSymbol.Diamond));
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? $"context 取消树 cancellation tree ({result.Version})")
            .WithXAxisStyle<double, double, string>(TitleText: "时间 time (ms)")
            .WithSize(Width: 900, Height: 120 + 34 * result.Spec.Nodes.Count);
    }
}
