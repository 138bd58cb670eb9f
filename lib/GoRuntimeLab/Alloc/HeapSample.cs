// Mirrors: runtime/mstats.go (HeapInuse, HeapSys, HeapAlloc as MemStats reports them), Go 1.19–1.23.
// Simplified: sampled by the model at fixed allocation counts and around each GC.
namespace GoRuntimeLab.Alloc;

/// <summary>The model's heap at one moment.</summary>
/// <param name="Allocation">Allocations made so far.</param>
/// <param name="Gcs">GC cycles completed so far.</param>
/// <param name="HeapInUseBytes">Pages of spans in use × 8 KiB (MemStats.HeapInuse).</param>
/// <param name="HeapMappedBytes">Pages the heap has grown to (MemStats.HeapSys, without scavenging).</param>
/// <param name="ObjectBytes">Bytes of occupied slots, live or not yet swept (MemStats.HeapAlloc).</param>
/// <param name="RequestedBytes">Bytes the objects in those slots asked for.</param>
public sealed record HeapSample(long Allocation, int Gcs, long HeapInUseBytes, long HeapMappedBytes, long ObjectBytes, long RequestedBytes);
