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

        // buildProfile: one location per PC, one function per file+name, ids in order of first use.
        var locations = new List<PprofLocation>();
        var functions = new List<PprofFunction>();
        var locs = new Dictionary<ulong, PprofLocation>();
        var funcs = new Dictionary<string, PprofFunction>(StringComparer.Ordinal);
        var samples = new List<PprofSample>();
        foreach (var (stkId, rec) in prof)
        {
            var sloc = new List<PprofLocation>();
            foreach (var frame in timeline.Stacks[stkId])
            {
                if (!locs.TryGetValue(frame.Pc, out var loc))
                {
                    if (!funcs.TryGetValue(frame.File + frame.Fn, out var fn))
                    {
                        fn = new PprofFunction((ulong)functions.Count + 1, frame.Fn, frame.Fn, frame.File, 0);
                        functions.Add(fn);
                        funcs[frame.File + frame.Fn] = fn;
                    }
                    loc = new PprofLocation((ulong)locations.Count + 1, null, frame.Pc, [new PprofLine(fn, frame.Line)]);
                    locations.Add(loc);
                    locs[frame.Pc] = loc;
                }
                sloc.Add(loc);
            }
            samples.Add(new PprofSample(sloc, [rec.N, rec.Time], []));
        }

        return new PprofProfile
        {
            PeriodType = new PprofValueType("trace", "count"),
            Period = 1,
            SampleTypes = [new PprofValueType("contentions", "count"), new PprofValueType("delay", "nanoseconds")],
            Samples = samples,
            Locations = locations,
            Functions = functions,
        };
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
