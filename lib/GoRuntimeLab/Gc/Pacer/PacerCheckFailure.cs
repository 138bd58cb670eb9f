// Mirrors: runtime/mgcpacer_test.go (t.Errorf / t.Fatal calls of gcExecTest.check and the scenario checkers), Go 1.19–1.23.
// Simplified: a record of the message instead of a testing.T.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>A failed TestGcPacer check: the cycle after which it ran and Go's message.</summary>
/// <param name="Cycle">Number of cycles in the results when the check ran (Go's n).</param>
/// <param name="Message">The message Go's test would print.</param>
/// <param name="Fatal">True for t.Fatal (the run stopped there).</param>
public sealed record PacerCheckFailure(int Cycle, string Message, bool Fatal)
{
    public override string ToString() => $"after cycle {Cycle}: {Message}{(Fatal ? " (fatal)" : "")}";
}
