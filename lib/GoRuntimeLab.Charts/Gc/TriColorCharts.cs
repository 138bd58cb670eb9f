using System.Globalization;
using GoRuntimeLab.Gc.Mark;
using Plotly.NET;

namespace GoRuntimeLab.Charts.Gc;

/// <summary>
/// The tri-colour mark as a graph with a step slider: one node trace restyled per <see cref="MarkState"/>, pointers
/// as arrow annotations, the step's caption as the title.
/// </summary>
/// <remarks>
/// Built as Plotly "update" slider steps rather than animation frames: the kit's formatter draws a chart with
/// <c>Plotly.newPlot(id, data, layout)</c>, which drops <c>frames</c>, while sliders live in the layout and survive.
/// The trace and the slider are set through Plotly.NET's DynamicObj level (<see cref="Plotly.NET.Trace"/>, <see cref="Layout"/>)
/// because Plotly.NET.CSharp has no per-point marker symbols or outline colours and its SliderStep arguments put
/// every non-"visible" key into the layout half (no restyle of x/y/marker per step).
/// </remarks>
public static class TriColorCharts
{
    private const string WhiteFill = "#ffffff";
    private const string GreyFill = "#9e9e9e";
    private const string BlackFill = "#1f1f1f";
    private const string BrokenOutline = "#d62728";

    /// <summary>
    /// A slider over every step of <paramref name="run"/>: nodes white/grey/black (roots as squares, objects as
    /// circles, freed objects as red crosses, objects breaking the invariant outlined red), pointers as arrows, and
    /// the step's caption as the title. Layout is deterministic: roots on top, then objects by their distance from
    /// the roots in the initial graph, objects allocated during the cycle and initial garbage in the bottom rows.
    /// </summary>
    public static GenericChart Steps(MarkRun run, string? title = null, int width = 900, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(run);
        var positions = Positions(run);
        var heading = title ?? run.Config.ToString();
        // One trace; each slider step restyles it (x, y, text, marker arrays) and relayouts arrows and title.
        // Plain dictionaries serialize far faster than one Plotly.NET trace object per step.
        var steps = run.States.Select((state, i) => (object)new Dictionary<string, object>
        {
            ["method"] = "update",
            ["label"] = i.ToString(CultureInfo.InvariantCulture),
            ["args"] = new object[]
            {
                Nodes(state, positions).ToDictionary(kv => kv.Key, kv => (object)new[] { kv.Value }),
                new Dictionary<string, object>
                {
                    ["annotations"] = Arrows(state, positions),
                    ["title.text"] = Title(heading, state),
                },
            },
        }).ToList();

        var trace = new Plotly.NET.Trace("scatter");
        trace.SetProperty("mode", "markers+text");
        trace.SetProperty("textposition", "middle center");
        trace.SetProperty("hoverinfo", "text");
        var first = Nodes(run.States[0], positions);
        trace.SetProperty("x", first["x"]);
        trace.SetProperty("y", first["y"]);
        trace.SetProperty("text", first["text"]);
        trace.SetProperty("textfont", new Dictionary<string, object> { ["color"] = first["textfont.color"], ["size"] = 11 });
        trace.SetProperty("hovertext", first["hovertext"]);
        trace.SetProperty("marker", new Dictionary<string, object>
        {
            ["size"] = 32,
            ["color"] = first["marker.color"],
            ["symbol"] = first["marker.symbol"],
            ["line"] = new Dictionary<string, object> { ["color"] = first["marker.line.color"], ["width"] = first["marker.line.width"] },
        });

        var layout = new Layout();
        layout.SetProperty("annotations", Arrows(run.States[0], positions));
        layout.SetProperty("showlegend", false);
        var lowest = positions.Values.Min(p => p.Y);
        layout.SetProperty("xaxis", Axis(-0.02, 1.02));
        layout.SetProperty("yaxis", Axis(lowest - 0.4, 0.6));
        layout.SetProperty("plot_bgcolor", "#f4f6fa");
        layout.SetProperty("margin", new Dictionary<string, object> { ["l"] = 20, ["r"] = 20, ["t"] = 90, ["b"] = 20 });
        layout.SetProperty("sliders", new object[]
        {
            new Dictionary<string, object>
            {
                ["active"] = 0,
                ["steps"] = steps,
                ["currentvalue"] = new Dictionary<string, object> { ["prefix"] = "step ", ["font"] = new Dictionary<string, object> { ["size"] = 12 } },
                ["pad"] = new Dictionary<string, object> { ["t"] = 30 },
            },
        });

        var chart = Plotly.NET.Chart.withLayout(layout).Invoke(GenericChart.ofTraceObject(true, trace));
        return Plotly.NET.CSharp.GenericChartExtensions.WithSize(ChartStyle.WithTitle(chart, Title(heading, run.States[0])), Width: width, Height: height);
    }

