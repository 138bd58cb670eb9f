using GoRuntimeLab.Alloc;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Alloc;

/// <summary>Section 2.2 (allocator half): size classes, tiny-block packing and the mcache/mcentral/mheap model.</summary>
public static class AllocCharts
{
    private const string Blue = "#1f77b4";
    private const string Orange = "#ff7f0e";
    private const string Green = "#2ca02c";
    private const string Red = "#d62728";
    private const string Grey = "#7f7f7f";

    /// <summary>
    /// The staircase: requested size → bytes the object really occupies (size class, with the 1.22+ header for
    /// pointerful objects), pointer-free and pointerful, up to <paramref name="maxSize"/> (log x axis).
    /// </summary>
    public static GenericChart Staircase(GoVersion? version = null, long maxSize = SizeClasses.MaxSmallSize)
    {
        var v = version ?? GoVersion.Latest;
        CheckMax(maxSize);
        var (fx, fy) = Steps(v, false, maxSize, a => a.Size);
        var (px, py) = Steps(v, true, maxSize, a => a.Size);
        var charts = new List<GenericChart>
        {
            Chart.Line<long, long, string>(x: fx, y: fy, Name: "无指针 pointer-free", LineColor: Color.fromString(Blue), LineWidth: 2),
            Chart.Line<long, long, string>(x: px, y: py, Name: "含指针 pointerful", LineColor: Color.fromString(Orange), LineWidth: 2, LineDash: StyleParam.DrawingStyle.Dash),
            Chart.Line<long, long, string>(x: [1, maxSize], y: [1, maxSize], Name: "请求大小 requested", LineColor: Color.fromString(Grey), LineWidth: 1, LineDash: StyleParam.DrawingStyle.Dot),
        };
        return ChartStyle.WithTitle(Chart.Combine(charts), $"大小等级阶梯 size-class staircase ({v})")
            .WithXAxisStyle<double, double, string>(TitleText: "请求字节 requested bytes (log)", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: "实际占用字节 bytes occupied (log)", AxisType: StyleParam.AxisType.Log)
            .WithSize(Width: 820, Height: 420);
    }

    /// <summary>Waste (bytes occupied but not requested, % of occupied) for every size up to <paramref name="maxSize"/>.</summary>
    public static GenericChart WasteBySize(GoVersion? version = null, long maxSize = SizeClasses.MaxSmallSize)
    {
        var v = version ?? GoVersion.Latest;
        CheckMax(maxSize);
        var charts = new List<GenericChart>();
        foreach (var (pointers, name, color) in new[] { (false, "无指针 pointer-free", Blue), (true, "含指针 pointerful", Orange) })
        {
            var x = new List<long>();
            var y = new List<double>();
            var all = new AllocClass[maxSize + 2];
            for (long size = 1; size <= maxSize; size++) all[size] = SizeClasses.Lookup(size, pointers, v);
            for (long size = 1; size <= maxSize; size++)
            {
                // The sawtooth's corners suffice: the first and last size of each run of one rounded size.
                var a = all[size];
                if (size == 1 || size == maxSize || a.Tiny || all[size - 1].Size != a.Size || all[size + 1].Size != a.Size)
                {
                    x.Add(size);
                    y.Add(Math.Round(a.WastePercent, 2));
                }
            }
            charts.Add(Chart.Line<long, double, string>(x: x, y: y, Name: name, LineColor: Color.fromString(color), LineWidth: 1.5));
        }
        return ChartStyle.WithTitle(Chart.Combine(charts), $"按大小的浪费 waste by size ({v})")
            .WithXAxisStyle<double, double, string>(TitleText: "请求字节 requested bytes (log)", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: "浪费 waste (% of bytes occupied)")
            .WithSize(Width: 820, Height: 380);
    }

    /// <summary>The tiny allocator's 16-byte blocks with the objects drawn in at their offsets (one row per block).</summary>
    public static GenericChart TinyBlocks(IReadOnlyList<TinyPlacement> placements, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(placements);
        var palette = new[] { Blue, Orange, Green, Red, "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22" };
        var charts = new List<GenericChart>();
        var blocks = placements.Select(p => p.Block).Distinct().OrderBy(b => b).ToList();
        foreach (var b in blocks)
        {
            var row = $"block {b}";
            charts.Add(Chart.Line<double, string, string>(x: [0, 16], y: [row, row], ShowLegend: false, LineColor: Color.fromString("#e0e0e0"), LineWidth: 30));
        }
        foreach (var p in placements)
        {
            var row = $"block {p.Block}";
            charts.Add(Chart.Line<double, string, string>(
                x: [p.Offset + 0.08, p.Offset + p.Size - 0.08], y: [row, row],
                Name: $"#{p.Index}: {p.Size} B @ {p.Offset}{(p.NewBlock ? " (新块 new block)" : "")}",
                LineColor: Color.fromString(palette[p.Index % palette.Length]), LineWidth: 26));
        }
        var heading = title ?? $"tiny 分配器：{placements.Count} 个对象装入 {blocks.Count} 个 16 字节块 ({placements.Count} objects in {blocks.Count} blocks)";
        return ChartStyle.WithTitle(Chart.Combine(charts), heading)
            .WithXAxisStyle<double, double, string>(TitleText: "块内偏移 offset in the 16-byte block", MinMax: new Tuple<double, double>(0, 16))
            .WithSize(Width: 820, Height: 140 + 40 * blocks.Count);
    }

