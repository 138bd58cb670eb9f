// Mirrors: runtime/mgcpacer.go (commit: the GOGC goal with GC roots; memoryLimitHeapGoal), Go 1.19–1.23, through
// GcController and GcSimulator. Simplified: the answers are computed by the models, never typed in as constants.
using System.Globalization;
using GoRuntimeLab.Exercises;
using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab.Gc.Simulation;

/// <summary>Exercises of section 2.1 whose answers the kit computes with the pacer and the GC simulator.</summary>
public static class GcExercises
{
    /// <summary>The service of the container exercise: 150 MiB live, a 64 MiB spike at 1 s for 1 s, 200 MiB/s of garbage for 4 s.</summary>
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

    /// <summary>Checks a guess of <see cref="HeapGoalMiB"/> for 64 MiB live, 8 MiB of stacks, 1 MiB of globals, GOGC=100.</summary>
    public static ExerciseResult CheckHeapGoal(long? answerMiB) => Exercise.Check(
        "GOGC=100、存活堆 64 MiB、栈 8 MiB、全局变量 1 MiB：下一轮的堆目标是多少 MiB？",
        answerMiB, HeapGoalMiB(64, 8, 1, 100),
        "Go 1.18 起 goal = live + (live + stacks + globals) × GOGC/100 (mgcpacer.go commit)。");

    /// <summary>
    /// Runs <see cref="ContainerService"/> with the learner's GOGC and GOMEMLIMIT (Go syntax; null = not answered) and
    /// checks it fits the 512 MiB container with 5 % to spare (peak heap + the runtime's other memory) while GC uses
    /// at most 20 % of the CPU.
    /// </summary>
    public static ExerciseResult CheckContainerSettings(string? gogc, string? memoryLimit, GoVersion? version = null)
    {
        const string question = "512 MiB 容器：选 GOGC 和 GOMEMLIMIT，使峰值内存 ≤ 95 % 且 GC CPU ≤ 20 %";
        if (gogc is null && memoryLimit is null) return new ExerciseResult(question, ExerciseVerdict.NotAnswered, "");
        var options = GcSimOptions.Default.WithVersion(version ?? GoVersion.Latest)
            .WithGogc(gogc ?? "100").WithMemoryLimit(memoryLimit ?? "off");
        var r = GcSimulator.Run(ContainerService, options, recordSeries: false);
        var peak = (long)r.PeakHeapBytes + r.NonHeapBytes;
        var fits = peak <= ContainerBytes * 0.95;
        var cheap = r.GcCpuFraction <= 0.20;
        var numbers = string.Create(CultureInfo.InvariantCulture,
            $"峰值 peak {peak / 1048576.0:F0} MiB (heap {r.PeakHeapBytes / 1048576.0:F0} + other {r.NonHeapBytes / 1048576.0:F0}) / {ContainerBytes >> 20} MiB, GC CPU {r.GcCpuFraction * 100:F1} %, {r.GcCount} 次 GC");
        return (fits, cheap) switch
        {
            (true, true) => new ExerciseResult(question, ExerciseVerdict.Correct, numbers),
            (false, _) => new ExerciseResult(question, ExerciseVerdict.Wrong, numbers + " — 内存超出：容器会被 OOM kill。"),
            _ => new ExerciseResult(question, ExerciseVerdict.Wrong, numbers + " — GC 太频繁：CPU 花在回收上了。"),
        };
    }
}
