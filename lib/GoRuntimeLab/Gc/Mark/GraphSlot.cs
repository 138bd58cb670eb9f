// Mirrors: a pointer-sized word that the collector scans (runtime/mgcmark.go scanblock/scanobject), Go 1.8–1.23.
// Simplified: slots are named (g, G1.a, A.next) instead of being offsets in a pointer bitmap.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>One pointer slot of the object graph and what it points to (null: nil).</summary>
/// <param name="Kind">Global, stack local or heap field.</param>
/// <param name="Owner">The global itself, the goroutine (G1) or the heap object (A) holding the slot.</param>
/// <param name="Name">The slot's name: the global's name, the local's name or the field's name.</param>
/// <param name="Target">The object pointed to, or null for nil.</param>
public sealed record GraphSlot(SlotKind Kind, string Owner, string Name, string? Target)
{
    /// <summary>"g" for a global, "G1.a" for a local, "A.next" for a field.</summary>
    public string Path => Kind == SlotKind.Global ? Name : $"{Owner}.{Name}";

    public override string ToString() => $"{Path} → {Target ?? "nil"}";
}
