// Mirrors: the moments context.go's cancelCtx.cancel and afterFuncCtx run.
namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>A node becoming done (or an AfterFunc running), for the timeline.</summary>
/// <param name="AtMs">When.</param>
/// <param name="Node">Which.</param>
/// <param name="Err">The Err it got ("" for an AfterFunc).</param>
/// <param name="Cause">Its cause.</param>
/// <param name="Via">"cancel" (its own cancel function), "deadline" (its timer), "parent" (propagation from Parent),
/// "created" (made under a done parent or past its deadline), "afterFunc".</param>
/// <param name="From">For "parent": the node whose cancellation reached it.</param>
public sealed record ContextEvent(long AtMs, string Node, string Err, string Cause, string Via, string? From = null);
