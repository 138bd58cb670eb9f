// Mirrors: runtime/mgc.go (gcTriggerKind: gcTriggerHeap, gcTriggerTime, gcTriggerCycle), Go 1.19–1.23.
// Simplified: only the kind; the trigger's now/n payload is not needed by the pacer.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>Why a GC cycle started; <see cref="GcController.StartCycle"/> limits idle mark workers for periodic GCs.</summary>
public enum GcTriggerKind
{
    /// <summary>gcTriggerHeap: the heap reached the pacer's trigger.</summary>
    Heap,

    /// <summary>gcTriggerTime: the periodic GC (forcegcperiod, 2 minutes without a GC).</summary>
    Time,

    /// <summary>gcTriggerCycle: runtime.GC() asked for a new cycle.</summary>
    Cycle,
}
