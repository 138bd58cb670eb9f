// Mirrors: runtime/mgcpacer_test.go (TestGcPacer's 19 gcExecTest cases and their checkers), Go 1.19–1.23.
// Simplified: nothing; version-specific checks follow each release's test file (JitterAlloc bounds, memory-limit headroom).
using static GoRuntimeLab.Gc.Pacer.CycleSeries;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// The 19 scenarios of Go's TestGcPacer, with Go's names, workloads and pass conditions. All use 8 cores; rates are
/// KiB per CPU-ms. Run one with <see cref="PacerHarness.Run(PacerScenario, GoVersion)"/>.
/// </summary>
public static class PacerScenarios
{
    private const long NoLimit = long.MaxValue;
    private const long Limit512MiB = 512L << 20;
    private const double Goal = PacerConstants.GcGoalUtilization;

    /// <summary>All scenarios, in Go's order.</summary>
    public static IReadOnlyList<PacerScenario> All { get; } = Build();

    /// <summary>The scenario names, in Go's order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(s => s.Name).ToArray();

    /// <summary>The scenario called <paramref name="name"/> (exact, case-sensitive as in Go; case-insensitive fallback).</summary>
    public static PacerScenario Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hit = All.FirstOrDefault(s => s.Name == name)
                  ?? All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        return hit ?? throw KitInputException.For(
            $"unknown scenario \"{name}\"; valid names: {string.Join(", ", Names)}", parameter: "scenario");
    }

    private static PacerScenario S(
        string name, int gcPercent, long memoryLimit, ulong globals, Func<CycleSeries> alloc, Func<CycleSeries> scan,
        Func<CycleSeries> growth, Func<CycleSeries> frac, Func<CycleSeries> stacks, int length,
        Action<PacerCheck, IReadOnlyList<PacerCycleResult>> checker) => new()
    {
        Name = name,
        GcPercent = gcPercent,
        MemoryLimit = memoryLimit,
        GlobalsBytes = globals,
        NCores = 8,
        AllocRate = alloc,
        ScanRate = scan,
        GrowthRate = growth,
        ScannableFrac = frac,
        StackBytes = stacks,
        Length = length,
        Checker = checker,
    };

    private static ulong LimitGoal(PacerCheck t) => GcController.ApplyHeadroom(Limit512MiB, t.Version);

    private static PacerScenario[] Build() =>
    [
        S("Steady", 100, NoLimit, 32 << 10,
            () => Constant(33.0), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12)),
            () => Constant(1.0), () => Constant(8192), 50, SteadyChecks),
        S("SteadyBigStacks", 100, NoLimit, 32 << 10,
            () => Constant(132.0), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12)),
            () => Constant(1.0), () => Constant(2048).Sum(Ramp(128 << 20, 8)), 50, SteadyChecks),
        S("SteadyBigGlobals", 100, NoLimit, 128 << 20,
            () => Constant(132.0), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12)),
            () => Constant(1.0), () => Constant(8192), 50, SteadyChecks),
        S("StepAlloc", 100, NoLimit, 32 << 10,
            () => Constant(33.0).Sum(Ramp(66.0, 1).Delay(50)), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12)),
            () => Constant(1.0), () => Constant(8192), 100, StepChecks),
        S("HeavyStepAlloc", 100, NoLimit, 32 << 10,
            () => Constant(33).Sum(Ramp(330, 1).Delay(50)), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12)),
            () => Constant(1.0), () => Constant(8192), 100, StepChecks),
        S("StepScannableFrac", 100, NoLimit, 32 << 10,
            () => Constant(128.0), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12)),
            () => Constant(0.2).Sum(Unit(0.5).Delay(50)), () => Constant(8192), 100, StepChecks),
        S("HighGOGC", 1500, NoLimit, 32 << 10,
            () => Random(7, 0x53).Offset(165), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12), Random(0.01, 0x1), Unit(14).Delay(25)),
            () => Constant(1.0), () => Constant(8192), 50, HighGogcChecks),
        S("OscAlloc", 100, NoLimit, 32 << 10,
            () => Oscillate(13, 0, 8).Offset(67), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12)),
            () => Constant(1.0), () => Constant(8192), 50, OscAllocChecks),
        S("JitterAlloc", 100, NoLimit, 32 << 10,
            () => Random(13, 0xf).Offset(132), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12), Random(0.01, 0xe)),
            () => Constant(1.0), () => Constant(8192), 50, JitterAllocChecks),
        S("HeavyJitterAlloc", 100, NoLimit, 32 << 10,
            () => Random(33.0, 0x0).Offset(330), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12), Random(0.01, 0x152)),
            () => Constant(1.0), () => Constant(8192), 50, HeavyJitterAllocChecks),
        S("SmallHeapSlowAlloc", 100, NoLimit, 32 << 10,
            () => Constant(1.0), () => Constant(2048.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 3)),
            () => Constant(0.01), () => Constant(8192), 50, (t, c) => SlowAllocChecks(t, c, 4)),
        S("MediumHeapSlowAlloc", 100, NoLimit, 32 << 10,
            () => Constant(1.0), () => Constant(2048.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 8)),
            () => Constant(0.01), () => Constant(8192), 50, (t, c) => SlowAllocChecks(t, c, 9)),
        S("LargeHeapSlowAlloc", 100, NoLimit, 32 << 10,
            () => Constant(1.0), () => Constant(2048.0),
            () => Constant(4.0).Sum(Ramp(-3.0, 12)),
            () => Constant(0.01), () => Constant(8192), 50, LargeHeapSlowAllocChecks),
        S("SteadyMemoryLimit", 100, Limit512MiB, 32 << 10,
            () => Constant(33.0), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12)),
            () => Constant(1.0), () => Constant(8192), 50, SteadyMemoryLimitChecks),
        S("SteadyMemoryLimitNoGCPercent", -1, Limit512MiB, 32 << 10,
            () => Constant(33.0), () => Constant(1024.0),
            () => Constant(2.0).Sum(Ramp(-1.0, 12)),
            () => Constant(1.0), () => Constant(8192), 50, SteadyMemoryLimitNoGcPercentChecks),
        S("ExceedMemoryLimit", 100, Limit512MiB, 32 << 10,
            () => Constant(33.0), () => Constant(1024.0),
            () => Constant(3.5).Sum(Ramp(-2.5, 12)),
            () => Constant(1.0), () => Constant(8192), 50, ExceedMemoryLimitChecks),
        S("ExceedMemoryLimitNoGCPercent", -1, Limit512MiB, 32 << 10,
            () => Constant(33.0), () => Constant(1024.0),
            () => Constant(3.5).Sum(Ramp(-2.5, 12)),
            () => Constant(1.0), () => Constant(8192), 50, ExceedMemoryLimitNoGcPercentChecks),
        S("MaintainMemoryLimit", 100, Limit512MiB, 32 << 10,
            () => Constant(33.0), () => Constant(1024.0),
            () => Constant(3.0).Sum(Ramp(-2.0, 12)),
            () => Constant(1.0), () => Constant(8192), 50, MaintainMemoryLimitChecks),
        S("MaintainMemoryLimitNoGCPercent", -1, Limit512MiB, 32 << 10,
            () => Constant(33.0), () => Constant(1024.0),
            () => Constant(3.0).Sum(Ramp(-2.0, 12)),
            () => Constant(1.0), () => Constant(8192), 50, MaintainMemoryLimitNoGcPercentChecks),
    ];

    // Steady, SteadyBigStacks, SteadyBigGlobals: from cycle 25 on, utilization at the 25 % goal and settled.
    private static void SteadyChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n >= 25)
        {
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, Goal, 0.005);
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, c[n - 2].GcUtilization, 0.005);
            t.InRange("goal ratio", c[n - 1].GoalRatio, 0.95, 1.05);
        }
    }

    // StepAlloc, HeavyStepAlloc, StepScannableFrac: settled in cycles 25–49 and again from 75 after the step at 50.
    private static void StepChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if ((n >= 25 && n < 50) || n >= 75)
        {
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, c[n - 2].GcUtilization, 0.005);
            t.InRange("goal ratio", c[n - 1].GoalRatio, 0.95, 1.05);
        }
    }

    private static void HighGogcChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n > 12)
        {
            // Cycle 26 has a 14× heap growth: overshoot is expected, but never past the next cycle's GOGC.
            if (n == 26) t.InRange("goal ratio", c[n - 1].GoalRatio, 0.90, 15);
            else t.InRange("goal ratio", c[n - 1].GoalRatio, 0.90, 1.05);
            // Go's epsilon here is GCGoalUtilization+0.03 (sic), i.e. [-0.03, 0.53].
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, Goal, Goal + 0.03);
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, c[n - 2].GcUtilization, 0.03);
        }
    }

    private static void OscAllocChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n > 12)
        {
            t.InRange("goal ratio", c[n - 1].GoalRatio, 0.95, 1.05);
            t.InRange("GC utilization", c[n - 1].GcUtilization, 0.25, 0.3);
        }
    }

    private static void JitterAllocChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n > 12)
        {
            // Go 1.21 (max-of-5 cons/mark) tightened these from 1.19's [0.95, 1.05] and [0.25, 0.3].
            var tight = t.Version.AtLeast(GoVersion.Go1_21);
            t.InRange("goal ratio", c[n - 1].GoalRatio, 0.95, tight ? 1.025 : 1.05);
            t.InRange("GC utilization", c[n - 1].GcUtilization, 0.25, tight ? 0.275 : 0.3);
        }
    }

    private static void HeavyJitterAllocChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n > 13)
        {
            t.InRange("goal ratio", c[n - 1].GoalRatio, 0.95, 1.05);
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, c[n - 2].GcUtilization, 0.05);
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, c[11].GcUtilization, 0.05);
        }
    }

    // SmallHeapSlowAlloc (after cycle 4) and MediumHeapSlowAlloc (after 9): near the goal, trigger ~0.95 of the way.
    private static void SlowAllocChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c, int settledAfter)
    {
        var n = c.Count;
        if (n > settledAfter)
        {
            t.InRange("goal ratio", c[n - 1].GoalRatio, 0.925, 1.025);
            t.InRange("trigger ratio", c[n - 1].TriggerRatio, 0.925, 0.975);
        }

        UtilizationLevelledOff(t, c);
    }

    private static void LargeHeapSlowAllocChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n > 13)
        {
            t.InRange("goal ratio", c[n - 1].GoalRatio, 0.95, 1.05);
            // The runway is about the minimum heap (the goal - 4 MiB cap of trigger()).
            t.InRange("runway", c[n - 1].Runway, PacerConstants.DefaultHeapMinimum - (64 << 10), PacerConstants.DefaultHeapMinimum + (64 << 10));
        }

        UtilizationLevelledOff(t, c);
    }

    private static void UtilizationLevelledOff(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n > 25)
        {
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, Goal, 0.005);
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, c[n - 2].GcUtilization, 0.05);
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, c[11].GcUtilization, 0.05);
        }
    }

    private static void SteadyMemoryLimitChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (c[n - 1].HeapPeak >= LimitGoal(t)) t.Error($"peak heap size reaches heap limit: {c[n - 1].HeapPeak}");
        SteadyChecks(t, c);
    }

    private static void SteadyMemoryLimitNoGcPercentChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (c[n - 1].HeapGoal != LimitGoal(t)) t.Error($"heap goal is not the heap limit: {c[n - 1].HeapGoal}");
        SteadyChecks(t, c);
    }

    private static void ExceedMemoryLimitChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n > 12 && c[n - 1].HeapGoal != c[n - 1].HeapLive)
            t.Error($"heap goal is not equal to live heap: {c[n - 1].HeapGoal} != {c[n - 1].HeapLive}");
        FullUtilization(t, c);
    }

    private static void ExceedMemoryLimitNoGcPercentChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n < 10 && c[n - 1].HeapGoal != LimitGoal(t)) t.Error($"heap goal is not the heap limit: {c[n - 1].HeapGoal}");
        ExceedMemoryLimitChecks(t, c);
    }

    // Over the limit: the pacer scales GC CPU to 100 % (the CPU limiter, not the pacer, would cap it).
    private static void FullUtilization(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n >= 25)
        {
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, 1.0, 0.005);
            t.InEpsilon("GC utilization", c[n - 1].GcUtilization, c[n - 2].GcUtilization, 0.005);
        }
    }

    private static void MaintainMemoryLimitChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (n > 12 && c[n - 1].HeapGoal != LimitGoal(t)) t.Error($"heap goal is not the heap limit: {c[n - 1].HeapGoal}");
        SteadyChecks(t, c);
    }

    private static void MaintainMemoryLimitNoGcPercentChecks(PacerCheck t, IReadOnlyList<PacerCycleResult> c)
    {
        var n = c.Count;
        if (c[n - 1].HeapGoal != LimitGoal(t)) t.Error($"heap goal is not the heap limit: {c[n - 1].HeapGoal}");
        SteadyChecks(t, c);
    }
}
