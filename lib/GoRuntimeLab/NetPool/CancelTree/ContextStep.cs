// Mirrors: one step of data/go/ctxtree's script (stepSpec).
namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>A script step.</summary>
/// <param name="At">When (ms after the start).</param>
/// <param name="Do">What.</param>
/// <param name="Node">The node acted on (none for Check).</param>
/// <param name="Cause">Cancel on a CancelCause node: the cause's text (null: cancel(nil), so the cause is context.Canceled).</param>
public sealed record ContextStep(long At, ContextStepKind Do, string? Node = null, string? Cause = null);
