// Mirrors: nothing in Go; goroutine profile samples (runtime/pprof writeGoroutine: one sample per distinct stack)
// grouped by where a goroutine started and what it waits in.
namespace GoRuntimeLab.Leaks;

/// <summary>How many goroutines sat on one kind of stack at each step.</summary>
/// <param name="Start">The goroutine's start function: the stack's outermost frame (runtime.main for the main goroutine).</param>
/// <param name="WaitsIn">The runtime function it is parked in (the frame under runtime.gopark: runtime.chansend,
/// runtime.selectgo, runtime.netpollblock…), or its innermost frame when it is not parked.</param>
/// <param name="BlockedAt">The innermost frame outside the runtime (where the program waits: main.worker, net/http.(*persistConn).readLoop…).</param>
/// <param name="Counts">Goroutines per snapshot, in step order.</param>
public sealed record GoroutineStackCount(string Start, string WaitsIn, string BlockedAt, IReadOnlyList<long> Counts)
{
    /// <summary>Last count minus first count.</summary>
    public long Growth => Counts.Count == 0 ? 0 : Counts[^1] - Counts[0];

    public override string ToString() => $"{Start} [{WaitsIn}] at {BlockedAt}: {string.Join(" → ", Counts)}";
}
