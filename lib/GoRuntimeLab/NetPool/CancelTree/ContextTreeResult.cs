// Mirrors: nothing in Go; the model's report for a context tree and script.
namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>What the model says the tree looked like at each check, and every cancellation in time order.</summary>
/// <param name="Spec">The tree and script.</param>
/// <param name="Version">The Go release modelled.</param>
/// <param name="Checks">One per Check step.</param>
/// <param name="Events">Every node becoming done and every AfterFunc run, in order.</param>
public sealed record ContextTreeResult(ContextTreeSpec Spec, GoVersion Version, IReadOnlyList<ContextCheck> Checks, IReadOnlyList<ContextEvent> Events);
