// Mirrors: runtime/export_test.go (GCControllerReviseDelta), Go 1.19–1.23.
// Simplified: nothing.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>What changed since the last revise: heap growth and scan work done (bytes).</summary>
public readonly record struct ReviseDelta(long HeapLive, long HeapScan, long HeapScanWork, long StackScanWork, long GlobalsScanWork);
