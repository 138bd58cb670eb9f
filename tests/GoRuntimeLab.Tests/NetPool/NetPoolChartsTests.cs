using GoRuntimeLab.Charts.NetPool;
using GoRuntimeLab.NetPool;
using GoRuntimeLab.NetPool.CancelTree;
using GoRuntimeLab.Tests.NetPool.CancelTree;
using Plotly.NET;

namespace GoRuntimeLab.Tests.NetPool;

/// <summary>The section 4.2 charts draw the model's numbers.</summary>
public class NetPoolChartsTests
{
    private static string Html(GenericChart chart) => GenericChart.toChartHTML(chart);

    [Fact]
    public void Model_vs_real_shows_both_counts_per_case()
    {
        var cases = PoolProbeRecording.Read(Path.Combine(PoolRecordingTests.Dir, "http-waves-go1.19.8.txt"));
        var html = Html(NetPoolCharts.ModelVsReal(cases));
        Assert.Contains("http waves k=2 c=10", html, StringComparison.Ordinal);
        Assert.Contains("242", html, StringComparison.Ordinal);
        Assert.Contains("模型 model", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_connections_separates_new_and_reused()
    {
        var r = TransportPoolSimulator.Run(TransportPoolConfig.Default, PoolWorkload.Default.WithRequests(30).WithConcurrency(3));
        var html = Html(NetPoolCharts.RequestConnections(r));
        Assert.Contains("新连接 new connection", html, StringComparison.Ordinal);
        Assert.Contains("opened 12", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_timeline_names_each_nodes_end()
    {
        var spec = ContextTreeSpec.Read(Path.Combine(ContextTreeRecordingTests.ProgramDir, "tree-cause.json"));
        var html = Html(NetPoolCharts.ContextTimeline(ContextTreeSimulator.Run(spec, GoVersion.Go1_23)));
        Assert.Contains("query: context deadline exceeded (deadline) cause=query too slow", html, StringComparison.Ordinal);
        Assert.Contains("job: context canceled (parent ← worker) cause=shutdown", html, StringComparison.Ordinal);
        Assert.Contains("logFlush: 未结束 not done", html, StringComparison.Ordinal);
        Assert.Contains("AfterFunc 运行 runs", html, StringComparison.Ordinal);
    }
}
