// Mirrors: the tree description read by data/go/ctxtree (treeSpec: nodes and a script of steps), same JSON.
using System.Text.Json;
using GoRuntimeLab.IO;
using static System.FormattableString;

namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>A context tree and a script of cancellations and checks, validated when made.</summary>
public sealed record ContextTreeSpec
{
    /// <summary>Tree files are small: 1 MiB at most.</summary>
    public static readonly KitReadLimits Limits = new("context tree", 1 << 20);

    /// <summary>Latest time a tree may name: 10^12 ms (about 31 years).</summary>
    public const long MaxMs = 1_000_000_000_000;

    /// <summary>At most 10,000 nodes and 10,000 steps.</summary>
    public const int MaxItems = 10_000;

    /// <summary>Checks and builds a spec.</summary>
    /// <exception cref="KitInputException">Duplicate or missing names, a parent made later than its child, steps out of
    /// time order, a cancel of a node that has no cancel function, …; the parameter is "tree".</exception>
    public ContextTreeSpec(IReadOnlyList<ContextNodeSpec> nodes, IReadOnlyList<ContextStep> steps)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(steps);
        if (nodes.Count == 0 || nodes.Count > MaxItems || steps.Count > MaxItems)
            throw Bad(Invariant($"needs 1 to {MaxItems} nodes and at most {MaxItems} steps (got {nodes.Count} and {steps.Count})"));
        var byName = new Dictionary<string, ContextNodeSpec>(StringComparer.Ordinal);
        foreach (var n in nodes)
        {
            if (string.IsNullOrWhiteSpace(n.Name)) throw Bad("a node has no name");
            if (!byName.TryAdd(n.Name, n)) throw Bad($"two nodes are named {n.Name}");
            if (n.Kind == ContextKind.Background)
            {
                if (n.Parent is not null) throw Bad($"{n.Name}: a Background context has no parent");
            }
            else if (n.Parent is null || !byName.TryGetValue(n.Parent, out var parent))
                throw Bad($"{n.Name}: parent {n.Parent ?? "(none)"} is not a node listed before it");
            else if (parent.Kind == ContextKind.AfterFunc) throw Bad($"{n.Name}: {parent.Name} is an AfterFunc, not a context");
            else if (parent.CreateAt > n.CreateAt) throw Bad($"{n.Name}: made before its parent {parent.Name}");
            if (n.Ms is < 0 or > MaxMs || n.CreateAt is < 0 or > MaxMs) throw Bad(Invariant($"{n.Name}: times must be 0 to {MaxMs} ms"));
        }
        long last = 0;
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in steps)
        {
            if (s.At > MaxMs) throw Bad(Invariant($"step times must be at most {MaxMs} ms (got {s.At})"));
            if (s.At < last) throw Bad(Invariant($"steps must be in time order ({s.At} ms after {last} ms)"));
            last = s.At;
            if (s.Do == ContextStepKind.Check) continue;
            if (s.Node is null || !byName.TryGetValue(s.Node, out var n)) throw Bad(Invariant($"step at {s.At} ms: no node {s.Node ?? "(none)"}"));
            switch (s.Do)
            {
                case ContextStepKind.Cancel when n.Kind is ContextKind.Background or ContextKind.WithoutCancel or ContextKind.AfterFunc:
                    throw Bad($"{n.Name}: a {n.Kind} has no cancel function");
                case ContextStepKind.Stop when n.Kind != ContextKind.AfterFunc:
                    throw Bad($"{n.Name}: only an AfterFunc has a stop function");
                case ContextStepKind.Create when n.CreateAt != s.At || !created.Add(n.Name):
                    throw Bad(Invariant($"{n.Name}: created at {s.At} ms but its createAt is {n.CreateAt} (or it is created twice)"));
            }
        }
        foreach (var n in nodes.Where(n => n.CreateAt > 0 && !created.Contains(n.Name)))
            throw Bad($"{n.Name}: has createAt {n.CreateAt} but no create step");
        Nodes = nodes;
        Steps = steps;
    }

    /// <summary>The nodes, parents first.</summary>
    public IReadOnlyList<ContextNodeSpec> Nodes { get; }

    /// <summary>The script, in time order.</summary>
    public IReadOnlyList<ContextStep> Steps { get; }

    /// <summary>The oldest Go release that has every kind used (1.19, 1.20 for WithCancelCause, 1.21 for the rest).</summary>
    public GoVersion MinimumVersion => Nodes.Max(n => n.Kind switch
    {
        ContextKind.CancelCause => GoVersion.Go1_20,
        ContextKind.TimeoutCause or ContextKind.DeadlineCause or ContextKind.WithoutCancel or ContextKind.AfterFunc => GoVersion.Go1_21,
        _ => GoVersion.Go1_19,
    })!;

    /// <summary>Reads a tree file (the JSON of data/go/ctxtree/tree-*.json).</summary>
    public static ContextTreeSpec Read(string path) => Parse(KitFile.ReadAllText(path, Limits, "tree"), path);

    /// <summary>Parses a tree from a stream (within <paramref name="limits"/>, default <see cref="Limits"/>).</summary>
    public static ContextTreeSpec Parse(Stream stream, string source, KitReadLimits? limits = null) =>
        Parse(KitFile.ReadAllText(stream, source, limits ?? Limits), source);

    /// <summary>Parses the JSON of a tree file; errors name <paramref name="source"/>.</summary>
    public static ContextTreeSpec Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var nodes = root.GetProperty("nodes").EnumerateArray().Select(n => new ContextNodeSpec(
                n.GetProperty("name").GetString() ?? "",
                n.TryGetProperty("parent", out var p) ? p.GetString() : null,
                ParseKind(n.GetProperty("kind").GetString()),
                n.TryGetProperty("ms", out var ms) ? ms.GetInt64() : 0,
                n.TryGetProperty("cause", out var c) ? c.GetString() : null,
                n.TryGetProperty("createAt", out var ca) ? ca.GetInt64() : 0)).ToList();
            var steps = root.TryGetProperty("steps", out var st)
                ? st.EnumerateArray().Select(s => new ContextStep(
                    s.GetProperty("at").GetInt64(),
                    ParseStep(s.GetProperty("do").GetString()),
                    s.TryGetProperty("node", out var nn) ? nn.GetString() : null,
                    s.TryGetProperty("cause", out var sc) ? sc.GetString() : null)).ToList()
                : [];
            return new ContextTreeSpec(nodes, steps);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw KitInputException.For($"not a context tree: {KitText.Excerpt(e.Message, 200)}", parameter: "tree", file: source);
        }
        catch (KitInputException e) when (e.FilePath is null)
        {
            throw KitInputException.For(e.Reason, parameter: "tree", file: source);
        }
    }

    private static ContextKind ParseKind(string? kind) => kind switch
    {
        "background" => ContextKind.Background,
        "cancel" => ContextKind.Cancel,
        "cancelCause" => ContextKind.CancelCause,
        "timeout" => ContextKind.Timeout,
        "deadline" => ContextKind.Deadline,
        "timeoutCause" => ContextKind.TimeoutCause,
        "deadlineCause" => ContextKind.DeadlineCause,
        "withoutCancel" => ContextKind.WithoutCancel,
        "afterFunc" => ContextKind.AfterFunc,
        _ => throw new FormatException($"unknown kind \"{kind}\""),
    };

    private static ContextStepKind ParseStep(string? verb) => verb switch
    {
        "check" => ContextStepKind.Check,
        "cancel" => ContextStepKind.Cancel,
        "stop" => ContextStepKind.Stop,
        "create" => ContextStepKind.Create,
        _ => throw new FormatException($"unknown step \"{verb}\""),
    };

    private static KitInputException Bad(string reason) => KitInputException.For(KitText.Excerpt(reason, 300), parameter: "tree");
}
