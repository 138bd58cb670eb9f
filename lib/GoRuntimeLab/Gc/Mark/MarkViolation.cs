// Mirrors: what the runtime must never do and would only notice as memory corruption (a reachable object freed;
// gccheckmark=1 re-marks STW to catch it: mgcmark.go setCheckmark "marking free object"), Go 1.8–1.23.
// Simplified: detected by comparing the sweep with a reachability walk of the model graph.
namespace GoRuntimeLab.Gc.Mark;

/// <summary>A reachable object that the sweep freed.</summary>
/// <param name="ObjectName">The object freed although reachable.</param>
/// <param name="Invariant">The tri-colour invariant whose breaking let it happen (the one the barrier should keep).</param>
/// <param name="BrokenAtStep">The step at which the invariant broke for it (for the object, or for the first white
/// object on its path from a root) and stayed broken until the end of marking.</param>
/// <param name="BrokenBy">What happened at that step.</param>
/// <param name="FreedAtStep">The sweep step.</param>
/// <param name="ReachableVia">A root-to-object path at the sweep, e.g. "G1.a → A.next → C".</param>
public sealed record MarkViolation(string ObjectName, TriColorInvariant Invariant, int BrokenAtStep, string BrokenBy, int FreedAtStep, string ReachableVia)
{
    public override string ToString() =>
        $"{ObjectName} freed at step {FreedAtStep} although reachable ({ReachableVia}); the {Invariant.ToString().ToLowerInvariant()} " +
        $"tri-colour invariant broke at step {BrokenAtStep} ({BrokenBy})";
}
