namespace GoRuntimeLab.Trace.Exec;

/// <summary>
/// What <c>golab trace stats</c> reports of one execution trace (the binary file written by runtime/trace or
/// <c>go test -trace</c>): the Go version from its header, the span of its timestamps in nanoseconds, the Ps and
/// goroutines that appear in it, and how many events of each type it holds, the types named as
/// <c>go tool trace -d</c> names them (e.g. "GoCreate").
/// </summary>
/// <param name="GoVersion">The header's version, e.g. "1.19" (the trace format does not record the patch release).</param>
/// <param name="DurationNs">Last event time minus first event time, in nanoseconds, after the parser's post-processing.</param>
/// <param name="Procs">Distinct Ps that carry events (not counting the parser's pseudo-Ps for GC, network, timers, syscalls).</param>
/// <param name="Goroutines">Distinct goroutine ids that appear in the trace.</param>
/// <param name="Events">Event count by type name, ordered by name.</param>
public sealed record ExecTraceStats(
    string GoVersion,
    long DurationNs,
    int Procs,
    int Goroutines,
    IReadOnlyDictionary<string, long> Events);
