namespace GoRuntimeLab.Trace.Exec;

/// <summary>
/// A user task (runtime/trace.NewTask) as internal/trace summary.go (Go 1.22+) collects it: its name, parent, span,
/// logs and regions and the goroutines that took part. Times are ns from the trace's first event; -1 when the trace
/// does not hold the task's begin or end (it began before tracing started or had not ended).
/// </summary>
/// <param name="Id">Task id.</param>
/// <param name="Name">The task type given to NewTask ("" when only its logs or regions are in the trace).</param>
/// <param name="ParentId">The parent task's id, or null.</param>
/// <param name="StartNs">When the task began, or -1.</param>
/// <param name="EndNs">When it ended, or -1.</param>
/// <param name="Logs">Its trace.Log / Logf events in time order.</param>
/// <param name="Regions">Its regions (trace.WithRegion, StartRegion) in the order they began.</param>
/// <param name="Goroutines">The goroutines that began or ended it, logged or ran a region in it, by id.</param>
public sealed record ExecTraceTask(
    ulong Id, string Name, ulong? ParentId, long StartNs, long EndNs, IReadOnlyList<ExecTraceLog> Logs, IReadOnlyList<ExecTraceRegion> Regions,
    IReadOnlyList<ulong> Goroutines);
