using GoRuntimeLab.Benchmarking;
using GoRuntimeLab.ZeroCopy;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.ZeroCopy;

/// <summary>Section 4.1: what copies — Go's benchmarks across releases, system calls of the copy paths, the C# side.</summary>
public static class ZeroCopyCharts
{
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

    /// <summary>
    /// Median ns/op of each case (log scale), one bar per Go release; the hover text gives allocs/op and B/op.
    /// <paramref name="contains"/> keeps only the cases whose name contains it ("" = all).
    /// </summary>
    public static GenericChart GoReleases(IReadOnlyList<ZeroCopyBench> runs, string contains = "", string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(contains);
        var names = runs.SelectMany(r => r.Rows).Select(r => r.Name).Where(n => n.Contains(contains, StringComparison.Ordinal)).Distinct().ToArray();
        if (names.Length == 0) throw KitInputException.For($"no case contains \"{contains}\"", parameter: "contains");
        var bars = runs.Select((run, i) =>
        {
            var cells = names.Select(n => run.Rows.FirstOrDefault(r => r.Name == n)).ToList();
            return Chart.Column<double, string, string>(values: cells.Select(c => c?.MedianNsPerOp ?? double.NaN).ToArray(), Keys: names, Name: run.Go,
                MultiText: cells.Select(c => c is null ? "—" : $"{c.AllocsPerOp} allocs, {c.BytesPerOp} B").ToArray(),
                MarkerColor: Color.fromString(Palette[i % Palette.Length]));
        }).ToList();
        return ChartStyle.WithTitle(Chart.Combine(bars), title ?? "每次操作耗时（中位数，对数轴）ns/op by Go release — 悬停看 allocs/op")
            .WithYAxisStyle<double, double, string>(TitleText: "ns/op (log)", AxisType: StyleParam.AxisType.Log)
            .WithSize(Width: 960, Height: 460);
    }

    /// <summary>System calls per copy path (strace -c -f): the calls made most often by any path, one bar per path.</summary>
    public static GenericChart Syscalls(IReadOnlyList<(string Path, StraceSummary Summary)> paths, int top = 8, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0) throw KitInputException.For("no strace summaries", parameter: "paths");
        if (top < 1) throw KitInputException.For($"must be at least 1, not {top}", parameter: "top");
        var calls = paths.SelectMany(p => p.Summary.Rows).GroupBy(r => r.Syscall)
            .OrderByDescending(g => g.Max(r => r.Calls)).ThenBy(g => g.Key, StringComparer.Ordinal).Take(top).Select(g => g.Key).ToList();
        if (!calls.Contains("sendfile") && paths.Any(p => p.Summary.Calls("sendfile") > 0)) calls.Add("sendfile");
        var bars = paths.Select((p, i) => Chart.Column<long, string, string>(values: calls.Select(c => p.Summary.Calls(c)).ToArray(), Keys: calls.ToArray(),
            Name: $"{p.Path}（共 {p.Summary.TotalCalls} 次）", MultiText: calls.Select(c => p.Summary.Calls(c).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            MarkerColor: Color.fromString(Palette[i % Palette.Length]))).ToList();
        return ChartStyle.WithTitle(Chart.Combine(bars), title ?? "系统调用次数 system calls (strace -c -f)")
            .WithYAxisStyle<double, double, string>(TitleText: "调用次数 calls")
            .WithSize(Width: 900, Height: 420);
    }

    /// <summary>
    /// BenchmarkDotNet means (log scale): the notebook's short live run beside the recorded full run, paired by the
    /// benchmark's description; the hover text gives the bytes allocated per operation.
    /// </summary>
    public static GenericChart DotNet(IReadOnlyList<BenchRow> live, IReadOnlyList<BenchRow> recorded, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(recorded);
        var keys = live.Select(r => r.Description.Trim('\'')).Concat(recorded.Select(r => r.Description.Trim('\''))).Distinct().ToArray();
        GenericChart Bars(IReadOnlyList<BenchRow> rows, string name, string color)
        {
            var cells = keys.Select(k => rows.FirstOrDefault(r => r.Description.Trim('\'') == k)).ToList();
            // BenchmarkDotNet reports ~0 ns for a method it cannot tell from an empty one; a log axis needs a floor.
            return Chart.Column<double, string, string>(values: cells.Select(c => c is null ? double.NaN : Math.Max(c.MeanNs, 0.01)).ToArray(), Keys: keys, Name: name,
                MultiText: cells.Select(c => c?.AllocatedBytes is { } b ? $"{b} B/op" : "—").ToArray(), MarkerColor: Color.fromString(color));
        }
        return ChartStyle.WithTitle(Chart.Combine([Bars(live, "本次现场短跑 live short job", "#ff7f0e"), Bars(recorded, "录制的完整运行 recorded full run", "#1f77b4")]),
                title ?? "C#：BenchmarkDotNet 平均耗时（对数轴）mean ns/op — 悬停看分配")
            .WithYAxisStyle<double, double, string>(TitleText: "ns/op (log)", AxisType: StyleParam.AxisType.Log)
            .WithSize(Width: 960, Height: 440);
    }
}
