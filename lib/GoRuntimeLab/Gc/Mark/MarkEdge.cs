// Mirrors: a non-nil pointer slot as the collector sees it (runtime/mgcmark.go), Go 1.8–1.23.
// Simplified: one edge per named slot; no interior pointers.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>A pointer at one step: from a root or object, through a named slot, to an object.</summary>
/// <param name="From">The owner: a global's name, a goroutine (G1) or a heap object (A).</param>
/// <param name="Slot">The slot's path: "g", "G1.a" or "A.next".</param>
/// <param name="To">The object pointed to.</param>
public sealed record MarkEdge(string From, string Slot, string To)
{
    public override string ToString() => $"{Slot} → {To}";
}
