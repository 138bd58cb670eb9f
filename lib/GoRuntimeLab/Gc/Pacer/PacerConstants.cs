// Mirrors: runtime/mgcpacer.go (const block; triggerRatioDen/minTriggerRatioNum/maxTriggerRatioNum;
// memoryLimitHeapGoalHeadroom 1.19, memoryLimitMinHeapGoalHeadroom/…Percent 1.21+), mgc.go (sweepMinHeapDistance),
// mgclimit.go (capacityPerProc, gcCPULimiterUpdatePeriod), Go 1.19–1.23. Simplified: GOEXPERIMENT=heapminimum512kib ignored.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>The pacer's and the CPU limiter's constants, with Go's values and names.</summary>
public static class PacerConstants
{
    /// <summary>gcGoalUtilization = gcBackgroundUtilization: the target GC CPU share of GOMAXPROCS.</summary>
    public const double GcGoalUtilization = GcBackgroundUtilization;

    /// <summary>gcBackgroundUtilization: background mark workers' CPU share.</summary>
    public const double GcBackgroundUtilization = 0.25;

    /// <summary>gcCreditSlack: scan work batched locally before it is flushed.</summary>
    public const int GcCreditSlack = 2000;

    /// <summary>gcAssistTimeSlack: assist nanoseconds batched per P.</summary>
    public const int GcAssistTimeSlack = 5000;

    /// <summary>gcOverAssistWork: minimum scan work of one assist (64 KiB).</summary>
    public const long GcOverAssistWork = 64 << 10;

    /// <summary>defaultHeapMinimum: heapMinimum at GOGC=100 (4 MiB). Also the cap distance in trigger().</summary>
    public const ulong DefaultHeapMinimum = 4 << 20;

    /// <summary>maxStackScanSlack: stack bytes batched per P before maxStackScan is updated.</summary>
    public const long MaxStackScanSlack = 8 << 10;

    /// <summary>memoryLimitHeapGoalHeadroom (Go 1.19–1.20): fixed 1 MiB off the memory-limit goal.</summary>
    public const ulong MemoryLimitHeapGoalHeadroom = 1 << 20;

    /// <summary>memoryLimitMinHeapGoalHeadroom (Go 1.21+): at least 1 MiB of headroom.</summary>
    public const ulong MemoryLimitMinHeapGoalHeadroom = 1 << 20;

    /// <summary>memoryLimitHeapGoalHeadroomPercent (Go 1.21+): 3 % of the goal as headroom.</summary>
    public const ulong MemoryLimitHeapGoalHeadroomPercent = 3;

    /// <summary>sweepMinHeapDistance (mgc.go): the sweeper's minimum runway, 1 MiB.</summary>
    public const ulong SweepMinHeapDistance = 1 << 20;

    /// <summary>minRunway in heapGoalInternal: a running cycle's goal stays ≥ triggered + 64 KiB.</summary>
    public const ulong MinRunway = 64 << 10;

    /// <summary>triggerRatioDen: the trigger bounds are multiples of (goal-heapMarked)/64.</summary>
    public const ulong TriggerRatioDen = 64;

    /// <summary>minTriggerRatioNum: lower trigger bound ≈ 0.7 of the way to the goal.</summary>
    public const ulong MinTriggerRatioNum = 45;

    /// <summary>maxTriggerRatioNum: upper trigger bound ≈ 0.95 of the way to the goal.</summary>
    public const ulong MaxTriggerRatioNum = 61;

    /// <summary>capacityPerProc (mgclimit.go): the limiter bucket holds 1 CPU-second per P.</summary>
    public const ulong CapacityPerProc = 1_000_000_000;

    /// <summary>gcCPULimiterUpdatePeriod (mgclimit.go): 10 ms.</summary>
    public const long GcCpuLimiterUpdatePeriod = 10_000_000;

    /// <summary>^uint64(0): "no cycle running" for triggered, and the "GOGC=off" gcPercentHeapGoal.</summary>
    public const ulong NoValue = ulong.MaxValue;
}
