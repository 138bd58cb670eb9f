// Mirrors: runtime/mgcpacer.go (commit: the GOGC goal with GC roots; memoryLimitHeapGoal), Go 1.19–1.23, through
// GcController and GcSimulator. Simplified: the answers are computed by the models, never typed in as constants.
using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab.Gc.Simulation;

/// <summary>The inputs of the section 2.1 labs (02.1-heap-goal, 02.1-container), computed with the pacer and the GC simulator.</summary>
public static class GcExercises
{
    /// <summary>The service of the container lab: 150 MiB live, a 64 MiB spike at 1 s for 1 s, 200 MiB/s of garbage for 4 s.</summary>
    public static GcWorkload ContainerService { get; } = GcWorkload.Default.WithLive("150MiB").WithAllocRate("200MiB/s")
        .WithDuration("4s").WithSpike("64MiB", "1s", "1s").WithStacks("4MiB");

    /// <summary>The container's memory: 512 MiB.</summary>
    public const long ContainerBytes = 512L << 20;

    /// <summary>
    /// The heap goal (MiB, rounded down) Go 1.18+ sets after a cycle that marked <paramref name="liveMiB"/> with
    /// <paramref name="stacksMiB"/> of goroutine stacks and <paramref name="globalsMiB"/> of globals at GOGC=<paramref name="gogc"/>.
    /// </summary>
    public static long HeapGoalMiB(long liveMiB, long stacksMiB, long globalsMiB, int gogc)
    {
        var c = GcController.Create(GcConfig.Default.WithGogc(gogc));
        c.AddGlobals(globalsMiB << 20);
        c.HeapLive = (ulong)(liveMiB << 20);
        c.StackScanWork = stacksMiB << 20;
        c.ResetLive((ulong)(liveMiB << 20));
        c.Commit(isSweepDone: true);
        return (long)(c.HeapGoal() >> 20);
    }
}
