// Mirrors: runtime/mgcpacer_test.go (gcCycle, gcExecTest.next), Go 1.19–1.23.
// Simplified: nothing.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>One cycle's workload inputs, drawn from a scenario's streams (already clamped as gcExecTest.next does).</summary>
/// <param name="AllocRate">Allocation rate, KiB per CPU-ms (≥ 1e-4).</param>
/// <param name="ScanRate">GC scan rate, KiB per CPU-ms (≥ 1e-4).</param>
/// <param name="GrowthRate">Live-heap growth factor for this cycle (≥ 1e-4).</param>
/// <param name="ScannableFrac">Fraction of the heap that holds pointers, in [0, 1].</param>
/// <param name="StackBytes">Goroutine stack bytes, a multiple of 2048.</param>
public readonly record struct PacerCycleInput(double AllocRate, double ScanRate, double GrowthRate, double ScannableFrac, ulong StackBytes);
