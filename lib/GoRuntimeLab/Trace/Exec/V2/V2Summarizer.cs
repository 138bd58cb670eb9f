// Mirrors: internal/trace summary.go Summarizer.Event / Finalize, GoroutineSummary.snapshotStat / finalize,
// GoroutineExecStats.sub (Go 1.22.12, where it summarizes internal/trace/v2 events; Go 1.23.5 identical), with
// IsSystemGoroutine (internal/trace goroutines.go in 1.22, summary.go in 1.23). Kept quirks: a goroutine finalized
// when it ends is finalized again at the end (its state zeroed, not dropped); the syscall-blocked time still pending
// at the end goes to SchedWaitTime (snapshotStat); a GC sweep range counts only if it ends on the goroutine it began on.
namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>Per-goroutine execution statistics and user tasks of a Go 1.22+ trace, fed event by event.</summary>
internal sealed class V2Summarizer(IReadOnlyList<V2EventSpec?> specs, string source)
{
    internal sealed class Stats
    {
        public long Exec, SchedWait, Syscall, SyscallBlock, Total;
        public Dictionary<string, long> Block = new(StringComparer.Ordinal);
        public Dictionary<string, long> Range = new(StringComparer.Ordinal);

        public Stats Clone()
        {
            var r = (Stats)MemberwiseClone();
            r.Block = new Dictionary<string, long>(Block, StringComparer.Ordinal);
            r.Range = new Dictionary<string, long>(Range, StringComparer.Ordinal);
            return r;
        }

        // summary.go sub: s - v, over s's keys only.
        public Stats Sub(Stats v)
        {
            var r = Clone();
            r.Exec -= v.Exec;
            r.SchedWait -= v.SchedWait;
            foreach (var k in Block.Keys) r.Block[k] -= v.Block.GetValueOrDefault(k);
            r.Syscall -= v.Syscall;
            r.SyscallBlock -= v.SyscallBlock;
            r.Total -= v.Total;
            foreach (var k in Range.Keys) r.Range[k] -= v.Range.GetValueOrDefault(k);
            return r;
        }
    }

    internal sealed class Region
    {
        public ulong Task;
        public string Name = "";
        public long Goroutine;
        public V2Event? Start, End;
        public Stats Stats = new();
    }

    internal sealed class Pending
    {
        public long LastStart, LastRunnable, LastBlock, LastSyscall, LastSyscallBlock;
        public string LastBlockReason = "";
        public Dictionary<string, long> LastRange = new(StringComparer.Ordinal);
        public List<Region> Active = [];
    }

    internal sealed class G
    {
        public long Id;
        public string Name = "";
        public ulong Pc;
        public long Creation, Start, End;
        public Stats Stats = new();
        public List<Region> Regions = [];
        public Pending? P = new();
    }

    internal sealed class Task
    {
        public ulong Id;
        public string Name = "";
        public Task? Parent;
        public List<Task> Children = [];
        public V2Event? Start, End;
        public List<V2Event> Logs = [];
        public List<Region> Regions = [];
        public SortedSet<long> Goroutines = [];
    }

    private readonly Dictionary<long, G> _gs = [];
    private readonly Dictionary<ulong, Task> _tasks = [];
    private readonly Dictionary<long, long> _syscallingP = [];
    private readonly Dictionary<long, long> _syscallingG = [];
    private readonly Dictionary<(long P, string Name), long> _rangesP = [];
    private long _lastTs, _syncTs;

    public IReadOnlyDictionary<long, G> Goroutines => _gs;
    public IReadOnlyDictionary<ulong, Task> Tasks => _tasks;

    /// <summary>The time of the last event (parsedTrace.endTime in cmd/trace).</summary>
    public long LastTs => _lastTs;

    /// <summary>summary.go IsSystemGoroutine: mimics runtime.isSystemGoroutine.</summary>
    public static bool IsSystemGoroutine(string entryFn) =>
        entryFn.Length == 0 || (entryFn != "runtime.main" && entryFn.StartsWith("runtime.", StringComparison.Ordinal));

    private G Get(V2Event ev, long id) =>
        _gs.TryGetValue(id, out var g) ? g : throw ExecTraceFormatException.At(source, ev.Offset, $"goroutine {id} changes state before it appears (Go's summarizer would crash)");

