using System.Globalization;
using GoRuntimeLab.Binaries;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Binaries;

/// <summary>Sections 4.4 and 5.2: where the bytes of a Go executable go, per flag set and per target.</summary>
public static class BinaryCharts
{
    private static readonly Dictionary<string, string> GroupColors = new(StringComparer.Ordinal)
    {
        ["code"] = "#1f77b4", ["rodata"] = "#aec7e8", ["pclntab"] = "#2ca02c", ["data"] = "#98df8a",
        ["dwarf"] = "#d62728", ["symtab"] = "#ff7f0e", ["other"] = "#c7c7c7",
    };

    private static readonly Dictionary<string, string> GroupNames = new(StringComparer.Ordinal)
    {
        ["code"] = "代码 .text", ["rodata"] = "只读数据 .rodata", ["pclntab"] = "行号表 .gopclntab", ["data"] = "数据 .data",
        ["dwarf"] = "调试信息 DWARF", ["symtab"] = "符号表 .symtab/.strtab", ["other"] = "其他/头部",
    };

    /// <summary>
    /// One stacked column per build: the file's bytes (MB) by section group (<see cref="SectionGroup"/>): what -s
    /// (symbol table) and -w (DWARF) remove and what stays (.gopclntab).
    /// </summary>
    public static GenericChart SectionSizes(IEnumerable<(string Label, ExecutableInfo Build)> builds, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(builds);
        var list = builds.ToList();
        if (list.Count == 0) throw KitInputException.For("no builds to draw", parameter: "builds");
        var labels = list.Select(b => b.Label).ToArray();
        var groups = list.Select(b => SectionGroup.FileBytes(b.Build)).ToList();
        var columns = SectionGroup.Order.Select(g => Chart.StackedColumn<double, string, string>(
            values: groups.Select(x => Math.Round(x[g] / 1e6, 3)).ToArray(), Keys: labels, Name: GroupNames[g],
            MarkerColor: Color.fromString(GroupColors[g]))).ToList();
        return ChartStyle.WithTitle(Chart.Combine(columns), title ?? "各段字节数 bytes per section group (MB, file sizes)")
            .WithYAxisStyle<double, double, string>(TitleText: "MB")
            .WithSize(Width: 900, Height: 440);
    }

    /// <summary>
    /// One column per build (cross targets): total file size (MB), blue when static, orange when dynamic (needs the
    /// dynamic loader / imports DLLs), with the size on each bar.
    /// </summary>
    public static GenericChart TargetSizes(IEnumerable<(string Label, ExecutableInfo Build)> builds, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(builds);
        var list = builds.ToList();
        if (list.Count == 0) throw KitInputException.For("no builds to draw", parameter: "builds");
        GenericChart Bars(bool dynamic, string name, string color)
        {
            var part = list.Where(b => b.Build.IsDynamic == dynamic).ToList();
            var mb = part.Select(b => Math.Round(b.Build.FileSize / 1e6, 2)).ToArray();
            return Chart.Column<double, string, string>(values: mb, Keys: part.Select(b => b.Label).ToArray(), Name: name,
                MarkerColor: Color.fromString(color), MultiText: mb.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)).ToArray());
        }
        var charts = new List<GenericChart>();
        if (list.Any(b => !b.Build.IsDynamic)) charts.Add(Bars(false, "静态 static", "#1f77b4"));
        if (list.Any(b => b.Build.IsDynamic)) charts.Add(Bars(true, "动态 dynamic (PT_INTERP / DLL 导入)", "#ff7f0e"));
        return ChartStyle.WithTitle(Chart.Combine(charts), title ?? "各目标的二进制大小 size per target (MB)")
            .WithYAxisStyle<double, double, string>(TitleText: "MB")
            .WithSize(Width: 900, Height: 420);
    }
}
