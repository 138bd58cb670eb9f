using GoRuntimeLab.Escape;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.TraceObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace GoRuntimeLab.Charts.Escape;

/// <summary>Section 2.2: what the real compiler's escape analysis said, per function, and why (its -m=2 flow).</summary>
public static class EscapeCharts
{
    private static readonly double[] ColumnWidths = [1.0, 5.0];

    /// <summary>
    /// Heatmap function × kind: each cell counts the function's findings of that kind (moved to heap … does not escape);
    /// hovering a cell lists the variables/expressions. Rows follow the source order.
    /// </summary>
    public static GenericChart Heatmap(IReadOnlyList<EscapeFunctionRow> rows, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var kinds = EscapeByFunction.EscapeKinds;
        var x = kinds.Select(k => GoRuntimeLab.Escape.EscapeKinds.ToCamelCase(k)).ToList();
        var y = rows.Select(r => r.Function).ToList();
        var z = rows.Select(r => kinds.Select(r.Count).ToList()).ToList();
        var text = rows.Select(r => kinds.Select(k => string.Join(", ", r.Findings.Where(f => f.Kind == k).Select(f => f.Name))).ToArray()).ToList();
        var chart = Chart.Heatmap<int, string, string, string>(
            zData: z, X: x, Y: y, XGap: 2, YGap: 2,
            ColorScale: StyleParam.Colorscale.NewCustom([new(0.0, Color.fromString("#f7f7f7")), new(0.01, Color.fromString("#fdd0a2")), new(1.0, Color.fromString("#d94801"))]),
            ReverseYAxis: true);
        // Plotly.NET.CSharp types heatmap text as one value per trace; plotly.js takes a 2-D array, set on the trace directly.
        chart = GenericChart.mapTrace(FuncConvert.FromFunc<Plotly.NET.Trace, Plotly.NET.Trace>(trace =>
        {
            trace.SetProperty("text", text);
            trace.SetProperty("hovertemplate", "%{y} · %{x}: %{z}<br>%{text}<extra></extra>");
            return trace;
        }), chart);
        return ChartStyle.WithTitle(chart, title ?? "逃逸分析结果 escape findings per function (-gcflags=-m)")
            .WithSize(Width: 900, Height: Math.Max(360, 22 * rows.Count + 140));
    }

    /// <summary>
    /// One finding's -m=2 explanation as a table: the verdict, then each "flow:" step (destination = source, with * for a
    /// dereference and &amp; for address-of) and the "from … (why) at …" lines that justify it.
    /// </summary>
    public static GenericChart Flow(EscapeFinding finding, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var steps = new List<string> { "结论 verdict" };
        var lines = new List<string> { $"{finding.Position}: {finding.Message}" };
        foreach (var line in finding.Flow)
        {
            var t = line.Trim();
            steps.Add(t.StartsWith("flow:", StringComparison.Ordinal) ? "数据流 flow"
                : t.StartsWith("from ", StringComparison.Ordinal) ? "  因为 from"
                : "说明 header");
            lines.Add(t);
        }
        var header = Cells([["步骤 step"], ["-m=2 输出 compiler explanation"]]);
        var cells = Cells([[.. steps], [.. lines]]);
        var chart = Chart.Table(header, cells, MultiColumnWidth: ColumnWidths);
        var heading = title ?? (finding.Flow.Count == 0 ? $"{finding.Name}: 无 -m=2 解释 (no explanation; compile with -gcflags=-m=2)" : $"为什么 why: {finding.Message}");
        return ChartStyle.WithTitle(chart, heading).WithSize(Width: 900, Height: 120 + 28 * lines.Count);
    }

    // TableCells.init is F#: every optional parameter must be passed from C#, as None where unused.
    private static TableCells Cells(string[][] columns) => TableCells.init<string[], string>(
        Align: FSharpOption<StyleParam.HorizontalAlign>.Some(StyleParam.HorizontalAlign.Left),
        MultiAlign: FSharpOption<IEnumerable<StyleParam.HorizontalAlign>>.None,
        Fill: FSharpOption<TableFill>.None,
        Font: FSharpOption<Font>.None,
        Format: FSharpOption<IEnumerable<string>>.None,
        Height: FSharpOption<int>.None,
        Line: FSharpOption<Line>.None,
        Prefix: FSharpOption<string>.None,
        MultiPrefix: FSharpOption<IEnumerable<string>>.None,
        Suffix: FSharpOption<string>.None,
        MultiSuffix: FSharpOption<IEnumerable<string>>.None,
        Values: FSharpOption<IEnumerable<string[]>>.Some(columns));
}
