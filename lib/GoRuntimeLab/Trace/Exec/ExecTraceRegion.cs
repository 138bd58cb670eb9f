namespace GoRuntimeLab.Trace.Exec;

/// <summary>
/// One user region (runtime/trace.WithRegion, StartRegion) as internal/trace summary.go (Go 1.22+) records it: its
/// goroutine, name, span (ns from the trace's first event; -1 when it began before the trace or had not ended) and the
/// goroutine's execution and scheduler-wait time while it was open.
/// </summary>
public sealed record ExecTraceRegion(ulong Goroutine, string Name, long StartNs, long EndNs, long ExecNs, long SchedWaitNs);
