// Mirrors: internal/trace/parser.go Event (Go 1.19): one event after ordering, with its Link.
namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>
/// One event of the in-memory timeline, as parser.go's Event: type (Local variants renamed once ordered), time (ticks,
/// then nanoseconds from the first event), P, goroutine, three arguments, stack id, and the linked event
/// (postProcessTrace: a blocking event's unblock, a GoSysCall's GoSysExit, a GoCreate's or GoUnblock's GoStart…).
/// </summary>
internal sealed class V1Event(V1RawEvent raw)
{
    public long Offset { get; } = raw.Offset;
    public int Type { get; set; } = raw.Type;
    public long Ts { get; set; } = raw.Ts;
    public long P { get; set; } = raw.P;
    public ulong G { get; } = raw.G;
    public ulong A0 { get; } = raw.A0;
    public ulong A1 { get; } = raw.A1;
    public ulong A2 { get; } = raw.A2;
    public ulong StkId { get; set; } = raw.StkId;
    public V1Event? Link { get; set; }
}
