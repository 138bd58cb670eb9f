// Mirrors: what pprof's flame graph view shows (internal/driver/flamegraph.go: one box per call path, width =
// cumulative value), Go 1.19-1.23. Simplified: by function name (inlined frames expanded), no per-line boxes.
using System.Text;

namespace GoRuntimeLab.Pprof;

/// <summary>
/// One box of a flame graph: a call path from the root (a function called by the same chain of callers),
/// its cumulative <see cref="Value"/> (the box's width), its <see cref="Self"/> value (samples that stop here)
/// and its callees. The root is a synthetic "root" box holding the whole total.
/// </summary>
public sealed record FlameNode(string Name, long Value, long Self, IReadOnlyList<FlameNode> Children)
{
    /// <summary>Every box with its path ("root;main.main;main.work"), parent path first — icicle/sunburst input.</summary>
    public IEnumerable<(string Path, string? ParentPath, FlameNode Node)> Flatten()
    {
        var stack = new Stack<(string Path, string? Parent, FlameNode Node)>();
        stack.Push((Name, null, this));
        while (stack.Count > 0)
        {
            var (path, parent, node) = stack.Pop();
            yield return (path, parent, node);
            for (var i = node.Children.Count - 1; i >= 0; i--) stack.Push((path + ";" + node.Children[i].Name, path, node.Children[i]));
        }
    }

    /// <summary>Number of boxes below and including this one.</summary>
    public int Count => 1 + Children.Sum(c => c.Count);

    /// <summary>The call tree as indented text, widest first, down to <paramref name="maxDepth"/> levels.</summary>
    public string Render(int maxDepth = 8)
    {
        var sb = new StringBuilder();
        void Walk(FlameNode n, int depth)
        {
            sb.Append(' ', depth * 2).Append(n.Name).Append("  ").Append(n.Value);
            if (n.Self != 0) sb.Append(" (self ").Append(n.Self).Append(')');
            sb.Append('\n');
            if (depth < maxDepth) foreach (var c in n.Children) Walk(c, depth + 1);
        }
        Walk(this, 0);
        return sb.ToString();
    }

    public override string ToString() => $"{Name}: {Value} ({Children.Count} callees, {Count} boxes)";

    internal static FlameNode Build(PprofProfile profile, int index)
    {
        var root = new Mutable("root");
        foreach (var s in profile.Samples)
        {
            var w = s.Values[index];
            if (w == 0) continue;
            var stack = s.Stack;
            var node = root;
            node.Value += w;
            for (var i = stack.Count - 1; i >= 0; i--)
            {
                if (!node.Children.TryGetValue(stack[i], out var child)) node.Children[stack[i]] = child = new Mutable(stack[i]);
                node = child;
                node.Value += w;
            }
            node.Self += w;
        }
        return root.Freeze();
    }

    private sealed class Mutable(string name)
    {
        public string Name { get; } = name;
        public long Value { get; set; }
        public long Self { get; set; }
        public Dictionary<string, Mutable> Children { get; } = new(StringComparer.Ordinal);

        // Children widest first, then by name, so the picture and the text are deterministic.
        public FlameNode Freeze() => new(Name, Value, Self, Children.Values
            .OrderByDescending(c => Math.Abs(c.Value)).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Freeze()).ToList());
    }
}
