// Mirrors: nothing in Go directly — the seam between a GC model and SimulatedGoProcess (what runtime/mgc.go would
// report per cycle). Simplified: allocation is a constant rate; the heap in between cycles follows from it.
namespace GoRuntimeLab.Metrics;

/// <summary>
/// Where a <see cref="SimulatedGoProcess"/> gets its GC cycles: in time order, possibly without end (read lazily),
/// with the mutator's allocation rate and the heap at time 0. Implementations: <see cref="GcSimulatorCycleSource"/>
/// (the kit's GC simulator, the default), <see cref="GcCycleList"/> (any precomputed cycles, e.g. mapped from the GC simulator).
/// </summary>
public interface IGcCycleSource
{
    /// <summary>Bytes the program allocates per second of (simulated) wall time.</summary>
    double AllocBytesPerSecond { get; }

    /// <summary>heapLive at time 0.</summary>
    ulong InitialHeapBytes { get; }

    /// <summary>The cycles, in increasing <see cref="GcCycleRecord.StartNs"/>, each starting after the previous ended.</summary>
    IEnumerable<GcCycleRecord> Cycles();
}
