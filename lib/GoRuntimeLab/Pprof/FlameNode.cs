// Mirrors: what pprof's flame graph view shows (internal/driver/flamegraph.go: one box per call path, width =
// cumulative value), Go 1.19-1.23. Simplified: by function name (inlined frames expanded), no per-line boxes.
// Every walk is iterative: a profile may hold stacks thousands of frames deep (no recursion on input depth).
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Pprof;

/// <summary>
/// One box of a flame graph: a call path from the root (a function called by the same chain of callers),
/// its cumulative <see cref="Value"/> (the box's width), its <see cref="Self"/> value (samples that stop here)
/// and its callees. The root is a synthetic "root" box holding the whole total.
/// </summary>
public sealed record FlameNode(string Name, long Value, long Self, IReadOnlyList<FlameNode> Children)
{
    /// <summary>The longest <see cref="Flatten"/> path kept as text; deeper boxes get a short unique id.</summary>
    public const int MaxPathChars = 512;

    /// <summary>
    /// Every box with its path ("root;main.main;main.work"), parent path first — icicle/sunburst input. A path longer
    /// than <see cref="MaxPathChars"/> (only in stacks far deeper than Go records) is replaced by "#N", N the box's
    /// number in this walk, so ids stay unique and the walk costs memory in proportion to the boxes, not depth².
    /// </summary>
    public IEnumerable<(string Path, string? ParentPath, FlameNode Node)> Flatten()
    {
        var stack = new Stack<(string Path, string? Parent, FlameNode Node)>();
        stack.Push((Name, null, this));
        var number = 0;
        while (stack.Count > 0)
        {
            var (path, parent, node) = stack.Pop();
            number++;
            yield return (path, parent, node);
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                var child = node.Children[i];
                var childPath = path.Length + 1 + child.Name.Length <= MaxPathChars && !path.StartsWith('#')
                    ? path + ";" + child.Name
                    : string.Create(CultureInfo.InvariantCulture, $"#{number}.{i}");
                stack.Push((childPath, path, child));
            }
        }
    }

    /// <summary>Number of boxes below and including this one.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            var stack = new Stack<FlameNode>();
            stack.Push(this);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                count++;
                foreach (var c in n.Children) stack.Push(c);
            }
            return count;
        }
    }

    /// <summary>The call tree as indented text, widest first, down to <paramref name="maxDepth"/> levels.</summary>
    public string Render(int maxDepth = 8)
    {
        var sb = new StringBuilder();
        var stack = new Stack<(FlameNode Node, int Depth)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (n, depth) = stack.Pop();
            sb.Append(' ', depth * 2).Append(n.Name).Append("  ").Append(n.Value);
            if (n.Self != 0) sb.Append(" (self ").Append(n.Self).Append(')');
            sb.Append('\n');
            if (depth < maxDepth)
                for (var i = n.Children.Count - 1; i >= 0; i--) stack.Push((n.Children[i], depth + 1));
        }
        return sb.ToString();
    }

    public override string ToString() => $"{Name}: {Value} ({Children.Count} callees, {Count} boxes)";

    // The caller has checked that the sample type's Σ|value| fits in a long (PprofProfile.TotalOf), so no sum overflows.
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
        return Mutable.Freeze(root);
    }

    private sealed class Mutable(string name)
    {
        public string Name { get; } = name;
        public long Value { get; set; }
        public long Self { get; set; }
        public Dictionary<string, Mutable> Children { get; } = new(StringComparer.Ordinal);
        private FlameNode? _frozen;

        // Children widest first, then by name, so the picture and the text are deterministic. Post-order without recursion.
        public static FlameNode Freeze(Mutable root)
        {
            var stack = new Stack<(Mutable Node, bool ChildrenDone)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (n, childrenDone) = stack.Pop();
                if (!childrenDone)
                {
                    stack.Push((n, true));
                    foreach (var c in n.Children.Values) stack.Push((c, false));
                    continue;
                }
                n._frozen = new FlameNode(n.Name, n.Value, n.Self, n.Children.Values
                    .OrderByDescending(c => Math.Abs(c.Value)).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => c._frozen!).ToList());
                foreach (var c in n.Children.Values) c._frozen = null;
            }
            return root._frozen!;
        }
    }
}
