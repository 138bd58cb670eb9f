namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// One event type of the Go 1.22+ wire format, as internal/trace/v2/event/go122/event.go (Go 1.22) and
/// internal/trace/event/go122/event.go (Go 1.23) spell it in their <c>specs</c> table.
/// </summary>
/// <param name="Type">The type byte on the wire.</param>
/// <param name="Name">The name <c>go tool trace -d=2</c> prints (event.Spec.Name).</param>
/// <param name="Args">The argument names, in wire order; for a timed event the first is "dt" (event.Spec.Args).</param>
/// <param name="IsTimed">True for events inside an M's batch, whose first argument is a timestamp delta (event.Spec.IsTimedEvent).</param>
/// <param name="StackArgs">Indexes into <paramref name="Args"/> of stack-table IDs (event.Spec.StackIDs).</param>
/// <param name="StringArgs">Indexes into <paramref name="Args"/> of string-table IDs (event.Spec.StringIDs).</param>
/// <param name="GoroutineArg">Index of the argument naming a goroutine (g, new_g), or -1.</param>
/// <param name="ProcArg">Index of the argument naming a P (p), or -1.</param>
public sealed record V2EventSpec(
    byte Type,
    string Name,
    IReadOnlyList<string> Args,
    bool IsTimed,
    IReadOnlyList<int> StackArgs,
    IReadOnlyList<int> StringArgs,
    int GoroutineArg,
    int ProcArg);
