// Mirrors: runtime/mgc.go (gcMarkWorkerMode: dedicated, fractional, idle), Go 1.19–1.23.
// Simplified: gcMarkWorkerNotWorker is not represented (markWorkerStop never receives it).
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>The kind of background mark worker whose time <see cref="GcController.MarkWorkerStop"/> accounts.</summary>
public enum GcMarkWorkerMode
{
    /// <summary>Runs on a P until the mark phase ends (the 25 % rounded to whole Ps).</summary>
    Dedicated,

    /// <summary>Runs part of the time to make up the fraction the dedicated workers miss.</summary>
    Fractional,

    /// <summary>Runs on an otherwise idle P.</summary>
    Idle,
}