    /// <summary>The node position of every root and object that appears in any step (deterministic).</summary>
    public static IReadOnlyDictionary<string, (double X, double Y)> Positions(MarkRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var first = run.States[0];
        var rows = new List<List<string>> { first.Roots.Select(r => r.Name).ToList() };
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var frontier = first.Edges.Where(e => first.Roots.Any(r => r.Name == e.From)).Select(e => e.To).Distinct().ToList();
        for (var d = 1; frontier.Count > 0; d++)
        {
            foreach (var o in frontier) depth[o] = d;
            frontier = first.Edges.Where(e => frontier.Contains(e.From)).Select(e => e.To).Where(o => !depth.ContainsKey(o)).Distinct().ToList();
        }
        var maxDepth = depth.Count == 0 ? 0 : depth.Values.Max();
        for (var d = 1; d <= maxDepth; d++) rows.Add(first.Objects.Select(o => o.Name).Where(o => depth.GetValueOrDefault(o) == d).ToList());
        rows.Add(run.Allocated.ToList());
        rows.Add(first.Objects.Select(o => o.Name).Where(o => !depth.ContainsKey(o)).ToList());
        var positions = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        var y = 0;
        foreach (var row in rows.Where(r => r.Count > 0))
        {
            for (var i = 0; i < row.Count; i++) positions[row[i]] = ((i + 1.0) / (row.Count + 1.0), -y);
            y++;
        }
        return positions;
    }

    private static string Title(string heading, MarkState s)
    {
        var caption = string.Join("<br>", s.Events.Select(e => System.Net.WebUtility.HtmlEncode(TriColorText.Event(e))));
        var warn = s.InvariantHolds ? "" : $" <span style=\"color:{BrokenOutline}\">⚠ 不变式被破坏 invariant broken: {string.Join(", ", s.InvariantBreaks)}</span>";
        return $"{System.Net.WebUtility.HtmlEncode(heading)} · 第 {s.Step} 步 [{System.Net.WebUtility.HtmlEncode(TriColorText.Phase(s.Phase))}]{warn}<br><span style=\"font-size:12px\">{caption}</span>";
    }

    private static Dictionary<string, object> Nodes(MarkState s, IReadOnlyDictionary<string, (double X, double Y)> at)
    {
        var names = new List<string>();
        var fills = new List<string>();
        var symbols = new List<string>();
        var outlines = new List<string>();
        var widths = new List<double>();
        var hover = new List<string>();
        foreach (var r in s.Roots)
        {
            names.Add(r.Name);
            fills.Add(Fill(r.Color));
            symbols.Add("square");
            outlines.Add("#333333");
            widths.Add(1.5);
            hover.Add($"{r.Kind} {r.Name}: {r.Color}, scanned {r.Scans}×");
        }
        foreach (var o in s.Objects)
        {
            var broken = s.InvariantBreaks.Contains(o.Name);
            names.Add(o.Name);
            fills.Add(Fill(o.Color));
            symbols.Add("circle");
            outlines.Add(broken ? BrokenOutline : "#333333");
            widths.Add(broken ? 4 : 1.5);
            hover.Add($"{o.Name}: {o.Color}{(o.AllocatedDuringMark ? " (allocated black)" : "")}{(broken ? " — invariant broken" : "")}");
        }
        foreach (var f in s.Freed)
        {
            names.Add(f);
            fills.Add(BrokenOutline);
            symbols.Add("x");
            outlines.Add(BrokenOutline);
            widths.Add(1);
            hover.Add($"{f}: freed by the sweep");
        }
        var keys = names.Select(n => n.Split(' ')[0]).ToList();
        return new Dictionary<string, object>
        {
            ["x"] = keys.Select(k => at[k].X).ToArray(),
            ["y"] = keys.Select(k => at[k].Y).ToArray(),
            ["text"] = names.ToArray(),
            ["hovertext"] = hover.ToArray(),
            ["marker.color"] = fills.ToArray(),
            ["marker.symbol"] = symbols.ToArray(),
            ["marker.line.color"] = outlines.ToArray(),
            ["marker.line.width"] = widths.ToArray(),
            // Labels sit inside the nodes (arrows arrive from every side): light text on black nodes.
            ["textfont.color"] = fills.Select(f => f == BlackFill ? "#ffffff" : "#1f1f1f").ToArray(),
        };
    }

    private static object[] Arrows(MarkState s, IReadOnlyDictionary<string, (double X, double Y)> at) =>
        s.Edges.Where(e => at.ContainsKey(e.From) && at.ContainsKey(e.To)).Select(e =>
        {
            var (x0, y0) = at[e.From];
            var (x1, y1) = at[e.To];
            var self = e.From == e.To;
            return (object)new Dictionary<string, object>
            {
                ["x"] = x1, ["y"] = y1, ["ax"] = self ? x1 + 0.04 : x0, ["ay"] = self ? y1 + 0.25 : y0,
                ["xref"] = "x", ["yref"] = "y", ["axref"] = "x", ["ayref"] = "y",
                ["showarrow"] = true, ["arrowhead"] = 2, ["arrowsize"] = 1.2, ["arrowwidth"] = 1.4,
                ["arrowcolor"] = "#607d8b", ["standoff"] = 17, ["startstandoff"] = 16, ["text"] = "",
                ["hovertext"] = e.Slot,
            };
        }).ToArray();

    private static Dictionary<string, object> Axis(double from, double to) => new()
    {
        ["visible"] = false, ["showgrid"] = false, ["zeroline"] = false, ["range"] = new[] { from, to }, ["fixedrange"] = true,
    };

    private static string Fill(MarkColor c) => c switch
    {
        MarkColor.Grey => GreyFill,
        MarkColor.Black => BlackFill,
        _ => WhiteFill,
    };
}
