// Mirrors: cmd/trace pprof.go (Go 1.19; 1.21 the same) computePprofIO / Block / Syscall / Sched with no goroutine or
// region filter (what `go tool trace -pprof=KIND` writes), and buildProfile.
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>
/// The four blocking profiles of <c>go tool trace -pprof</c>: for each event of the kind's types that has a link and a
/// stack, one contention and the time until the linked event, summed by stack.
/// </summary>
internal static class V1Profiles
{
    public static PprofProfile Build(V1Timeline timeline, ExecTraceProfileKind kind)
    {
        // prof: stack id → (count, delay ns). Go keys a map and writes it in map order; here in stack-id order.
        var prof = new SortedDictionary<ulong, (long N, long Time)>();
        foreach (var ev in timeline.Events)
        {
            if (!Counts(kind, ev.Type) || ev.Link is null || ev.StkId == 0 || !timeline.Stacks.ContainsKey(ev.StkId)) continue;
            var overlapping = ev.Link.Ts - ev.Ts; // pprofOverlappingDuration without filter
            if (overlapping > 0)
            {
                var rec = prof.GetValueOrDefault(ev.StkId);
                prof[ev.StkId] = (rec.N + 1, rec.Time + overlapping);
            }
        }

        // buildProfile, in stack-id order.
        return TraceProfileBuilder.Build(prof.Select(p => ((IEnumerable<V1Frame>)timeline.Stacks[p.Key], p.Value.N, p.Value.Time)));
    }

    private static bool Counts(ExecTraceProfileKind kind, int type) => kind switch
    {
        ExecTraceProfileKind.Net => type == 27,                                            // GoBlockNet
        ExecTraceProfileKind.Sync => type is 22 or 23 or 24 or 25 or 26 or V1EventTypes.GoBlockGC, // Send, Recv, Select, Sync, Cond, GC
        ExecTraceProfileKind.Syscall => type == 28,                                        // GoSysCall
        ExecTraceProfileKind.Sched => type is V1EventTypes.GoUnblock or V1EventTypes.GoCreate,
        _ => false,
    };
}
