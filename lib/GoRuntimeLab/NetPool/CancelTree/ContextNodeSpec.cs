// Mirrors: one node of data/go/ctxtree's tree description (nodeSpec).
namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>A node of a context tree.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="Parent">Parent's name; null only for a Background root.</param>
/// <param name="Kind">Constructor.</param>
/// <param name="Ms">Timeout: ms after creation; Deadline: ms after the start.</param>
/// <param name="Cause">TimeoutCause / DeadlineCause: the cause's text.</param>
/// <param name="CreateAt">When it is made (ms after the start); 0 = at the start, else by a "create" step.</param>
public sealed record ContextNodeSpec(string Name, string? Parent, ContextKind Kind, long Ms = 0, string? Cause = null, long CreateAt = 0);
