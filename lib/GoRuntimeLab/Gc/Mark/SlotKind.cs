// Mirrors: the three places a Go pointer lives for the collector — data/BSS globals (markrootBlock), goroutine
// stacks (scanstack) and heap objects (scanobject) — runtime/mgcmark.go, Go 1.8–1.23. Simplified: no registers, no oblets.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>Where a pointer slot is.</summary>
public enum SlotKind
{
    /// <summary>A package-level variable (data or BSS segment): a root, with a write barrier on writes.</summary>
    Global,

    /// <summary>A local variable on a goroutine's stack: a root, with no write barrier (the compiler omits it).</summary>
    Local,

    /// <summary>A pointer field of a heap object, with a write barrier on writes.</summary>
    Field,
}
