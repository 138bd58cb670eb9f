// Mirrors: what ctx.Done(), ctx.Err(), context.Cause(ctx) and ctx.Deadline() return at a moment (data/go/ctxtree's nodeState).
namespace GoRuntimeLab.NetPool.CancelTree;

/// <summary>One context at a check.</summary>
/// <param name="Name">The node.</param>
/// <param name="Done">Done() is closed.</param>
/// <param name="Err">Err(): "", "context canceled" or "context deadline exceeded" ("not created" before its CreateAt).</param>
/// <param name="Cause">context.Cause (Go 1.20+; "" before, and while not done).</param>
/// <param name="DeadlineMs">Deadline() in ms after the start, -1 for none.</param>
public sealed record ContextNodeState(string Name, bool Done, string Err, string Cause, long DeadlineMs);
