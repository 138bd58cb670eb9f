// Mirrors: one GC cycle of runtime/mgc.go (gcStart … gcMarkTermination, gcSweep) with the mutator running between
// mark steps, Go 1.8–1.23 (1.5–1.7 with Dijkstra + re-scan). Simplified: see MarkSimulator.cs.
using System.Collections.Immutable;

namespace GoRuntimeLab.Gc.Mark;

/// <summary>The result of <see cref="MarkSimulator.Run"/>: every step's snapshot and the verdicts.</summary>
/// <param name="Graph">The graph the cycle started from.</param>
/// <param name="Config">The settings.</param>
/// <param name="States">One snapshot per step, starting with the initial graph.</param>
/// <param name="Violations">Reachable objects that were freed (empty: the cycle was safe).</param>
/// <param name="Freed">Objects freed by the sweep.</param>
/// <param name="RootJobs">Root jobs counted by gcMarkRootPrepare (globals blocks + stacks).</param>
/// <param name="StackScans">How many times each goroutine's stack was scanned (1 each without re-scan).</param>
/// <param name="MutatorSteps">Statements the mutator ran.</param>
/// <param name="Allocated">Objects the mutator allocated.</param>
/// <param name="BarrierShades">Objects the write barrier turned from white to grey.</param>
public sealed record MarkRun(
    ObjectGraph Graph,
    MarkConfig Config,
    ImmutableArray<MarkState> States,
    ImmutableArray<MarkViolation> Violations,
    ImmutableArray<string> Freed,
    int RootJobs,
    ImmutableDictionary<string, int> StackScans,
    int MutatorSteps,
    ImmutableArray<string> Allocated,
    int BarrierShades)
{
    /// <summary>True when no reachable object was freed.</summary>
    public bool Safe => Violations.IsEmpty;

    /// <summary>True when the configured invariant held after every step.</summary>
    public bool InvariantAlwaysHeld => States.All(s => s.InvariantHolds);

    /// <summary>The first step at which the invariant broke, or null.</summary>
    public MarkState? FirstInvariantBreak => States.FirstOrDefault(s => !s.InvariantHolds);

    /// <summary>The last snapshot (after the sweep).</summary>
    public MarkState Final => States[^1];

    public override string ToString()
    {
        var stacks = StackScans.Values.All(n => n == 1) ? "every stack scanned once" : "stacks scanned " +
            string.Join(", ", StackScans.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}×{kv.Value}"));
        var verdict = Safe
            ? "safe: no reachable object freed"
            : $"⚠ {Violations.Length} reachable object(s) freed: " + string.Join("; ", Violations);
        return $"{Config}: {States.Length - 1} steps ({MutatorSteps} mutator), {RootJobs} root jobs, {stacks}, " +
               $"{BarrierShades} shaded by the barrier, freed [{string.Join(", ", Freed)}] — {verdict}";
    }
}
