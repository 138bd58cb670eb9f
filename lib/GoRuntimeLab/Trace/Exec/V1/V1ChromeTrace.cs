// Mirrors: cmd/trace trace.go generateTrace (Go 1.19; 1.21 the same) in its default, proc-oriented mode: one thread per
// P with a slice per goroutine run (GoStart/GoStartLabel to the event that ends it, named "G<id> <function of its
// GoCreate stack>" or the start label), a "GC" slice from GCStart to GCDone, "STW (<kind>)" slices and "syscall" instants.
// Simplified: no arrows, counters, mark-assist or sweep slices; STW gets its own track (Go draws it on the P that stops
// the world, where it may cross a goroutine's slice); added, as SchedChromeTrace does for the simulator, a Goroutines
// process (running and blocking-syscall slices per goroutine) and a process of user regions per goroutine; a run still
// going when the trace ends ends at the last event (Go's slice would have no end). Zero-length runs stay 0 µs long.
using static System.FormattableString;

namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>The Chrome trace of an ordered, linked timeline; times are nanoseconds from the trace's first event.</summary>
internal static class V1ChromeTrace
{
    /// <summary>pid of the P tracks, of the per-goroutine tracks and of the user regions.</summary>
    public const int ProcsPid = 0, GoroutinesPid = 1, RegionsPid = 2;

    /// <summary>tid of the GC track (parser.go GCP, as go tool trace numbers it) and of the STW track.</summary>
    public const int GcTid = (int)V1Parser.FakeP + 4, StwTid = (int)V1Parser.FakeP + 10;

    public static ChromeTraceWriter Build(V1Timeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var w = new ChromeTraceWriter();
        var events = timeline.Events;
        var lastTs = events.Count > 0 ? events[^1].Ts : 0;
        var names = new Dictionary<ulong, string>();
        var procs = new SortedSet<long>();
        var sysBlock = new Dictionary<ulong, long>();
        string Name(ulong g) => names.GetValueOrDefault(g) ?? Invariant($"G{g}");

        w.ProcessName(ProcsPid, "Procs");
        w.ProcessName(GoroutinesPid, "Goroutines");
        w.ProcessName(RegionsPid, "User regions");
        w.ThreadName(ProcsPid, GcTid, "GC");
        w.ThreadName(ProcsPid, StwTid, "STW");
        foreach (var ev in events)
        {
            if (ev.P >= 0 && ev.P < V1Parser.FakeP) procs.Add(ev.P);
            var end = ev.Link?.Ts ?? lastTs;
            switch (ev.Type)
            {
                case V1EventTypes.GoCreate:
                    // generateTrace: info.name = "G<id> <stk[0].Fn>" of the GoCreate stack (Args[1]).
                    if (timeline.Stacks.TryGetValue(ev.A1, out var stk) && stk.Length > 0) names[ev.A0] = Invariant($"G{ev.A0} {stk[0].Fn}");
                    break;
                case V1EventTypes.GoStart or V1EventTypes.GoStartLabel:
                    {
                        var label = ev.Type == V1EventTypes.GoStartLabel ? timeline.Str(ev.A2) : Name(ev.G);
                        var args = new Dictionary<string, object> { ["g"] = (long)ev.G, ["p"] = ev.P };
                        w.Slice(ProcsPid, (int)ev.P, label, ev.Ts, end - ev.Ts, "running", args);
                        w.Slice(GoroutinesPid, (int)ev.G, Invariant($"running (P{ev.P})"), ev.Ts, end - ev.Ts, "running", args);
                        break;
                    }
                case V1EventTypes.GCStart:
                    w.Slice(ProcsPid, GcTid, "GC", ev.Ts, end - ev.Ts, "gc");
                    break;
                case V1EventTypes.GCSTWStart:
                    // parser.go: Args[0] 0 = mark termination, 1 = sweep termination.
                    var kind = ev.A0 switch { 0 => "mark termination", 1 => "sweep termination", _ => "unknown" };
                    w.Slice(ProcsPid, StwTid, $"STW ({kind})", ev.Ts, end - ev.Ts, "gc");
                    break;
                case 28: // GoSysCall: an instant on the P, as generateTrace emits it.
                    w.Instant(ProcsPid, (int)ev.P, "syscall", ev.Ts, new Dictionary<string, object> { ["g"] = (long)ev.G });
                    break;
                case V1EventTypes.GoSysBlock:
                    sysBlock[ev.G] = ev.Ts;
                    break;
                case V1EventTypes.GoSysExit:
                    if (sysBlock.Remove(ev.G, out var from)) w.Slice(GoroutinesPid, (int)ev.G, "syscall", from, ev.Ts - from, "syscall");
                    break;
                case 47 when ev.A1 == 0: // UserRegion start; its end (or the GoEnd that flushes it) is the link.
                    w.Slice(RegionsPid, (int)ev.G, timeline.Str(ev.A2), ev.Ts, end - ev.Ts, "region");
                    break;
            }
        }

        foreach (var (g, from) in sysBlock) w.Slice(GoroutinesPid, (int)g, "syscall", from, lastTs - from, "syscall");
        foreach (var p in procs) w.ThreadName(ProcsPid, (int)p, Invariant($"Proc {p}"));
        foreach (var g in events.Where(e => e.Type is V1EventTypes.GoStart or V1EventTypes.GoStartLabel || e.Type == V1EventTypes.GoSysBlock).Select(e => e.G).Distinct().Order())
            w.ThreadName(GoroutinesPid, (int)g, Name(g));
        foreach (var g in events.Where(e => e.Type == 47 && e.A1 == 0).Select(e => e.G).Distinct().Order())
            w.ThreadName(RegionsPid, (int)g, Name(g));
        return w;
    }
}
