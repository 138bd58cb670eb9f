// Mirrors: runtime/mgcpacer.go (gcControllerState.heapFree, totalAlloc, totalFree, mappedReady as read by
// memoryLimitHeapGoal), Go 1.19–1.23. Simplified: plain values set by the caller instead of runtime-maintained stats.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// The memory statistics the memory-limit heap goal reads. Go's TestGcPacer leaves them all 0 (so the goal is just
/// the limit minus headroom); a workload simulator sets them to model non-heap memory and fragmentation.
/// </summary>
/// <param name="MappedReady">Bytes of mapped memory in the Ready state (everything counted against the limit).</param>
/// <param name="HeapFree">Free, unscavenged heap bytes (not in any span, not returned to the OS).</param>
/// <param name="TotalAlloc">Total heap object bytes allocated.</param>
/// <param name="TotalFree">Total heap object bytes freed; heapAlloc = TotalAlloc - TotalFree.</param>
public readonly record struct PacerMemStats(ulong MappedReady, ulong HeapFree, ulong TotalAlloc, ulong TotalFree)
{
    /// <summary>Heap object bytes in use (totalAlloc - totalFree, wrapping as Go's uint64 does).</summary>
    public ulong HeapAlloc => unchecked(TotalAlloc - TotalFree);
}
