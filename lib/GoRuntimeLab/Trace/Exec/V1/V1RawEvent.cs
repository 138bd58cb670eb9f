// Mirrors: internal/trace/parser.go Event (Go 1.19) as parseEvents fills it, before ordering.
namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>
/// One event as parser.go parseEvents makes it from the wire: its type as written (the Local variants not yet renamed),
/// its tick (the batch's base plus the deltas; a CPU sample's is the signal handler's), the P whose batch holds it, the
/// goroutine it belongs to, up to three arguments after the timestamp and the stack id.
/// </summary>
internal readonly record struct V1RawEvent(long Offset, int Type, long Ts, long P, ulong G, ulong A0, ulong A1, ulong A2, ulong StkId);
