// Mirrors: Event of internal/trace/traceviewer/format (name, ph, ts µs, dur, pid, tid, id, cat, args) as `go tool trace` emits it, Go 1.19–1.23.
// Simplified: no stack frames (sf/esf), no bind points (bp) other than flow ends binding to the enclosing slice.
namespace GoRuntimeLab.Trace;

/// <summary>One Chrome Trace Event. Times are microseconds (floating point), like Go's trace viewer.</summary>
public sealed record ChromeTraceEvent(
    string Name,
    string Phase,
    double Timestamp,
    int Pid,
    int Tid,
    double? Duration = null,
    string? Category = null,
    string? Id = null,
    IReadOnlyDictionary<string, object>? Args = null,
    string? Scope = null)
{
    public override string ToString() => $"{Phase} {Name} pid={Pid} tid={Tid} ts={Timestamp}" + (Duration is { } d ? $" dur={d}" : "");
}
