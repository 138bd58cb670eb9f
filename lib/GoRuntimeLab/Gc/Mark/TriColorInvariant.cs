// Mirrors: proposal 17503-eliminate-rescan.md ("strong" and "weak tricolor invariant"), Go 1.8–1.23.
// Simplified: checked on the whole model graph after every step (the runtime never checks it; it is the proof's tool).
namespace GoRuntimeLab.Gc.Mark;

/// <summary>The invariant a write barrier keeps so that concurrent marking stays safe.</summary>
public enum TriColorInvariant
{
    /// <summary>No black object (or black root) points to a white object. Kept by the Dijkstra barrier
    /// when stacks count as grey until they are re-scanned.</summary>
    Strong,

    /// <summary>Every white object pointed to by a black object (or black root) is reachable from a grey object
    /// (or an unscanned root) through a chain of white objects. Kept by the Yuasa and the hybrid barrier.</summary>
    Weak,
}
