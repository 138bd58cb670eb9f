// Mirrors: the collector's state between two steps — gcphase, mark bits, gcWork queue, work.markrootNext,
// gp.gcscandone, writeBarrier.enabled (runtime/mgc.go, mgcmark.go), Go 1.8–1.23. Simplified: a full snapshot per step.
using System.Collections.Immutable;

namespace GoRuntimeLab.Gc.Mark;

/// <summary>An immutable snapshot after one step, for tables and animations.</summary>
/// <param name="Step">0 for the initial graph, then 1, 2, …</param>
/// <param name="Phase">The phase after the step.</param>
/// <param name="Kind">What the step did.</param>
/// <param name="Events">What happened, in order, e.g. "markroot: scanned stack of G2", "G1: a.next = c ⇒ A.next = C",
/// "write barrier (Hybrid) shaded C".</param>
/// <param name="Objects">Live heap objects with their colours, in a stable order (graph order, then allocation order).</param>
/// <param name="Roots">Globals and goroutine stacks with their colours.</param>
/// <param name="Edges">Every non-nil pointer.</param>
/// <param name="GreyQueue">The grey objects waiting to be scanned, bottom to top (the top is scanned next: LIFO like gcWork).</param>
/// <param name="WriteBarrierOn">writeBarrier.enabled: true from sweep termination to mark termination.</param>
/// <param name="InvariantBreaks">Objects that break the configured tri-colour invariant after this step (empty: it holds).</param>
/// <param name="Freed">Objects freed by this step (the sweep).</param>
public sealed record MarkState(
    int Step,
    MarkPhase Phase,
    MarkStepKind Kind,
    ImmutableArray<string> Events,
    ImmutableArray<MarkObject> Objects,
    ImmutableArray<MarkRoot> Roots,
    ImmutableArray<MarkEdge> Edges,
    ImmutableArray<string> GreyQueue,
    bool WriteBarrierOn,
    ImmutableArray<string> InvariantBreaks,
    ImmutableArray<string> Freed)
{
    /// <summary>One line: step, phase and what happened.</summary>
    public string Caption => $"#{Step} [{Phase}] {string.Join("; ", Events)}";

    /// <summary>True when no object breaks the invariant the barrier should keep.</summary>
    public bool InvariantHolds => InvariantBreaks.IsEmpty;

    /// <summary>The colour of a live object or a root; null when the name is neither (or was freed).</summary>
    public MarkColor? ColorOf(string name)
    {
        foreach (var o in Objects) if (o.Name == name) return o.Color;
        foreach (var r in Roots) if (r.Name == name) return r.Color;
        return null;
    }

    /// <summary>Names of live objects with the given colour.</summary>
    public IEnumerable<string> WithColor(MarkColor color) => Objects.Where(o => o.Color == color).Select(o => o.Name);

    public override string ToString() =>
        $"{Caption} | black [{string.Join(",", WithColor(MarkColor.Black))}] grey [{string.Join(",", GreyQueue)}] " +
        $"white [{string.Join(",", WithColor(MarkColor.White))}]" + (InvariantHolds ? "" : $" ⚠ invariant broken by {string.Join(",", InvariantBreaks)}");
}