    public void Event(V2Event ev)
    {
        if (_syncTs == 0) _syncTs = ev.Time;
        _lastTs = ev.Time;
        var t = ev.Type;
        if (t == V2Event.Sync)
        {
            _syncTs = ev.Time;
            return;
        }
        if (V2Transition.Of(ev, specs) is { } st)
        {
            if (st.IsGoroutine) GoTransition(ev, st);
            else if (st.From != st.To && st.To == V2Transition.ProcIdle && _syscallingP.Remove(st.Id, out var goid))
                Get(ev, goid).P!.LastSyscallBlock = ev.Time;
            return;
        }
        switch (t)
        {
            case 26 or 28 or 29 or 31 or 32 or 34 or 35: // RangeBegin / RangeActive
                {
                    var (scopeG, isProc, name) = RangeOf(ev);
                    G? g = null;
                    if (isProc)
                    {
                        if (_gs.TryGetValue(ev.G, out g)) _rangesP[(ev.P, name)] = ev.G;
                    }
                    else if (scopeG is { } sg)
                    {
                        _gs.TryGetValue(sg, out g);
                    }
                    if (g is null) break;
                    var p = g.P!;
                    if (t is 28 or 31 or 34)
                    {
                        if (p.LastRange.GetValueOrDefault(name) is var ts && ts != 0) g.Stats.Range[name] = g.Stats.Range.GetValueOrDefault(name) + (_syncTs - ts);
                        p.LastRange[name] = _syncTs;
                    }
                    else
                    {
                        p.LastRange[name] = ev.Time;
                    }
                    break;
                }
            case 27 or 30 or 33 or 36: // RangeEnd
                {
                    var (scopeG, isProc, name) = RangeOf(ev);
                    G? g = null;
                    if (isProc)
                    {
                        if (_rangesP.Remove((ev.P, name), out var goid) && goid == ev.G) _gs.TryGetValue(goid, out g);
                    }
                    else if (scopeG is { } sg)
                    {
                        _gs.TryGetValue(sg, out g);
                    }
                    if (g is null) break;
                    var p = g.P!;
                    var ts = p.LastRange.GetValueOrDefault(name);
                    if (ts == 0) break;
                    g.Stats.Range[name] = g.Stats.Range.GetValueOrDefault(name) + (ev.Time - ts);
                    p.LastRange.Remove(name);
                    break;
                }
            case 42: // UserRegionBegin
                {
                    var g = Get(ev, ev.G);
                    var region = new Region { Name = ev.Str(1), Task = ev.Args[0], Goroutine = g.Id, Start = ev, Stats = Snapshot(g, ev.Time) };
                    g.P!.Active.Add(region);
                    var task = TaskOf(ev.Args[0]);
                    task.Regions.Add(region);
                    task.Goroutines.Add(g.Id);
                    break;
                }
            case 43: // UserRegionEnd
                {
                    var g = Get(ev, ev.G);
                    Region sd;
                    var active = g.P!.Active;
                    if (active.Count > 0)
                    {
                        sd = active[^1];
                        active.RemoveAt(active.Count - 1);
                    }
                    else
                    {
                        sd = new Region { Name = ev.Str(1), Task = ev.Args[0], Goroutine = g.Id };
                        var task = TaskOf(ev.Args[0]);
                        task.Goroutines.Add(g.Id);
                        task.Regions.Add(sd);
                    }
                    sd.Stats = Snapshot(g, ev.Time).Sub(sd.Stats);
                    sd.End = ev;
                    g.Regions.Add(sd);
                    break;
                }
            case 40 or 41: // UserTaskBegin, UserTaskEnd
                {
                    var task = TaskOf(ev.Args[0]);
                    task.Name = t == 40 ? ev.Str(2) : ev.Table.ExtraStrings[(int)ev.Extra1];
                    task.Goroutines.Add(ev.G);
                    if (t == 40) task.Start = ev;
                    else task.End = ev;
                    var parent = t == 40 ? ev.Args[1] : ev.Extra0;
                    if (parent != V2Event.NoTask && task.Parent is null)
                    {
                        var pt = TaskOf(parent);
                        task.Parent = pt;
                        pt.Children.Add(task);
                    }
                    break;
                }
            case 44: // UserLog
                {
                    var task = TaskOf(ev.Args[0]);
                    task.Goroutines.Add(ev.G);
                    task.Logs.Add(ev);
                    break;
                }
        }
    }

    // event.go Range: the range's name and scope (a goroutine, a P — always the event's P, as Go 1.22/1.23 set it — or none).
    private static (long? G, bool IsProc, string Name) RangeOf(V2Event ev) => ev.Type switch
    {
        26 or 27 => (ev.G, false, "stop-the-world (" + ev.Str(0) + ")"),
        28 or 29 or 30 => (null, false, "GC concurrent mark phase"),
        31 or 32 or 33 => (null, true, "GC incremental sweep"),
        _ => (ev.Type == 34 ? (long)ev.Args[0] : ev.G, false, "GC mark assist"),
    };

    private Task TaskOf(ulong id)
    {
        if (!_tasks.TryGetValue(id, out var task)) _tasks[id] = task = new Task { Id = id };
        return task;
    }

