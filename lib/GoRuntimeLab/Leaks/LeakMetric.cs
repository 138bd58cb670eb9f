// Mirrors: runtime/metrics (description.go) names sampled by data/go/leakhunt, Go 1.16-1.23.
namespace GoRuntimeLab.Leaks;

/// <summary>A runtime/metrics value data/go/leakhunt prints at every step (after a forced runtime.GC()).</summary>
public enum LeakMetric
{
    /// <summary>/memory/classes/heap/objects:bytes — live heap after the forced GC.</summary>
    HeapObjectsBytes,

    /// <summary>/gc/heap/objects:objects — live heap objects after the forced GC.</summary>
    HeapObjects,

    /// <summary>/sched/goroutines:goroutines — runtime.NumGoroutine().</summary>
    Goroutines,

    /// <summary>/gc/heap/allocs:bytes — bytes ever allocated (cumulative: it always grows).</summary>
    AllocsBytes,

    /// <summary>/gc/cycles/total:gc-cycles — completed GC cycles (cumulative, incl. the forced ones).</summary>
    GcCycles,
}
