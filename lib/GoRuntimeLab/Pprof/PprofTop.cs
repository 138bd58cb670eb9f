// Mirrors: github.com/google/pprof internal/report/report.go (newTrimmedGraph, selectOutputUnit, TextItems,
// reportLabels, ProfileLabels, computeTotal) and internal/graph/graph.go (newGraph, CreateNodes, nodeInfo,
// SortNodes FlatNameOrder, getNodesAboveCumCutoff, TrimLowFrequencyEdges), as vendored in Go 1.19-1.23, with the
// driver's -top defaults (granularity functions, nodefraction 0.005, edgefraction 0.001, nodecount 0, unit minimum).
// Simplified: no tags, no mean (-mean) or ratio (-divide_by), no call-tree mode, no cum sort.
using System.Globalization;

namespace GoRuntimeLab.Pprof;

/// <summary>Builds pprof's text report (<c>-top</c>) by function, rule for rule.</summary>
internal static class PprofTop
{
    private sealed class Node(string name)
    {
        public string Name { get; } = name;
        public long Flat { get; set; }
        public long Cum { get; set; }
        // In-edges: caller → (weight, all-inline?)
        public Dictionary<Node, (long Weight, bool Inline)> In { get; } = new(ReferenceEqualityComparer.Instance);
    }

    public static PprofTopReport Run(PprofProfile profile, TopOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var index = profile.SampleIndex(options.SampleIndex);
        var sampleType = profile.SampleTypes[index];
        var sampleUnit = sampleType.Unit.ToLowerInvariant();
        // report.New runs before applyFocus (relative percentages off): the total covers every sample.
        var total = profile.Total(index.ToString(CultureInfo.InvariantCulture));
        var filtered = profile.Filter(options.Focus, options.Ignore);

        // First step: the complete graph, then drop nodes whose |cum| is below nodefraction × Σflat.
        var graph = Build(filtered, index, null);
        var totalValue = graph.Sum(n => n.Flat);
        var nodeCutoff = Math.Abs((long)(totalValue * options.NodeFraction));
        var edgeCutoff = Math.Abs((long)(totalValue * options.EdgeFraction));
        var dropped = 0;
        if (nodeCutoff > 0)
        {
            var kept = graph.Where(n => Math.Abs(n.Cum) >= nodeCutoff).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            if (kept.Count != graph.Count)
            {
                dropped = graph.Count - kept.Count;
                graph = Build(filtered, index, kept);
            }
        }
        var origCount = graph.Count;
        Sort(graph);
        // Second step: -nodecount keeps the first K (in flat order) and rebuilds the graph from the samples.
        if (options.NodeCount > 0 && options.NodeCount < graph.Count)
        {
            graph = Build(filtered, index, graph.Take(options.NodeCount).Select(n => n.Name).ToHashSet(StringComparer.Ordinal));
            Sort(graph);
        }
        // Final step: low-weight edges go; the "(inline)" label looks at the edges left.
        foreach (var n in graph)
            foreach (var caller in n.In.Where(e => Math.Abs(e.Value.Weight) < edgeCutoff).Select(e => e.Key).ToList())
                n.In.Remove(caller);

        var outputUnit = SelectOutputUnit(graph, total, sampleUnit);
        string Format(long v) => PprofMeasurement.ScaledLabel(v, sampleUnit, outputUnit);

        var labels = ProfileLabels(profile, sampleType.Type, sampleUnit, total, Format).ToList();
        labels.AddRange(ReportLabels(options, graph, total, origCount, dropped, Format));

        var rows = new List<TopRow>();
        long flatSum = 0;
        foreach (var n in graph)
        {
            flatSum += n.Flat;
            var inline = n.In.Values.Any(e => e.Inline);
            var notInline = n.In.Values.Any(e => !e.Inline);
            var label = inline ? (notInline ? "(partial-inline)" : "(inline)") : "";
            rows.Add(new TopRow(n.Name, n.Flat, Percent(n.Flat, total), Percent(flatSum, total), n.Cum, Percent(n.Cum, total), label,
                Format(n.Flat), Format(n.Cum),
                PprofMeasurement.Percentage(n.Flat, total), PprofMeasurement.Percentage(flatSum, total), PprofMeasurement.Percentage(n.Cum, total)));
        }
        return new PprofTopReport(sampleType, total, labels, rows, outputUnit, dropped);
    }

    private static double Percent(long value, long total) => total == 0 ? 0 : 100.0 * value / total;

    // graph.newGraph: for each sample, walk the stack from the root (last location, last line) to the leaf; add
    // the sample's value to each distinct node's cum once, and to the leaf's flat unless the leaf was not kept
    // (a "residual" stack). Edges caller→callee are counted once per sample and are inline when the callee is not
    // the last line of its location.
    private static List<Node> Build(PprofProfile p, int index, HashSet<string>? kept)
    {
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var order = new List<Node>();
        Node? Get(string name)
        {
            if (kept is not null && !kept.Contains(name)) return null;
            if (!nodes.TryGetValue(name, out var n))
            {
                nodes[name] = n = new Node(name);
                order.Add(n);
            }
            return n;
        }
        var seenNodes = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var seenEdges = new HashSet<(Node, Node)>();
        foreach (var s in p.Samples)
        {
            var w = s.Values[index];
            if (w == 0) continue;
            seenNodes.Clear();
            seenEdges.Clear();
            Node? parent = null;
            var residual = false;
            for (var i = s.Locations.Count - 1; i >= 0; i--)
            {
                var names = NodeNames(s.Locations[i]);
                for (var ni = names.Count - 1; ni >= 0; ni--)
                {
                    var n = Get(names[ni]);
                    if (n is null)
                    {
                        residual = true;
                        continue;
                    }
                    if (seenNodes.Add(n)) n.Cum += w;
                    if (parent is not null && !ReferenceEquals(n, parent) && seenEdges.Add((parent, n)))
                    {
                        var inline = ni != names.Count - 1;
                        n.In[parent] = n.In.TryGetValue(parent, out var e) ? (e.Weight + w, e.Inline && inline) : (w, inline);
                    }
                    parent = n;
                    residual = false;
                }
            }
            if (parent is not null && !residual) parent.Flat += w;
        }
        return order.Where(n => n.Cum != 0 || n.Flat != 0).ToList();
    }

