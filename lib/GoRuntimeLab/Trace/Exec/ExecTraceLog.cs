namespace GoRuntimeLab.Trace.Exec;

/// <summary>One user log (runtime/trace.Log): when (ns from the trace's first event), on which goroutine, its category and message.</summary>
public sealed record ExecTraceLog(long AtNs, ulong Goroutine, string Category, string Message);
