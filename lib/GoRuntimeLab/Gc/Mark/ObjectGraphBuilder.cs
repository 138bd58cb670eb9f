// Mirrors: nothing in the runtime — builds the model's ObjectGraph (see ObjectGraph.cs), Go 1.8–1.23.
// Simplified: fields and locals are created by naming them; Pointer("A", "B") adds a field f0, f1… to A.
using System.Collections.Immutable;

namespace GoRuntimeLab.Gc.Mark;

/// <summary>Builds an <see cref="ObjectGraph"/> fluently; names must be identifiers, unique across globals, goroutines and objects.</summary>
public sealed class ObjectGraphBuilder
{
    private readonly List<string> objects = [];
    private readonly List<string> globals = [];
    private readonly List<string> goroutines = [];
    private readonly Dictionary<string, SlotKind?> kinds = new(StringComparer.Ordinal); // null kind: goroutine/object owner
    private readonly List<(SlotKind Kind, string Owner, string Name)> slots = [];
    private readonly Dictionary<(string Owner, string Name), string?> targets = [];

    internal ObjectGraphBuilder() { }

    /// <summary>Declares a global variable (a root), optionally already pointing at <paramref name="target"/>.</summary>
    public ObjectGraphBuilder Global(string name, string? target = null)
    {
        Declare(name, "global");
        globals.Add(name);
        kinds[name] = SlotKind.Global;
        AddSlot(SlotKind.Global, name, name);
        if (target is not null) targets[(name, name)] = target;
        return this;
    }

    /// <summary>Declares a goroutine with the given (nil) local variables; locals can also be added by <see cref="Pointer"/>.</summary>
    public ObjectGraphBuilder Goroutine(string name, params string[] locals)
    {
        ArgumentNullException.ThrowIfNull(locals);
        Declare(name, "goroutine");
        goroutines.Add(name);
        kinds[name] = SlotKind.Local;
        foreach (var l in locals) AddSlot(SlotKind.Local, name, CheckIdentifier(l, "local"));
        return this;
    }

    // CA1720: "Object" and "Pointer" read as the graph's vocabulary in a notebook cell (the design's fluent API).
#pragma warning disable CA1720
    /// <summary>Declares a heap object with the given (nil) pointer fields; fields can also be added by <see cref="Pointer"/>.</summary>
    public ObjectGraphBuilder Object(string name, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Declare(name, "object");
        objects.Add(name);
        kinds[name] = SlotKind.Field;
        foreach (var f in fields) AddSlot(SlotKind.Field, name, CheckIdentifier(f, "field"));
        return this;
    }

    /// <summary>
    /// Sets a pointer. <paramref name="from"/> is a global ("g"), a goroutine's local ("G1.a"), an object's field
    /// ("A.next"), or a bare goroutine/object name, which adds a new local (v0, v1…) or field (f0, f1…).
    /// <paramref name="to"/> is an object name (checked by <see cref="Build"/>).
    /// </summary>
    public ObjectGraphBuilder Pointer(string from, string to)
    {
        if (string.IsNullOrWhiteSpace(from)) throw KitInputException.For("empty slot name", parameter: "from");
        if (string.IsNullOrWhiteSpace(to)) throw KitInputException.For("empty target name", parameter: "to");
        var dot = from.IndexOf('.', StringComparison.Ordinal);
        var owner = dot < 0 ? from : from[..dot];
        if (!kinds.TryGetValue(owner, out var kind))
            throw KitInputException.For($"\"{owner}\" is not a declared global, goroutine or object", parameter: "from");
        string name;
        if (kind == SlotKind.Global)
        {
            if (dot >= 0) throw KitInputException.For($"\"{from}\": a global has no fields (write the global's name alone)", parameter: "from");
            name = owner;
        }
        else if (dot >= 0)
        {
            name = CheckIdentifier(from[(dot + 1)..], "from");
        }
        else
        {
            var prefix = kind == SlotKind.Local ? "v" : "f";
            var i = 0;
            while (targets.ContainsKey((owner, prefix + i)) || slots.Contains((kind!.Value, owner, prefix + i))) i++;
            name = prefix + i;
        }
        AddSlot(kind!.Value, owner, name);
        targets[(owner, name)] = to;
        return this;
    }

#pragma warning restore CA1720

    /// <summary>Checks every target and returns the immutable graph.</summary>
    public ObjectGraph Build()
    {
        var known = objects.ToHashSet(StringComparer.Ordinal);
        var built = ImmutableArray.CreateBuilder<GraphSlot>(slots.Count);
        // Globals first, then locals, then fields: the order the collector meets them.
        foreach (var order in (ReadOnlySpan<SlotKind>)[SlotKind.Global, SlotKind.Local, SlotKind.Field])
        {
            foreach (var (kind, owner, name) in slots.Where(s => s.Kind == order))
            {
                targets.TryGetValue((owner, name), out var target);
                if (target is not null && !known.Contains(target))
                {
                    var path = kind == SlotKind.Global ? name : $"{owner}.{name}";
                    throw KitInputException.For($"{path} points to \"{target}\", which is not a declared object", parameter: "to");
                }
                built.Add(new GraphSlot(kind, owner, name, target));
            }
        }
        return new ObjectGraph([.. objects], [.. globals], [.. goroutines], built.ToImmutable());
    }

    private void AddSlot(SlotKind kind, string owner, string name)
    {
        if (!slots.Contains((kind, owner, name))) slots.Add((kind, owner, name));
    }

    private void Declare(string name, string what)
    {
        CheckIdentifier(name, what);
        if (kinds.ContainsKey(name)) throw KitInputException.For($"\"{name}\" is already declared", parameter: what);
    }

    internal static string CheckIdentifier(string name, string parameter)
    {
        if (!IsIdentifier(name))
            throw KitInputException.For($"\"{name}\" is not a name (letters, digits and _, not starting with a digit; not nil/new)", parameter: parameter);
        return name;
    }

    internal static bool IsIdentifier(string? name) =>
        !string.IsNullOrEmpty(name) && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && name is not ("nil" or "new");
}