    // nodeInfo at granularity "functions": the function name; a location without lines is named by its binary.
    private static List<string> NodeNames(PprofLocation l)
    {
        if (l.Lines.Count == 0)
        {
            var file = l.Mapping?.FileName ?? "";
            return [file.Length > 0 ? $"[{Path.GetFileName(file)}]" : "<unknown>"];
        }
        return l.Lines.Select(x => x.Function.Name.Length > 0 ? x.Function.Name
            : l.Mapping is { FileName.Length: > 0 } m ? $"[{Path.GetFileName(m.FileName)}]" : "<unknown>").ToList();
    }

    // FlatNameOrder: |flat| descending, then name (Go's byte order), then |cum| descending.
    private static void Sort(List<Node> nodes) => nodes.Sort((l, r) =>
    {
        var c = Math.Abs(r.Flat).CompareTo(Math.Abs(l.Flat));
        if (c != 0) return c;
        c = string.CompareOrdinal(l.Name, r.Name);
        return c != 0 ? c : Math.Abs(r.Cum).CompareTo(Math.Abs(l.Cum));
    });

    // report.selectOutputUnit: the unit of the smallest non-zero value shown, one unit larger when that is
    // more than 100× below the total (so the smallest still prints as ≥ 0.01).
    private static string SelectOutputUnit(List<Node> graph, long total, string sampleUnit)
    {
        if (graph.Count == 0) return "minimum";
        long min = 0;
        foreach (var n in graph)
        {
            var v = Math.Abs(n.Flat);
            if (v == 0) v = Math.Abs(n.Cum);
            if (v > 0 && (min == 0 || v < min)) min = v;
        }
        var max = total;
        if (min == 0) min = max;
        var minUnit = PprofMeasurement.Scale(min, sampleUnit, "minimum").Unit;
        var maxUnit = PprofMeasurement.Scale(max, sampleUnit, "minimum").Unit;
        var unit = minUnit;
        if (minUnit != maxUnit && min < max / 100 + (max % 100 == 0 ? 0 : 1)) unit = PprofMeasurement.Scale(100 * min, sampleUnit, "minimum").Unit;
        return unit.Length > 0 ? unit : sampleUnit;
    }

    private static IEnumerable<string> ProfileLabels(PprofProfile p, string type, string sampleUnit, long total, Func<long, string> format)
    {
        if (p.Mappings.Count > 0)
        {
            if (p.Mappings[0].FileName.Length > 0) yield return "File: " + BaseName(p.Mappings[0].FileName);
            if (p.Mappings[0].BuildId.Length > 0) yield return "Build ID: " + p.Mappings[0].BuildId;
        }
        foreach (var c in p.Comments.Where(c => !c.StartsWith('#'))) yield return c;
        yield return "Type: " + type;
        if (p.Time is { } t)
        {
            // Go layout "Jan 2, 2006 at 3:04pm (MST)"; the kit prints UTC (the recordings were made with TZ=UTC).
            var u = t.UtcDateTime;
            var hour = u.Hour % 12 == 0 ? 12 : u.Hour % 12;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Time: {u.ToString("MMM", CultureInfo.InvariantCulture)} {u.Day}, {u.Year} at {hour}:{u.Minute:00}{(u.Hour < 12 ? "am" : "pm")} (UTC)");
        }
        if (p.DurationNanos != 0)
        {
            var duration = PprofMeasurement.Label(p.DurationNanos, "nanoseconds");
            var (totalNanos, totalUnit) = PprofMeasurement.Scale(total, sampleUnit, "nanoseconds");
            var ratio = totalUnit == "ns" && totalNanos != 0 ? "(" + PprofMeasurement.Percentage((long)totalNanos, p.DurationNanos) + ")" : "";
            yield return $"Duration: {duration}, Total samples = {format(total)} {ratio}";
        }
    }

    private static IEnumerable<string> ReportLabels(TopOptions o, List<Node> graph, long total, int origCount, int dropped, Func<long, string> format)
    {
        var filters = o.ActiveFilters;
        if (filters.Count > 0)
        {
            yield return "Active filters:";
            foreach (var f in filters) yield return "   " + (f.Length > 80 ? f[..80] + "…" : f);
        }
        var flatSum = graph.Sum(n => n.Flat);
        yield return $"Showing nodes accounting for {format(flatSum)}, {PprofMeasurement.Percentage(flatSum, total).Trim()} of {format(total)} total";
        if (total != 0)
        {
            if (dropped > 0)
                yield return $"Dropped {dropped} node{(dropped > 1 ? "s" : "")} (cum <= {format(Math.Abs((long)(total * o.NodeFraction)))})";
            if (graph.Count > 0 && graph.Count < origCount) yield return $"Showing top {graph.Count} nodes out of {origCount}";
        }
    }

    // filepath.Base on a slash path (profiles from Linux/macOS); also accepts backslashes.
    private static string BaseName(string path)
    {
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0) return "/";
        var cut = trimmed.LastIndexOfAny(['/', '\\']);
        return cut < 0 ? trimmed : trimmed[(cut + 1)..];
    }
}
