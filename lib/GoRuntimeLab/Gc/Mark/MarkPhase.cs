// Mirrors: runtime/mgc.go (gcStart, gcMarkDone, gcMarkTermination, setGCPhase: _GCoff/_GCmark/_GCmarktermination), Go 1.8–1.23.
// Simplified: sweep termination and the sweep are single steps; the sweep frees every white object at once.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>Where a GC cycle is. Only <see cref="Mark"/> and <see cref="Sweep"/> (and <see cref="Off"/>) let the
/// mutator run; the two others are stop-the-world pauses.</summary>
public enum MarkPhase
{
    /// <summary>No cycle running (<c>_GCoff</c>): write barrier off, allocations are white.</summary>
    Off,

    /// <summary>STW #1 in gcStart: finishsweep_m, gcMarkRootPrepare, setGCPhase(_GCmark) turns the write barrier on.</summary>
    SweepTermination,

    /// <summary>Concurrent mark (<c>_GCmark</c>): root jobs (markroot), then draining grey objects, beside the mutator.</summary>
    Mark,

    /// <summary>STW #2 (gcMarkDone → gcMarkTermination, <c>_GCmarktermination</c>): gcMark's empty-queue check (gcMarkRootCheck only with GODEBUG=gccheckmark=1); stack re-scan in Go ≤ 1.7.</summary>
    MarkTermination,

    /// <summary>setGCPhase(_GCoff) and gcSweep: write barrier off; white objects are freed.</summary>
    Sweep,
}
