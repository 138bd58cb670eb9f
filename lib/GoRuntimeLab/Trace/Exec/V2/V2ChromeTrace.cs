// Mirrors: cmd/trace/v2 gen.go / procgen.go / goroutinegen.go (Go 1.22.12; cmd/trace in 1.23.5) in their default,
// proc-oriented view: per P a track with a slice per goroutine run ("G<id> <function>", the function as summary.go
// names the goroutine), a "GC" track of the GC concurrent mark phases (the GC range), a "STW" track of the
// stop-the-world ranges, and instants for syscalls. Simplified as the V1 view: no arrows, counters or mark-assist
// slices; a run ends when the goroutine leaves Running (Go keeps drawing it through a syscall that keeps its P; here
// the syscall is a slice of its own on the goroutine's track); what is open at the end closes at the last event. Added,
// as for V1: a Goroutines process (running and syscall slices per goroutine) and a process of user regions per goroutine.
using static System.FormattableString;

namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>Builds the Chrome trace of a Go 1.22+ trace from its ordered events, then names the goroutines from the summaries.</summary>
internal sealed class V2ChromeTrace(IReadOnlyList<V2EventSpec?> specs)
{
    /// <summary>pid of the P tracks, of the per-goroutine tracks and of the user regions (as V1ChromeTrace).</summary>
    public const int ProcsPid = 0, GoroutinesPid = 1, RegionsPid = 2;

    /// <summary>tid of the GC and STW tracks: past any real P.</summary>
    public const int GcTid = 1_000_004, StwTid = 1_000_010;

    private readonly List<(int Pid, int Tid, long G, string Kind, string Name, long Start, long End, long P)> _slices = [];
    private readonly Dictionary<long, (long Start, long P)> _running = [];
    private readonly Dictionary<long, long> _syscall = [];
    private readonly Dictionary<long, List<(string Name, long Start)>> _regions = [];
    private readonly Dictionary<(long G, string Name), long> _stw = [];
    private readonly List<(long P, long G, long At)> _syscallInstants = [];
    private readonly SortedSet<long> _procs = [];
    private long? _gcStart;
    private long _last;

    public void Event(V2Event ev)
    {
        _last = ev.Time;
        if (ev.P >= 0) _procs.Add(ev.P);
        if (V2Transition.Of(ev, specs) is { } st)
        {
            if (!st.IsGoroutine || st.From == st.To) return;
            var g = st.Id;
            if (st.GoFrom == V2GoState.Running && _running.Remove(g, out var run))
                _slices.Add((ProcsPid, (int)run.P, g, "running", "", run.Start, ev.Time, run.P));
            if (st.GoTo == V2GoState.Running) _running[g] = (ev.Time, ev.P);
            if (st.GoFrom == V2GoState.Syscall && _syscall.Remove(g, out var sys)) _slices.Add((GoroutinesPid, (int)g, g, "syscall", "syscall", sys, ev.Time, -1));
            if (st.GoTo == V2GoState.Syscall)
            {
                _syscall[g] = ev.Time;
                if (ev.P >= 0) _syscallInstants.Add((ev.P, g, ev.Time));
            }
            if (st.GoTo is V2GoState.NotExist && _regions.Remove(g, out var open))
                foreach (var r in open) _slices.Add((RegionsPid, (int)g, g, "region", r.Name, r.Start, ev.Time, -1));
            return;
        }
        switch (ev.Type)
        {
            case 28 or 29: // GCActive, GCBegin
                _gcStart ??= ev.Time;
                break;
            case 30 when _gcStart is { } from: // GCEnd
                _slices.Add((ProcsPid, GcTid, -1, "gc", "GC", from, ev.Time, -1));
                _gcStart = null;
                break;
            case 26: // STWBegin
                _stw[(ev.G, ev.Str(0))] = ev.Time;
                break;
            case 27 when _stw.Remove((ev.G, ev.Str(0)), out var from): // STWEnd (its kind restored by the ordering)
                _slices.Add((ProcsPid, StwTid, ev.G, "gc", $"STW ({ev.Str(0)})", from, ev.Time, -1));
                break;
            case 42: // UserRegionBegin
                if (!_regions.TryGetValue(ev.G, out var list)) _regions[ev.G] = list = [];
                list.Add((ev.Str(1), ev.Time));
                break;
            case 43 when _regions.TryGetValue(ev.G, out var open) && open.Count > 0: // UserRegionEnd
                _slices.Add((RegionsPid, (int)ev.G, ev.G, "region", open[^1].Name, open[^1].Start, ev.Time, -1));
                open.RemoveAt(open.Count - 1);
                break;
        }
    }

    /// <summary>The Chrome trace, times relative to <paramref name="first"/>, goroutines named from <paramref name="summary"/>.</summary>
    public ChromeTraceWriter Build(V2Summarizer summary, long first)
    {
        foreach (var (g, run) in _running) _slices.Add((ProcsPid, (int)run.P, g, "running", "", run.Start, _last, run.P));
        foreach (var (g, from) in _syscall) _slices.Add((GoroutinesPid, (int)g, g, "syscall", "syscall", from, _last, -1));
        foreach (var (g, open) in _regions)
            foreach (var r in open) _slices.Add((RegionsPid, (int)g, g, "region", r.Name, r.Start, _last, -1));
        if (_gcStart is { } gc) _slices.Add((ProcsPid, GcTid, -1, "gc", "GC", gc, _last, -1));
        foreach (var ((g, kind), from) in _stw) _slices.Add((ProcsPid, StwTid, g, "gc", $"STW ({kind})", from, _last, -1));

        string Name(long g) => summary.Goroutines.TryGetValue(g, out var s) && s.Name.Length > 0 ? Invariant($"G{g} {s.Name}") : Invariant($"G{g}");
        var w = new ChromeTraceWriter();
        w.ProcessName(ProcsPid, "Procs");
        w.ProcessName(GoroutinesPid, "Goroutines");
        w.ProcessName(RegionsPid, "User regions");
        w.ThreadName(ProcsPid, GcTid, "GC");
        w.ThreadName(ProcsPid, StwTid, "STW");
        foreach (var p in _procs.Where(p => p < GcTid)) w.ThreadName(ProcsPid, (int)p, Invariant($"Proc {p}"));
        var withRegions = _slices.Where(s => s.Pid == RegionsPid).Select(s => s.G).ToHashSet();
        foreach (var g in _slices.Where(s => s.Pid != ProcsPid || s.Kind == "running").Select(s => s.G).Where(g => g >= 0).Distinct().Order())
        {
            w.ThreadName(GoroutinesPid, (int)g, Name(g));
            if (withRegions.Contains(g)) w.ThreadName(RegionsPid, (int)g, Name(g));
        }
        foreach (var s in _slices.OrderBy(s => s.Start))
        {
            if (s.Kind == "running")
            {
                var args = new Dictionary<string, object> { ["g"] = s.G, ["p"] = s.P };
                w.Slice(ProcsPid, (int)s.P, Name(s.G), s.Start - first, s.End - s.Start, "running", args);
                w.Slice(GoroutinesPid, (int)s.G, Invariant($"running (P{s.P})"), s.Start - first, s.End - s.Start, "running", args);
            }
            else
            {
                w.Slice(s.Pid, s.Tid, s.Name, s.Start - first, s.End - s.Start, s.Kind);
            }
        }
        foreach (var (p, g, at) in _syscallInstants) w.Instant(ProcsPid, (int)p, "syscall", at - first, new Dictionary<string, object> { ["g"] = g });
        return w;
    }
}
