// Mirrors: runtime/mbarrier.go (the hybrid barrier comment), mwbbuf.go (wbBufFlush1), Go 1.8–1.23; Dijkstra as in Go 1.5–1.7.
// Simplified: the barrier shades at once instead of through the per-P wbBuf that is flushed later.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>What a pointer write <c>*slot = ptr</c> into the heap or a global does while the barrier is on.
/// Writes to goroutine stacks never have a barrier (the compiler omits it for the current frame).</summary>
public enum WriteBarrierMode
{
    /// <summary>Go 1.8+: shade(*slot) and shade(ptr) — both, unconditionally, as the implementation does (the
    /// "if current stack is grey" test of the pseudocode is skipped to avoid memory fences; mbarrier.go).</summary>
    Hybrid,

    /// <summary>Dijkstra insertion barrier (Go 1.5–1.7): shade(ptr) only. Needs stacks re-scanned in mark termination.</summary>
    DijkstraInsertion,

    /// <summary>Yuasa deletion barrier: shade(*slot) only (snapshot at the beginning).</summary>
    YuasaDeletion,

    /// <summary>No barrier: concurrent marking can then free reachable objects.</summary>
    None,
}
