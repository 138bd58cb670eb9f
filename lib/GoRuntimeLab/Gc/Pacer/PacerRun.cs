// Mirrors: runtime/mgcpacer_test.go (one t.Run of TestGcPacer: the logged cycles and the test's pass/fail), Go 1.19–1.23.
// Simplified: failures are returned instead of reported to a testing.T.
using System.Globalization;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>The outcome of one TestGcPacer scenario: every cycle's row and the checks that failed (none in real Go).</summary>
/// <param name="Scenario">Go's scenario name.</param>
/// <param name="Version">The Go release simulated.</param>
/// <param name="Cycles">One row per GC cycle, as Go logs them.</param>
/// <param name="Failures">Failed checks (Go's t.Errorf/t.Fatal), in order.</param>
public sealed record PacerRun(string Scenario, GoVersion Version, IReadOnlyList<PacerCycleResult> Cycles, IReadOnlyList<PacerCheckFailure> Failures)
{
    /// <summary>True when every check of Go's test passed.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>The last cycle (the steady state Go's checks look at).</summary>
    public PacerCycleResult Last => Cycles[^1];

    /// <summary>Go's log lines, "GC n u% live->trigger->peak (goal: g)".</summary>
    public IEnumerable<string> LogLines() => Cycles.Select(c => "GC " + c);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario} ({Version}): {Cycles.Count} cycles, {(Passed ? "PASS" : $"FAIL ({Failures.Count} failed checks)")}; " +
        $"last: util {Last.GcUtilization:P1}, live {Last.HeapLive} → trigger {Last.HeapTrigger} → peak {Last.HeapPeak}, goal {Last.HeapGoal}");
}
