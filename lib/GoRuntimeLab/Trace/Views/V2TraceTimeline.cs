// Mirrors: cmd/trace/v2 procgen.go / goroutinegen.go (Go 1.22.12; cmd/trace in 1.23.5) for the P rows — a slice per
// goroutine run on its P, from the transition into Running to the one out of it — and internal/trace summary.go
// GoroutineSummary (same versions) for the goroutine states: every goroutine state transition (event.go
// StateTransition) ends one span and starts the next, at the same times summary.go takes, so a goroutine's running
// spans add up to its ExecTime. GC rows: the GC concurrent mark phase range (GCBegin/GCActive…GCEnd) and the
// stop-the-world ranges (STWBegin…STWEnd). Names as summary.go gives them (the root frame of the first stack seen).
// Simplified: a run ends when the goroutine enters a syscall (Go keeps its P slice through a syscall that keeps the
// P); spans open at the end close at the last event (as summary.go's Finalize); no P idle/steal slices.
using GoRuntimeLab.Sched;
using GoRuntimeLab.Trace.Exec;
using GoRuntimeLab.Trace.Exec.V2;

namespace GoRuntimeLab.Trace.Views;

/// <summary>Builds a <see cref="TimelineView"/> from the ordered events of a Go 1.22+ trace (fed one by one).</summary>
internal sealed class V2TraceTimeline(IReadOnlyList<V2EventSpec?> specs, string source)
{
    private sealed class G(long id, GStatus status, string reason, long since, long p)
    {
        public readonly long Id = id;
        public GStatus Status = status;
        public string Reason = reason;
        public long Since = since;
        public long P = p;
    }

    private readonly Dictionary<long, G> _gs = [];
    private readonly List<PSlice> _pSlices = [];
    private readonly List<GSpan> _gSpans = [];
    private readonly List<long> _latency = [];
    private readonly List<TimelineGcSpan> _gc = [];
    private readonly Dictionary<(long G, string Kind), long> _stw = [];
    private long? _gcStart;
    private long _first = -1, _last;
    private int _procs = 1;

    // resources.go GoState → the simulator's status (NotExist: dead).
    private static GStatus Status(V2GoState s) => s switch
    {
        V2GoState.Runnable => GStatus.Runnable,
        V2GoState.Running => GStatus.Running,
        V2GoState.Waiting => GStatus.Waiting,
        V2GoState.Syscall => GStatus.Syscall,
        _ => GStatus.Dead,
    };

    public void Event(V2Event ev)
    {
        if (_first < 0) _first = ev.Time;
        _last = ev.Time;
        if (ev.P >= 0 && ev.P < 256) _procs = Math.Max(_procs, checked((int)ev.P + 1));
        if (V2Transition.Of(ev, specs) is { } st)
        {
            if (!st.IsGoroutine)
            {
                if (st.Id is >= 0 and < 256) _procs = Math.Max(_procs, checked((int)st.Id + 1));
                return;
            }
            if (st.From == st.To) return;
            var to = Status(st.GoTo);
            var reason = st.GoTo == V2GoState.Waiting ? st.Reason : "";
            if (!_gs.TryGetValue(st.Id, out var g))
            {
                // summary.go: a goroutine appears on its first transition (from NotExist, or Undetermined at a generation's start).
                if (st.GoFrom is not (V2GoState.NotExist or V2GoState.Undetermined))
                    throw ExecTraceFormatException.At(source, ev.Offset, $"goroutine {st.Id} changes state before it appears");
                _ = checked((int)st.Id);
                _gs[st.Id] = g = new G(st.Id, to, reason, ev.Time, ev.P);
                return;
            }
            if (to == GStatus.Running && g.Status == GStatus.Runnable) _latency.Add(ev.Time - g.Since);
            Move(g, to, reason, ev.Time);
            g.P = ev.P;
            return;
        }
        switch (ev.Type)
        {
            case 9: // ProcsChange: GOMAXPROCS
                _procs = Math.Max(_procs, (int)Math.Min(ev.Args[0], 256));
                break;
            case 28 or 29: // GCActive, GCBegin
                _gcStart ??= ev.Time;
                break;
            case 30 when _gcStart is { } from: // GCEnd
                _gc.Add(new TimelineGcSpan(false, from, ev.Time));
                _gcStart = null;
                break;
            case 26: // STWBegin
                _stw[(ev.G, ev.Str(0))] = ev.Time;
                break;
            case 27 when _stw.Remove((ev.G, ev.Str(0)), out var from): // STWEnd
                _gc.Add(new TimelineGcSpan(true, from, ev.Time));
                break;
        }
    }

    // Ends the goroutine's current span at ts (zero-length spans are dropped) and starts status at ts.
    private void Move(G g, GStatus status, string reason, long ts)
    {
        if (g.Status is not GStatus.Dead && ts > g.Since)
            _gSpans.Add(new GSpan((int)g.Id, g.Status, g.Status == GStatus.Waiting ? g.Reason : "", g.Since, ts));
        if (g.Status == GStatus.Running && g.P >= 0 && ts > g.Since)
            _pSlices.Add(new PSlice(checked((int)g.P), PActivity.Running, (int)g.Id, g.Since, ts));
        g.Status = status;
        g.Reason = reason;
        g.Since = ts;
    }

    /// <summary>The view, times from the trace's first event; goroutines as <paramref name="summary"/> lists and names them.</summary>
    public TimelineView Build(V2Summarizer summary, ExecTraceHeader header, string workload)
    {
        foreach (var g in _gs.Values) Move(g, GStatus.Dead, "", _last);
        if (_gcStart is { } gc) _gc.Add(new TimelineGcSpan(false, gc, _last));
        foreach (var from in _stw.Values) _gc.Add(new TimelineGcSpan(true, from, _last));
        var first = Math.Max(_first, 0);
        string Name(V2Summarizer.G g) => g.Name.Length == 0 ? TimelineGoroutine.NeverRan : g.Name.StartsWith("main.", StringComparison.Ordinal) ? g.Name[5..] : g.Name;
        return new TimelineView
        {
            Workload = workload,
            Source = $"traced go{header.Major}.{header.Minor} ({Path.GetFileName(source)})",
            Simulated = false,
            Procs = _procs,
            EndTime = _last - first,
            Goroutines = [.. summary.Goroutines.Values.OrderBy(g => g.Id).Select(g => new TimelineGoroutine(checked((int)g.Id), Name(g)))],
            PTimeline = [.. _pSlices.Select(s => s with { Start = s.Start - first, End = s.End - first }).OrderBy(s => s.Start).ThenBy(s => s.P)],
            GTimeline = [.. _gSpans.Select(s => s with { Start = s.Start - first, End = s.End - first }).OrderBy(s => s.Start).ThenBy(s => s.G)],
            LatencySamples = _latency,
            Gc = [.. _gc.Select(s => s with { Start = s.Start - first, End = s.End - first }).OrderBy(s => s.Start).ThenBy(s => s.StopTheWorld)],
        };
    }
}
