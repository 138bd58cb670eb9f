// Mirrors: the kinds of work in a GC cycle — gcStart, markroot, scanobject, the mutator's writes with their write
// barrier, gcMarkDone/gcMarkTermination, gcSweep (runtime/mgc.go, mgcmark.go), Go 1.8–1.23. Simplified: one step each.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>What one step of the simulation did.</summary>
public enum MarkStepKind
{
    /// <summary>The graph before the cycle starts.</summary>
    Initial,

    /// <summary>A phase change (gcStart's sweep termination, start the world, gcMarkDone, gcMarkTermination).</summary>
    Phase,

    /// <summary>One root job (markroot): a block of globals or one goroutine stack.</summary>
    RootJob,

    /// <summary>One grey object scanned (scanobject): its referents shaded, itself black.</summary>
    Scan,

    /// <summary>A stack re-scanned during mark termination (Go 1.5–1.7 with the Dijkstra barrier).</summary>
    Rescan,

    /// <summary>One mutator statement, with the write barrier's shading if any.</summary>
    Mutator,

    /// <summary>The sweep: white objects freed.</summary>
    Sweep,
}
