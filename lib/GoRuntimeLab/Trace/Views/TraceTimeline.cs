// Mirrors: internal/trace/goroutines.go GoroutineStats (Go 1.19; 1.21 the same) for when a goroutine runs, waits for
// a P, blocks and is in a syscall — the same events and the same times, kept as spans instead of sums, so a span's
// running time adds up to GoroutineStats' ExecTime — and cmd/trace trace.go generateTrace (Go 1.19/1.21) for the P
// rows: a slice per GoStart on its P, ending at the event linked to it (GoEnd, GoStop, GoSched, GoPreempt, GoSleep,
// GoBlock*, GoSysBlock, GoBlockGC) or at the trace's last event, and the GC/STW rows.
// Traces of Go 1.22+ (generation format) are read through the V2 reader by V2TraceTimeline (same shapes).
// Simplified: runtime goroutines are kept (GC workers show up).
using GoRuntimeLab.IO;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Trace.Exec;
using GoRuntimeLab.Trace.Exec.V1;
using GoRuntimeLab.Trace.Exec.V2;

namespace GoRuntimeLab.Trace.Views;

/// <summary>A real execution trace (Go 1.7–1.23) as a <see cref="TimelineView"/>, the simulator's shapes.</summary>
public static class TraceTimeline
{
    /// <summary>Reads the trace at <paramref name="path"/>; <paramref name="parameter"/> names the argument that gave it.</summary>
    /// <param name="path">An execution trace written by Go 1.7–1.23 (runtime/trace).</param>
    /// <param name="parameter">The name errors give the path.</param>
    /// <param name="workload">The workload's name for titles (default: the file name without extension).</param>
    /// <exception cref="KitInputException">Missing or unreadable file.</exception>
    /// <exception cref="ExecTraceFormatException">Not a trace, an unsupported version, truncated or corrupt (with the byte offset).</exception>
    public static TimelineView Read(string path, string parameter = "file", string? workload = null)
    {
        using var stream = KitFile.OpenRead(path, ExecTrace.Limits, parameter);
        return Read(stream, path, workload ?? Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads a trace from <paramref name="stream"/>; <paramref name="source"/> names it in errors and in the view's source.</summary>
    public static TimelineView Read(Stream stream, string source, string workload)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(workload);
        if (stream is not LimitedReadStream) stream = new LimitedReadStream(stream, source, ExecTrace.Limits, leaveOpen: true);
        var header = ExecTraceHeader.Read(stream, source);
        if (header.IsGenerational)
        {
            var v2 = new V2TraceTimeline(V2EventSpecs.For(header.Minor), source);
            var summary = V2Analysis.Run(stream, source, header, v2.Event, out _);
            return v2.Build(summary, header, workload);
        }
        var timeline = V1Timeline.Read(stream, source, header);
        return Build(timeline, header, source, workload);
    }

    private sealed class G(int id)
    {
        public int Id = id;
        public string Name = "";
        public GStatus Status = GStatus.Runnable;
        public string Reason = "";
        public long Since;
        public long P = -1;
    }

    private static TimelineView Build(V1Timeline timeline, ExecTraceHeader header, string source, string workload)
    {
        var gs = new SortedDictionary<int, G>();
        var pSlices = new List<PSlice>();
        var gSpans = new List<GSpan>();
        var latency = new List<long>();
        var gc = new List<TimelineGcSpan>();
        long gcStart = -1, stwStart = -1, lastTs = 0;
        var procs = 1;

        G Get(V1Event ev, ulong id)
        {
            var key = checked((int)id);
            if (!gs.TryGetValue(key, out var g)) throw ExecTraceFormatException.At(source, ev.Offset, $"goroutine {id} appears without being created");
            return g;
        }

        // Ends the goroutine's current span at ts (zero-length spans are dropped) and starts status at ts.
        void Move(G g, GStatus status, string reason, long ts)
        {
            if (g.Status is not GStatus.Dead && ts > g.Since)
                gSpans.Add(new GSpan(g.Id, g.Status, g.Status == GStatus.Waiting ? g.Reason : "", g.Since, ts));
            if (g.Status == GStatus.Running && g.P >= 0 && ts > g.Since)
                pSlices.Add(new PSlice(checked((int)g.P), PActivity.Running, g.Id, g.Since, ts));
            g.Status = status;
            g.Reason = reason;
            g.Since = ts;
        }

        foreach (var ev in timeline.Events)
        {
            lastTs = ev.Ts;
            switch (ev.Type)
            {
                case 4: // Gomaxprocs
                    procs = Math.Max(procs, (int)Math.Min(ev.A0, 256));
                    break;
                case V1EventTypes.GoCreate:
                    {
                        var id = checked((int)ev.A0);
                        gs[id] = new G(id) { Since = ev.Ts };
                        break;
                    }
                case V1EventTypes.GoStart or V1EventTypes.GoStartLabel:
                    {
                        var g = Get(ev, ev.G);
                        if (g.Name.Length == 0 && timeline.Stacks.TryGetValue(ev.StkId, out var stk) && stk.Length > 0) g.Name = ShortName(stk[0].Fn);
                        if (g.Status == GStatus.Runnable) latency.Add(ev.Ts - g.Since);
                        Move(g, GStatus.Running, "", ev.Ts);
                        g.P = ev.P;
                        if (ev.P < V1Parser.FakeP) procs = Math.Max(procs, checked((int)ev.P + 1));
                        break;
                    }
                case V1EventTypes.GoEnd:
                    Move(Get(ev, ev.G), GStatus.Dead, "", ev.Ts);
                    break;
                case 16: // GoStop: GoroutineStats finalizes the goroutine as if it ended
                    Move(Get(ev, ev.G), GStatus.Waiting, "stopped", ev.Ts);
                    break;
                case 17 or 18: // GoSched, GoPreempt: back to the run queue
                    Move(Get(ev, ev.G), GStatus.Runnable, "", ev.Ts);
                    break;
                case 19 or 20 or 22 or 23 or 24 or 25 or 26 or 27 or V1EventTypes.GoBlockGC:
                    Move(Get(ev, ev.G), GStatus.Waiting, WaitReason(ev.Type), ev.Ts);
                    break;
                case V1EventTypes.GoSysBlock:
                    Move(Get(ev, ev.G), GStatus.Syscall, "", ev.Ts);
                    break;
                case V1EventTypes.GoUnblock:
                    Move(Get(ev, ev.A0), GStatus.Runnable, "", ev.Ts);
                    break;
                case V1EventTypes.GoSysExit:
                    Move(Get(ev, ev.G), GStatus.Runnable, "", ev.Ts);
                    break;
                case V1EventTypes.GoWaiting: // at trace start: the goroutine was already blocked
                    {
                        var g = Get(ev, ev.G);
                        g.Status = GStatus.Waiting;
                        g.Reason = "waiting (before the trace started)";
                        g.Since = ev.Ts;
                        break;
                    }
                case V1EventTypes.GoInSyscall: // at trace start: already in a syscall
                    {
                        var g = Get(ev, ev.G);
                        g.Status = GStatus.Syscall;
                        g.Since = ev.Ts;
                        break;
                    }
                case V1EventTypes.GCStart:
                    gcStart = ev.Ts;
                    break;
                case V1EventTypes.GCDone:
                    if (gcStart >= 0) gc.Add(new TimelineGcSpan(false, gcStart, ev.Ts));
                    gcStart = -1;
                    break;
                case V1EventTypes.GCSTWStart:
                    stwStart = ev.Ts;
                    break;
                case V1EventTypes.GCSTWDone:
                    if (stwStart >= 0) gc.Add(new TimelineGcSpan(true, stwStart, ev.Ts));
                    stwStart = -1;
                    break;
            }
        }

        foreach (var g in gs.Values) Move(g, GStatus.Dead, "", lastTs);
        if (gcStart >= 0) gc.Add(new TimelineGcSpan(false, gcStart, lastTs));
        if (stwStart >= 0) gc.Add(new TimelineGcSpan(true, stwStart, lastTs));
        var version = $"go{header.Major}.{header.Minor}";
        return new TimelineView
        {
            Workload = workload,
            Source = $"traced {version} ({Path.GetFileName(source)})",
            Simulated = false,
            Procs = procs,
            EndTime = lastTs,
            Goroutines = [.. gs.Values.Select(g => new TimelineGoroutine(g.Id, g.Name.Length > 0 ? g.Name : TimelineGoroutine.NeverRan))],
            PTimeline = [.. pSlices.OrderBy(s => s.Start).ThenBy(s => s.P)],
            GTimeline = [.. gSpans.OrderBy(s => s.Start).ThenBy(s => s.G)],
            LatencySamples = latency,
            Gc = [.. gc.OrderBy(s => s.Start)],
        };
    }

    // The wait reason Go's runtime gives the same block (runtime2.go waitReason strings), for the V1 event type.
    private static string WaitReason(int type) => type switch
    {
        19 => "sleep",
        20 => "blocked",
        22 => "chan send",
        23 => "chan receive",
        24 => "select",
        25 => "sync",
        26 => "sync.Cond.Wait",
        27 => "IO wait",
        _ => "GC assist wait",
    };

    // "main.pingPong.func1" → "pingPong.func1": the package of the traced program is always main.
    private static string ShortName(string fn) => fn.StartsWith("main.", StringComparison.Ordinal) ? fn[5..] : fn;
}