    /// <summary>The model's heap over the stream: HeapInuse (spans), occupied slots and requested bytes; GC cycles show as drops.</summary>
    public static GenericChart HeapOverTime(AllocatorResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var x = result.Samples.Select(s => s.Allocation).ToList();
        static double MiB(long b) => Math.Round(b / 1048576.0, 3);
        var charts = new List<GenericChart>
        {
            Chart.Line<long, double, string>(x: x, y: result.Samples.Select(s => MiB(s.HeapInUseBytes)), Name: "HeapInuse（span 页）", LineColor: Color.fromString(Blue), LineWidth: 2),
            Chart.Line<long, double, string>(x: x, y: result.Samples.Select(s => MiB(s.ObjectBytes)), Name: "HeapAlloc（已占用槽）", LineColor: Color.fromString(Orange), LineWidth: 2),
            Chart.Line<long, double, string>(x: x, y: result.Samples.Select(s => MiB(s.RequestedBytes)), Name: "请求字节 requested", LineColor: Color.fromString(Green), LineWidth: 1.5, LineDash: StyleParam.DrawingStyle.Dash),
        };
        return ChartStyle.WithTitle(Chart.Combine(charts), $"堆随分配变化 heap over the stream — {result.Gcs} GCs [{result.Config}]")
            .WithXAxisStyle<double, double, string>(TitleText: "已分配次数 allocations made")
            .WithYAxisStyle<double, double, string>(TitleText: "MiB")
            .WithSize(Width: 820, Height: 380);
    }

    /// <summary>Per span class (the <paramref name="top"/> busiest): spans in use at the peak and allocations served per refill.</summary>
    public static GenericChart SpansPerClass(AllocatorResult result, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (top < 1) throw KitInputException.For($"must be ≥ 1, got {top}", parameter: "top");
        var classes = result.Classes.Where(c => c.SizeClass != 0).OrderByDescending(c => c.Allocs).Take(top).OrderBy(c => c.SpanClass).ToList();
        var keys = classes.Select(Label).ToList();
        var charts = new List<GenericChart>
        {
            Chart.Column<long, string, string>(values: classes.Select(c => c.PeakSpans), Keys: keys, Name: "峰值 span 数 peak spans", MarkerColor: Color.fromString(Blue)),
            Chart.Column<double, string, string>(values: classes.Select(c => Math.Round(c.AllocsPerRefill, 1)), Keys: keys, Name: "每次 refill 的分配数 allocs per refill", MarkerColor: Color.fromString(Orange)),
        };
        return ChartStyle.WithTitle(Chart.Combine(charts), $"各 span class：span 数与 refill 效率 spans and refills per class [{result.Config}]")
            .WithXAxisStyle<double, double, string>(TitleText: "span class（大小 / scan|noscan）")
            .WithYAxisStyle<double, double, string>(TitleText: "个数 count (log)", AxisType: StyleParam.AxisType.Log)
            .WithSize(Width: 900, Height: 400);
    }

    /// <summary>Where the in-use heap goes at the end of the run: requested bytes, class rounding, free slots, span tails.</summary>
    public static GenericChart WasteBreakdown(AllocatorResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string[] keys = ["请求 requested", "取整 rounding", "空闲槽 free slots", "span 尾部 tail"];
        long[] values = [result.ObjectRequestedBytes, result.RoundingWasteBytes, result.FreeSlotBytes, result.TailWasteBytes];
        return ChartStyle.WithTitle(
                Chart.Column<double, string, string>(values: values.Select(b => Math.Round(b / 1024.0, 1)), Keys: keys, Name: "KiB", MarkerColor: Color.fromString(Blue)),
                $"HeapInuse {result.HeapInUseBytes / 1024.0:0} KiB 的构成 (what the in-use heap holds at the end)")
            .WithYAxisStyle<double, double, string>(TitleText: "KiB")
            .WithSize(Width: 700, Height: 360);
    }

    private static string Label(SpanClassStats c) => $"{c.ElemSize}B {(c.Noscan ? "noscan" : "scan")}";

    // Corners of the staircase: the first and last requested size of each run of one rounded size.
    private static (List<long> X, List<long> Y) Steps(GoVersion v, bool pointers, long maxSize, Func<AllocClass, long> y)
    {
        var xs = new List<long>();
        var ys = new List<long>();
        long runStart = 1;
        var current = y(SizeClasses.Lookup(1, pointers, v));
        for (long size = 2; size <= maxSize + 1; size++)
        {
            var value = size <= maxSize ? y(SizeClasses.Lookup(size, pointers, v)) : -1;
            if (value == current) continue;
            xs.Add(runStart);
            ys.Add(current);
            xs.Add(size - 1);
            ys.Add(current);
            runStart = size;
            current = value;
        }
        return (xs, ys);
    }

    private static void CheckMax(long maxSize)
    {
        if (maxSize is < 2 or > 1 << 22) throw KitInputException.For($"must be 2…4194304 bytes, got {maxSize}", parameter: "maxSize");
    }
}
