// Mirrors: runtime/mgcpacer.go memoryLimitHeapGoal (nonHeapMemory = mappedReady - heapFree - heapAlloc), Go 1.19–1.23.
// Simplified: the runtime's non-heap memory is estimated from the heap size, fitted to the gcload recordings.
namespace GoRuntimeLab.Gc.Simulation;

/// <summary>
/// An estimate of what <c>memoryLimitHeapGoal</c> subtracts from GOMEMLIMIT besides the heap: GC metadata (the heap
/// bitmap: 1/32 of the heap arena in Go ≤ 1.21, replaced by span-local bits and 8-byte malloc headers in 1.22+), span
/// structures, partly used spans, goroutine stacks and the runtime's own allocations.
/// </summary>
/// <remarks>
/// Fitted to data/recordings/gc (GOMEMLIMIT 64 MiB and 96 MiB runs of gcload): the heap goal the runtime reported
/// (runtime/metrics /gc/heap/goal:bytes) gives nonHeap = limit − headroom − goal. Go 1.19.8 showed ≈10.8 MB at a
/// ≈55 MB heap and ≈13.6 MB at ≈86 MB; Go 1.23.5 ≈5.6 MB and ≈6.7 MB. Pass <c>--other-mem</c> to override.
/// </remarks>
public static class NonHeapEstimate
{
    /// <summary>Estimated non-heap bytes for a heap of <paramref name="heapBytes"/> (the largest heap so far) plus stacks.</summary>
    public static long For(GoVersion version, long heapBytes, long stackBytes)
    {
        // Go 1.22 removed the per-arena heap bitmap (allocation headers), which is most of the difference.
        var (fixedBytes, perHeapByte) = version.AtLeast(GoVersion.Go1_22) ? (3.5e6, 0.037) : (5.8e6, 0.09);
        return (long)(fixedBytes + perHeapByte * Math.Max(0, heapBytes)) + Math.Max(0, stackBytes);
    }
}
