// Mirrors: what a sampler of runtime/metrics would see over time (/gc/heap/live-ish heapLive, /gc/heap/goal:bytes),
// Go 1.19–1.23. Simplified: one sample per simulator step boundary of interest (phase changes and every ~1 ms).
namespace GoRuntimeLab.Gc.Simulation;

/// <summary>One point of the heap-over-time series.</summary>
/// <param name="TimeNs">Simulated time.</param>
/// <param name="HeapLive">heapLive: bytes allocated and not yet swept free.</param>
/// <param name="Goal">The heap goal at that moment.</param>
/// <param name="Trigger">The GC trigger at that moment (the goal while a cycle runs).</param>
/// <param name="Marking">A GC cycle is running.</param>
public readonly record struct GcSimSample(long TimeNs, ulong HeapLive, ulong Goal, ulong Trigger, bool Marking);
