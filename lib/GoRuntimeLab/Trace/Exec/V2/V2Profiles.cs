// Mirrors: cmd/trace/v2 pprof.go (Go 1.22.12; cmd/trace pprof.go in Go 1.23.5 the same) makeComputePprofFunc with
// computePprofIO / Block / Syscall / Sched, pprofByGoroutine with no name (what `go tool trace -pprof=KIND` writes:
// every goroutine's interval from its start to its end or the trace's end), pprofOverlappingDuration, stackMap (stacks
// deduplicated by their first 128 PCs), and internal/trace/traceviewer pprof.go BuildProfile.
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Trace.Exec.V1;

namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// The four blocking profiles of a Go 1.22+ trace: from a goroutine's transition INTO the kind's state (with a stack
/// and a matching reason) to its next transition with a stack OUT of it, one contention and that time (clipped to the
/// goroutine's interval), summed by the stack of the first event. As in Go, transitions without a stack (GoStart,
/// GoUnblock of another goroutine's wake-up…) neither start nor end a measurement.
/// </summary>
internal sealed class V2Profiles(ExecTraceProfileKind kind, IReadOnlyList<V2EventSpec?> specs)
{
    private const int MaxStack = 128; // pprof.go pprofMaxStack
    private readonly Dictionary<long, (long Time, V1Frame[] Stack)> _tracking = [];
    private readonly List<(long G, long Start, long End, V1Frame[] Stack)> _samples = [];

    private V2GoState State => kind switch
    {
        ExecTraceProfileKind.Net or ExecTraceProfileKind.Sync => V2GoState.Waiting,
        ExecTraceProfileKind.Syscall => V2GoState.Syscall,
        _ => V2GoState.Runnable,
    };

    private bool TrackReason(string reason) => kind switch
    {
        ExecTraceProfileKind.Net => reason == "network",
        ExecTraceProfileKind.Sync => reason.Contains("chan", StringComparison.Ordinal) || reason.Contains("sync", StringComparison.Ordinal) ||
                                     reason.Contains("select", StringComparison.Ordinal),
        _ => true,
    };

    public void Event(V2Event ev)
    {
        var stack = ev.StackId(specs);
        if (stack == 0) return;
        if (V2Transition.Of(ev, specs) is not { IsGoroutine: true } st) return;
        var state = State;
        if (!_tracking.TryGetValue(st.Id, out var start))
        {
            if (st.GoTo == state && TrackReason(st.Reason)) _tracking[st.Id] = (ev.Time, ev.Frames(stack));
            return;
        }
        if (st.GoTo == state) return;
        _tracking.Remove(st.Id);
        _samples.Add((st.Id, start.Time, ev.Time, start.Stack));
    }

    /// <summary>The profile, once the summaries are final (they give each goroutine's interval).</summary>
    public PprofProfile Build(V2Summarizer summary)
    {
        // stackMap: records keyed by the stack's PCs, in the order first seen (Go writes them in map order).
        var records = new Dictionary<string, (long Count, long Time, V1Frame[] Stack)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (g, start, end, stack) in _samples)
        {
            var overlapping = Overlapping(summary, g, start, end);
            if (overlapping <= 0) continue;
            var key = string.Join(',', stack.Take(MaxStack).Select(f => f.Pc));
            if (!records.TryGetValue(key, out var rec)) order.Add(key);
            records[key] = (rec.Count + 1, rec.Time + overlapping, stack);
        }

        return TraceProfileBuilder.Build(order.Select(key => records[key]).Select(r => (r.Stack.Take(MaxStack), r.Count, r.Time)));
    }

    // pprofMatchingGoroutines + pprofOverlappingDuration + interval.overlap.
    private static long Overlapping(V2Summarizer summary, long g, long start, long end)
    {
        if (!summary.Goroutines.TryGetValue(g, out var gs)) return 0;
        var (s1, e1) = (gs.Start, gs.End == 0 ? summary.LastTs : gs.End);
        if (e1 < start || end < s1) return 0;
        return Math.Min(e1, end) - Math.Max(s1, start);
    }
}