    private void GoTransition(V2Event ev, V2Transition st)
    {
        var (from, to) = (st.GoFrom, st.GoTo);
        if (from == to) return;
        var id = st.Id;
        G g;
        switch (from)
        {
            case V2GoState.Undetermined or V2GoState.NotExist:
                g = new G { Id = id, Creation = from == V2GoState.Undetermined ? _syncTs : ev.Time };
                if (_gs.TryGetValue(ev.G, out var creator) && creator.P is { Active.Count: > 0 } cp)
                    g.P!.Active = [new Region { Task = cp.Active[^1].Task, Goroutine = id, Start = ev }];
                _gs[id] = g;
                break;
            case V2GoState.Running:
                g = Get(ev, id);
                g.Stats.Exec += ev.Time - g.P!.LastStart;
                g.P.LastStart = 0;
                break;
            case V2GoState.Waiting:
                g = Get(ev, id);
                if (g.P!.LastBlock != 0)
                {
                    g.Stats.Block[g.P.LastBlockReason] = g.Stats.Block.GetValueOrDefault(g.P.LastBlockReason) + (ev.Time - g.P.LastBlock);
                    g.P.LastBlock = 0;
                }
                break;
            case V2GoState.Runnable:
                g = Get(ev, id);
                if (g.P!.LastRunnable != 0)
                {
                    g.Stats.SchedWait += ev.Time - g.P.LastRunnable;
                    g.P.LastRunnable = 0;
                }
                break;
            default: // Syscall
                g = Get(ev, id);
                if (g.P!.LastSyscall != 0)
                {
                    if (g.P.LastSyscallBlock != 0)
                    {
                        g.Stats.SyscallBlock += ev.Time - g.P.LastSyscallBlock;
                        g.Stats.Syscall += g.P.LastSyscallBlock - g.P.LastSyscall;
                    }
                    else
                    {
                        g.Stats.Syscall += ev.Time - g.P.LastSyscall;
                    }
                    g.P.LastSyscall = 0;
                    g.P.LastSyscallBlock = 0;
                    if (_syscallingG.Remove(id, out var sp)) _syscallingP.Remove(sp);
                    else _syscallingP.Remove(0); // Go deletes syscallingP[syscallingG[id]]: the zero ProcID when absent.
                }
                break;
        }

        // The goroutine's name: the root (last) frame of the first transition stack seen.
        if (g.Name.Length == 0 && st.Stack != 0 && ev.Frames(st.Stack) is { Length: > 0 } frames)
        {
            g.Pc = frames[^1].Pc;
            g.Name = frames[^1].Fn;
        }

        var p = g.P!;
        switch (to)
        {
            case V2GoState.Running:
                p.LastStart = ev.Time;
                if (g.Start == 0) g.Start = ev.Time;
                break;
            case V2GoState.Runnable:
                p.LastRunnable = ev.Time;
                break;
            case V2GoState.Waiting when st.Reason != "forever":
                p.LastBlock = ev.Time;
                p.LastBlockReason = st.Reason;
                break;
            case V2GoState.Waiting or V2GoState.NotExist: // "forever" is like goroutine death
                Finalize(g, ev.Time, ev);
                break;
            case V2GoState.Syscall:
                _syscallingP[ev.P] = id;
                _syscallingG[id] = ev.P;
                p.LastSyscall = ev.Time;
                break;
        }
    }

    // snapshotStat: the stats so far plus what is pending up to lastTs.
    private static Stats Snapshot(G g, long lastTs)
    {
        var ret = g.Stats.Clone();
        if (g.P is not { } p) return ret;
        if (g.Stats.Total == 0) ret.Total = lastTs - g.Creation;
        if (p.LastStart != 0) ret.Exec += lastTs - p.LastStart;
        if (p.LastRunnable != 0) ret.SchedWait += lastTs - p.LastRunnable;
        if (p.LastBlock != 0) ret.Block[p.LastBlockReason] = ret.Block.GetValueOrDefault(p.LastBlockReason) + (lastTs - p.LastBlock);
        if (p.LastSyscall != 0) ret.Syscall += lastTs - p.LastSyscall;
        if (p.LastSyscallBlock != 0) ret.SchedWait += lastTs - p.LastSyscallBlock;
        foreach (var (name, ts) in p.LastRange) ret.Range[name] = ret.Range.GetValueOrDefault(name) + (lastTs - ts);
        return ret;
    }

    private static void Finalize(G g, long lastTs, V2Event? trigger)
    {
        if (trigger is not null) g.End = trigger.Time;
        var final = Snapshot(g, lastTs);
        g.Stats = final;
        if (!IsSystemGoroutine(g.Name))
        {
            foreach (var s in g.P!.Active)
            {
                s.End = trigger;
                s.Stats = final.Sub(s.Stats);
                g.Regions.Add(s);
            }
        }
        g.P = new Pending(); // *(g.goroutineSummary) = goroutineSummary{}
    }

    /// <summary>summary.go Finalize: every goroutine finalized at the last event's time, its regions sorted by start.</summary>
    public void Finish()
    {
        foreach (var g in _gs.Values)
        {
            Finalize(g, _lastTs, null);
            // A stable sort by start time; regions without a start first.
            g.Regions = [.. g.Regions.OrderBy(r => r.Start is null ? long.MinValue : r.Start.Time)];
            g.P = null;
        }
    }
}
