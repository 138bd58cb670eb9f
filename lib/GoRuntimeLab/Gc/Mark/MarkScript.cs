// Mirrors: a chosen interleaving of the collector (gcDrain steps) and mutator statements, Go 1.8–1.23.
// Simplified: statements due while the world is stopped wait until it restarts; after the script the cycle runs to its end.
using System.Collections.Immutable;

namespace GoRuntimeLab.Gc.Mark;

/// <summary>
/// An immutable, scripted mutator: <c>MarkScript.Begin().GcUntilBlack("A").Run("G1", "c = b.next").Run("G1", "a.next = c")</c>.
/// Each call returns a new script. After the last entry the simulator finishes the cycle with GC steps only.
/// </summary>
public sealed class MarkScript
{
    private MarkScript(ImmutableArray<MarkScriptItem> items) => Items = items;

    /// <summary>The entries in order.</summary>
    public ImmutableArray<MarkScriptItem> Items { get; }

    /// <summary>An empty script (no mutator at all: the collector runs alone).</summary>
    public static MarkScript Begin() => new([]);

    /// <summary>Runs <paramref name="steps"/> GC steps (gcStart counts as one, each root job and each scanobject as one).</summary>
    public MarkScript Gc(int steps = 1) =>
        steps is >= 1 and <= 100_000
            ? new([.. Items, new MarkScriptItem(MarkScriptItemKind.Gc, steps, null, null)])
            : throw KitInputException.For($"{steps}: expected 1 to 100000 GC steps", parameter: "steps");

    /// <summary>Runs GC steps until <paramref name="name"/> — an object, or a global/goroutine root — is black, or — for a root — until its markroot job has run.</summary>
    public MarkScript GcUntilBlack(string name) =>
        ObjectGraphBuilder.IsIdentifier(name)
            ? new([.. Items, new MarkScriptItem(MarkScriptItemKind.GcUntilBlack, 0, name, null)])
            : throw KitInputException.For($"\"{name}\" is not an object, global or goroutine name", parameter: "name");

    /// <summary>Runs one statement (e.g. <c>"a.next = c"</c>) on goroutine <paramref name="goroutine"/>.</summary>
    public MarkScript Run(string goroutine, string statement) =>
        ObjectGraphBuilder.IsIdentifier(goroutine)
            ? new([.. Items, new MarkScriptItem(MarkScriptItemKind.Statement, 0, goroutine, MutatorStatement.Parse(statement))])
            : throw KitInputException.For($"\"{goroutine}\" is not a goroutine name", parameter: "goroutine");

    public override string ToString() => Items.IsEmpty ? "MarkScript (empty)" : "MarkScript: " + string.Join("; ", Items);
}
