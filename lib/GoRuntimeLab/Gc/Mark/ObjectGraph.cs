// Mirrors: what runtime/mgcmark.go traverses — globals (markrootBlock), goroutine stacks (scanstack), heap objects
// (scanobject) — Go 1.8–1.23. Simplified: named objects with named pointer slots instead of memory, bitmaps and spans.
using System.Collections.Immutable;

namespace GoRuntimeLab.Gc.Mark;

/// <summary>
/// An immutable object graph: heap objects with pointer fields, and the roots — globals and goroutine stacks with
/// local variables. Build one by hand with <see cref="Builder"/> or at random with <see cref="Random"/>.
/// </summary>
public sealed class ObjectGraph
{
    internal ObjectGraph(ImmutableArray<string> objects, ImmutableArray<string> globals, ImmutableArray<string> goroutines,
        ImmutableArray<GraphSlot> slots)
    {
        Objects = objects;
        Globals = globals;
        Goroutines = goroutines;
        Slots = slots;
    }

    /// <summary>Heap objects, in declaration order.</summary>
    public ImmutableArray<string> Objects { get; }

    /// <summary>Global variables (roots), in declaration order: the order of the globals block jobs.</summary>
    public ImmutableArray<string> Globals { get; }

    /// <summary>Goroutines, in creation order: the order of their stack jobs (allgs).</summary>
    public ImmutableArray<string> Goroutines { get; }

    /// <summary>Every pointer slot (globals, then locals, then fields, each in declaration order), nil ones included.</summary>
    public ImmutableArray<GraphSlot> Slots { get; }

    /// <summary>The non-nil slots.</summary>
    public IEnumerable<GraphSlot> Pointers => Slots.Where(s => s.Target is not null);

    /// <summary>Starts a hand-built graph: <c>ObjectGraph.Builder().Global("g").Object("A").Pointer("g", "A")…Build()</c>.</summary>
    public static ObjectGraphBuilder Builder() => new();

    /// <summary>The objects reachable from the roots (globals and stack locals), in breadth-first order.</summary>
    public ImmutableArray<string> Reachable()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        var queue = new Queue<string>();
        foreach (var s in Slots.Where(s => s.Kind != SlotKind.Field && s.Target is not null))
        {
            if (seen.Add(s.Target!)) { order.Add(s.Target!); queue.Enqueue(s.Target!); }
        }
        while (queue.Count > 0)
        {
            var o = queue.Dequeue();
            foreach (var s in Slots.Where(s => s.Kind == SlotKind.Field && s.Owner == o && s.Target is not null))
            {
                if (seen.Add(s.Target!)) { order.Add(s.Target!); queue.Enqueue(s.Target!); }
            }
        }
        return [.. order];
    }

    /// <summary>
    /// A seeded random graph: <paramref name="objects"/> objects (A, B, … or O1, O2, … beyond 26), <paramref name="edges"/>
    /// heap pointers between random objects (self-pointers allowed), and <paramref name="roots"/> root slots, each a
    /// global (g1, g2…) or a local (p1, p2…) of one of <paramref name="goroutines"/> goroutines (G1, G2…), pointing at a
    /// random object. Same arguments ⇒ same graph.
    /// </summary>
    public static ObjectGraph Random(int objects, int edges, int roots, int seed, int goroutines = 2)
    {
        if (objects is < 1 or > 500) throw KitInputException.For($"{objects} objects: expected 1 to 500", parameter: "objects");
        if (edges is < 0 or > 4000) throw KitInputException.For($"{edges} edges: expected 0 to 4000", parameter: "edges");
        if (roots is < 1 or > 200) throw KitInputException.For($"{roots} roots: expected 1 to 200", parameter: "roots");
        if (goroutines is < 1 or > 50) throw KitInputException.For($"{goroutines} goroutines: expected 1 to 50", parameter: "goroutines");
        var rng = new System.Random(seed);
        var b = Builder();
        var names = Enumerable.Range(0, objects).Select(i => objects <= 26 ? ((char)('A' + i)).ToString() : $"O{i + 1}").ToArray();
        for (var g = 1; g <= goroutines; g++) b.Goroutine($"G{g}");
        var globals = 0;
        var locals = new int[goroutines];
        var rootSlots = new List<string>();
        for (var r = 0; r < roots; r++)
        {
            // One root in three is a global: most roots of a Go program are stack locals.
            if (rng.Next(3) == 0)
            {
                var name = $"g{++globals}";
                b.Global(name);
                rootSlots.Add(name);
            }
            else
            {
                var g = rng.Next(goroutines);
                rootSlots.Add($"G{g + 1}.p{++locals[g]}");
            }
        }
        foreach (var n in names) b.Object(n);
        foreach (var slot in rootSlots) b.Pointer(slot, names[rng.Next(objects)]);
        var fields = new int[objects];
        for (var e = 0; e < edges; e++)
        {
            var from = rng.Next(objects);
            b.Pointer($"{names[from]}.f{fields[from]++}", names[rng.Next(objects)]);
        }
        return b.Build();
    }

    public override string ToString() =>
        $"ObjectGraph: {Objects.Length} objects, {Globals.Length} globals, {Goroutines.Length} goroutines, " +
        $"{Pointers.Count()} pointers ({Reachable().Length} objects reachable from the roots)";
}
