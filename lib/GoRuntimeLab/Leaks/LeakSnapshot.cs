// Mirrors: nothing in Go; one sample of data/go/leakhunt (runtime/metrics values after runtime.GC(), and the heap
// and goroutine profiles of runtime/pprof Lookup("heap"/"goroutine").WriteTo(w, 0)), Go 1.19-1.23.
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Leaks;

/// <summary>One step of a leak series: the metrics line and the two profiles written at that step.</summary>
/// <param name="Step">0 for the start snapshot, then 1, 2, ….</param>
/// <param name="Label">The program's name for the step ("start", "step3", "body", "ctx").</param>
/// <param name="ElapsedMs">Milliseconds since the program started.</param>
/// <param name="HeapObjectsBytes">/memory/classes/heap/objects:bytes.</param>
/// <param name="HeapObjects">/gc/heap/objects:objects.</param>
/// <param name="Goroutines">/sched/goroutines:goroutines.</param>
/// <param name="AllocsBytes">/gc/heap/allocs:bytes (cumulative).</param>
/// <param name="GcCycles">/gc/cycles/total:gc-cycles (cumulative).</param>
/// <param name="Heap">The heap profile (inuse_space is as of the forced GC).</param>
/// <param name="GoroutineProfile">The goroutine profile (one sample per distinct stack, value = goroutines).</param>
public sealed record LeakSnapshot(int Step, string Label, long ElapsedMs, long HeapObjectsBytes, long HeapObjects, long Goroutines,
    long AllocsBytes, long GcCycles, PprofProfile Heap, PprofProfile GoroutineProfile)
{
    /// <summary>The value of <paramref name="metric"/> at this step.</summary>
    public long Value(LeakMetric metric) => metric switch
    {
        LeakMetric.HeapObjectsBytes => HeapObjectsBytes,
        LeakMetric.HeapObjects => HeapObjects,
        LeakMetric.Goroutines => Goroutines,
        LeakMetric.AllocsBytes => AllocsBytes,
        LeakMetric.GcCycles => GcCycles,
        _ => throw KitInputException.For($"unknown metric {metric}", parameter: "metric"),
    };

    public override string ToString() =>
        $"step {Step} ({Label}): heap objects {HeapObjectsBytes} B in {HeapObjects} objects, {Goroutines} goroutines, {AllocsBytes} B allocated, {GcCycles} GC cycles";
}
