namespace GoRuntimeLab.Gc.Pacer;

/// <summary>One recorded debug.SetGCPercent call: its return value (the old GOGC), the new GOGC, the GC count and the goal right after.</summary>
public sealed record SetGcPercentStep(int Old, int New, ulong GcCycles, ulong Goal);
