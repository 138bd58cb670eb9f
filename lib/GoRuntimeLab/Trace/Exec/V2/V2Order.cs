// Mirrors: internal/trace/v2 order.go ordering.advance (Go 1.22.12), and internal/trace order.go (Go 1.23.5) for the
// events 1.23 adds (GoCreateBlocked, GoSwitch, GoSwitchDestroy, GoStatusStack, the alloc/free experiment's events).
// The state machine decides whether an M's next event may happen now (its goroutine/proc sequence numbers follow),
// fills in the scheduling context, and fails on events that contradict each other ("broken trace"). Extra events it
// makes (a ProcSteal after GoDestroySyscall; GoBlock/GoDestroy + GoStart after a GoSwitch) are queued after the event.
namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>The ordering state machine of Go's trace reader.</summary>
internal sealed class V2Order
{
    // go122.GoStatus and go122.ProcStatus values on the wire.
    private const ulong GoRunnable = 1, GoRunning = 2, GoSyscall = 3, GoWaiting = 4;
    private const ulong ProcRunning = 1, ProcIdle = 2, ProcSyscall = 3, ProcSyscallAbandoned = 4;

    private class RangeState
    {
        public readonly List<(byte Typ, ulong Desc)> InFlight = [];
    }

    private sealed class GState : RangeState
    {
        public ulong Status;
        public (ulong Gen, ulong Seq) Seq;
        public readonly List<(ulong Task, string Name)> Regions = [];
    }

    private sealed class PState : RangeState
    {
        public ulong Status;
        public (ulong Gen, ulong Seq) Seq;
    }

    private sealed class MState
    {
        public long G = V2Event.None, P = V2Event.None;
    }

    private readonly Dictionary<long, GState> _g = [];
    private readonly Dictionary<long, PState> _p = [];
    private readonly Dictionary<long, MState> _m = [];
    private readonly Dictionary<ulong, (string Name, ulong Parent)> _tasks = [];
    private readonly string _source;
    private ulong _gcSeq;
    private int _gcState; // 0 undetermined, 1 not running, 2 running
    private ulong _initialGen;

    public V2Order(string source) => _source = source;

    /// <summary>Events to emit, in order, once <see cref="Advance"/> succeeded (the event itself first).</summary>
    public Queue<V2Event> Queue { get; } = new();

    private static bool Succeeds((ulong Gen, ulong Seq) a, (ulong Gen, ulong Seq) b) => a.Gen == b.Gen && a.Seq == b.Seq + 1;

    private ExecTraceFormatException Broken(V2Event ev, string what) => ExecTraceFormatException.At(_source, ev.Offset, "broken trace: " + what);

    // order.go validateCtx with event.SchedReqs: 'h' must have, 'n' must not have, 'm' may have.
    private void Require(V2Event ev, (long M, long P, long G) ctx, char thread, char proc, char goroutine)
    {
        if (thread == 'h' && ctx.M == V2Event.None) throw Broken(ev, "expected a thread but didn't have one");
        if (proc == 'h' && ctx.P == V2Event.None) throw Broken(ev, "expected a proc but didn't have one");
        if (proc == 'n' && ctx.P != V2Event.None) throw Broken(ev, "expected no proc but had one");
        if (goroutine == 'h' && ctx.G == V2Event.None) throw Broken(ev, "expected a goroutine but didn't have one");
        if (goroutine == 'n' && ctx.G != V2Event.None) throw Broken(ev, "expected no goroutine but had one");
    }

    // event.UserGoReqs: thread, proc and goroutine must be present.
    private void UserGo(V2Event ev, (long M, long P, long G) ctx) => Require(ev, ctx, 'h', 'h', 'h');

    private static byte StartEv(byte typ) => typ switch
    {
        27 => 26,           // STWEnd → STWBegin
        28 or 30 => 29,     // GCActive, GCEnd → GCBegin
        31 or 33 => 32,     // GCSweepActive, GCSweepEnd → GCSweepBegin
        34 or 36 => 35,     // GCMarkAssistActive, GCMarkAssistEnd → GCMarkAssistBegin
        _ => typ,
    };

    private void BeginRange(V2Event ev, RangeState s, byte typ, ulong desc)
    {
        var r = (StartEv(typ), desc);
        if (s.InFlight.Contains(r)) throw Broken(ev, $"discovered event already in-flight for when starting event type {r.Item1}");
        s.InFlight.Add(r);
    }

    private void ActiveRange(V2Event ev, RangeState s, byte typ, bool initialGen)
    {
        var r = (StartEv(typ), 0UL);
        if (initialGen)
        {
            if (s.InFlight.Contains(r)) throw Broken(ev, $"found named active range already in first gen: type {typ}");
            s.InFlight.Add(r);
        }
        else if (!s.InFlight.Contains(r))
        {
            throw Broken(ev, $"resource is missing active range: type {typ}");
        }
    }

    private ulong EndRange(V2Event ev, RangeState s, byte typ)
    {
        var st = StartEv(typ);
        var idx = s.InFlight.FindIndex(r => r.Typ == st);
        if (idx < 0) throw Broken(ev, $"tried to end event type {st}, but not in-flight");
        var desc = s.InFlight[idx].Desc;
        s.InFlight[idx] = s.InFlight[^1];
        s.InFlight.RemoveAt(s.InFlight.Count - 1);
        return desc;
    }

    private GState Gs(V2Event ev, long g) => _g.TryGetValue(g, out var s) ? s : throw Broken(ev, $"event type {ev.Type} for goroutine ({g}) that doesn't exist");

    /// <summary>
    /// order.go advance: false when <paramref name="ev"/> (the next event of thread <paramref name="m"/>) cannot happen
    /// yet; true when it happened: its context is set and it (with any extra events) is in <see cref="Queue"/>.
    /// </summary>
    public bool Advance(V2Event ev, long m, ulong gen)
    {
        if (_initialGen == 0) _initialGen = gen;
        var initial = gen == _initialGen;
        if (!_m.TryGetValue(m, out var ms)) _m[m] = ms = new MState();
        var cur = (M: m, ms.P, ms.G);
        var next = cur;
        var ok = Step(ev, gen, initial, ref cur, ref next);
        if (!ok) return false;
        ms.P = next.P;
        ms.G = next.G;
        return true;
    }

    private bool Step(V2Event ev, ulong gen, bool initial, ref (long M, long P, long G) cur, ref (long M, long P, long G) next)
    {
        var typ = ev.Type;
        switch (typ)
        {
            case 13: // ProcStatus
                {
                    var pid = (long)ev.Args[0];
                    var status = ev.Args[1];
                    if (status is 0 or > ProcSyscallAbandoned) throw Broken(ev, $"invalid status for proc {pid}: {status}");
                    var oldState = V2Transition.ProcState(status);
                    if (_p.TryGetValue(pid, out var s))
                    {
                        if (status == ProcSyscallAbandoned && s.Status == ProcSyscall)
                        {
                            oldState = V2Transition.ProcRunning;
                            ev.Args[1] = ProcSyscall;
                        }
                        else if (status == ProcSyscallAbandoned && s.Status == ProcSyscallAbandoned)
                        {
                            oldState = V2Transition.ProcIdle;
                            ev.Args[1] = ProcSyscallAbandoned;
                        }
                        else if (s.Status != status)
                        {
                            throw Broken(ev, $"inconsistent status for proc {pid}: old {s.Status} vs. new {status}");
                        }
                        s.Seq = (gen, 0);
                    }
                    else
                    {
                        _p[pid] = new PState { Status = status, Seq = (gen, 0) };
                        oldState = initial ? V2Transition.ProcUndetermined : V2Transition.ProcNotExist;
                    }
                    ev.Extra0 = (ulong)oldState;
                    if (status is ProcRunning or ProcSyscall) next.P = pid;
                    if (status == ProcSyscallAbandoned && oldState == V2Transition.ProcRunning)
                    {
                        var found = false;
                        foreach (var (mid, st) in _m)
                        {
                            if (st.P != pid) continue;
                            cur = (mid, pid, st.G);
                            found = true;
                        }
                        if (!found) throw Broken(ev, $"failed to find sched context for proc {pid} that's about to be stolen");
                    }
                    return Emit(ev, cur);
                }
            case 10: // ProcStart
                {
                    var pid = (long)ev.Args[0];
                    var seq = (gen, ev.Args[1]);
                    if (!_p.TryGetValue(pid, out var s) || s.Status != ProcIdle || !Succeeds(seq, s.Seq) || cur.P != V2Event.None) return false;
                    Require(ev, cur, 'h', 'n', 'm');
                    s.Status = ProcRunning;
                    s.Seq = seq;
                    next.P = pid;
                    return Emit(ev, cur);
                }
            case 11: // ProcStop
                {
                    if (!_p.TryGetValue(cur.P, out var s)) throw Broken(ev, $"ProcStop for proc ({cur.P}) that doesn't exist");
                    if (s.Status is not (ProcRunning or ProcSyscall)) throw Broken(ev, "ProcStop event for proc that's not Running or Syscall");
                    Require(ev, cur, 'h', 'h', 'm');
                    s.Status = ProcIdle;
                    next.P = V2Event.None;
                    return Emit(ev, cur);
                }
            case 12: // ProcSteal
                {
                    var pid = (long)ev.Args[0];
                    var seq = (gen, ev.Args[1]);
                    if (!_p.TryGetValue(pid, out var s) || s.Status is not (ProcSyscall or ProcSyscallAbandoned) || !Succeeds(seq, s.Seq)) return false;
                    Require(ev, cur, 'h', 'm', 'm');
                    var old = s.Status;
                    ev.Extra0 = old;
                    s.Status = ProcIdle;
                    s.Seq = seq;
                    if (old == ProcSyscallAbandoned) return Emit(ev, cur);
                    var mid = (long)ev.Args[2];
                    if (mid == cur.M)
                    {
                        if (cur.P != pid) throw Broken(ev, $"tried to self-steal proc {pid} (thread {mid}), but got proc {cur.P} instead");
                        next.P = V2Event.None;
                        return Emit(ev, cur);
                    }
                    if (!_m.TryGetValue(mid, out var victim)) throw Broken(ev, $"stole proc from non-existent thread {mid}");
                    if (victim.P != pid) throw Broken(ev, $"tried to steal proc {pid} from thread {mid}, but got proc {victim.P} instead");
                    victim.P = V2Event.None;
                    return Emit(ev, cur);
                }
            case 25 or 48: // GoStatus, GoStatusStack (1.23)
                {
                    var gid = (long)ev.Args[0];
                    var mid = (long)ev.Args[1];
                    var status = ev.Args[2];
                    if (status is 0 or > GoWaiting) throw Broken(ev, $"invalid status for goroutine {gid}: {status}");
                    var oldState = V2Transition.GoState(status);
                    if (_g.TryGetValue(gid, out var s))
                    {
                        if (s.Status != status) throw Broken(ev, $"inconsistent status for goroutine {gid}: old {s.Status} vs. new {status}");
                        s.Seq = (gen, 0);
                    }
                    else if (initial)
                    {
                        _g[gid] = new GState { Status = status, Seq = (gen, 0) };
                        oldState = V2GoState.Undetermined;
                    }
                    else
                    {
                        throw Broken(ev, $"found goroutine status for new goroutine after the first generation: id={gid} status={status}");
                    }
                    ev.Extra0 = (ulong)oldState;
                    if (status == GoRunning)
                    {
                        next.G = gid;
                    }
                    else if (status == GoSyscall)
                    {
                        if (mid == V2Event.None || (ulong)mid == ulong.MaxValue) throw Broken(ev, $"found goroutine {gid} in syscall without a thread");
                        if (mid == cur.M)
                        {
                            if (!initial && cur.G != gid) throw Broken(ev, $"inconsistent thread for syscalling goroutine {gid}: thread has goroutine {cur.G}");
                            next.G = gid;
                        }
                        else
                        {
                            if (_m.TryGetValue(mid, out var other))
                            {
                                if (other.G != gid) throw Broken(ev, $"inconsistent thread for syscalling goroutine {gid}: thread has goroutine {other.G}");
                                cur.G = other.G;
                            }
                            else
                            {
                                _m[mid] = new MState { G = gid };
                            }
                            cur.M = mid;
                        }
                    }
                    return Emit(ev, cur);
                }
            case 14 or 47: // GoCreate, GoCreateBlocked (1.23)
                {
                    Require(ev, cur, 'h', 'h', 'm');
                    if (_g.TryGetValue(cur.G, out var st) && st.Status != GoRunning) throw Broken(ev, "GoCreate event for goroutine that's not Running");
                    var newg = (long)ev.Args[0];
                    if (_g.ContainsKey(newg)) throw Broken(ev, $"tried to create goroutine ({newg}) that already exists");
                    _g[newg] = new GState { Status = typ == 47 ? GoWaiting : GoRunnable, Seq = (gen, 0) };
                    return Emit(ev, cur);
                }
            case 17 or 19 or 20: // GoDestroy, GoStop, GoBlock
                {
                    UserGo(ev, cur);
                    var s = Gs(ev, cur.G);
                    if (s.Status != GoRunning) throw Broken(ev, $"event type {typ} for goroutine that's not Running");
                    if (typ == 17) _g.Remove(cur.G);
                    else s.Status = typ == 19 ? GoRunnable : GoWaiting;
                    next.G = V2Event.None;
                    return Emit(ev, cur);
                }
            case 16: // GoStart
                {
                    var gid = (long)ev.Args[0];
                    var seq = (gen, ev.Args[1]);
                    if (!_g.TryGetValue(gid, out var s) || s.Status != GoRunnable || !Succeeds(seq, s.Seq)) return false;
                    Require(ev, cur, 'h', 'h', 'n');
                    s.Status = GoRunning;
                    s.Seq = seq;
                    next.G = gid;
                    return Emit(ev, cur);
                }
            case 21: // GoUnblock
                {
                    var gid = (long)ev.Args[0];
                    var seq = (gen, ev.Args[1]);
                    if (!_g.TryGetValue(gid, out var s) || s.Status != GoWaiting || !Succeeds(seq, s.Seq)) return false;
                    s.Status = GoRunnable;
                    s.Seq = seq;
                    return Emit(ev, cur);
                }
            case 45 or 46: // GoSwitch, GoSwitchDestroy (1.23 order.go advanceGoSwitch)
                {
                    UserGo(ev, cur);
                    var s = Gs(ev, cur.G);
                    if (s.Status != GoRunning) throw Broken(ev, $"event type {typ} for goroutine that's not Running");
                    var nextg = (long)ev.Args[0];
                    var seq = (gen, ev.Args[1]);
                    if (!_g.TryGetValue(nextg, out var ns) || ns.Status != GoWaiting || !Succeeds(seq, ns.Seq)) return false;
                    Emit(ev, cur);
                    var extra = ev.Copy();
                    if (typ == 45)
                    {
                        s.Status = GoWaiting;
                        extra.Type = 20; // GoBlock, no reason, no stack
                        Array.Clear(extra.Args);
                    }
                    else
                    {
                        _g.Remove(cur.G);
                        extra.Type = 17; // GoDestroy
                        Array.Clear(extra.Args);
                    }
                    Queue.Enqueue(extra);
                    ns.Status = GoRunning;
                    ns.Seq = seq;
                    next.G = nextg;
                    var start = ev.Copy();
                    start.Type = 16;
                    start.Args[0] = (ulong)nextg;
                    start.Args[1] = ev.Args[1];
                    start.G = V2Event.None;
                    Queue.Enqueue(start);
                    return true;
                }
            case 22: // GoSyscallBegin
                {
                    UserGo(ev, cur);
                    var s = Gs(ev, cur.G);
                    if (s.Status != GoRunning) throw Broken(ev, "GoSyscallBegin event for goroutine that's not Running");
                    s.Status = GoSyscall;
                    if (!_p.TryGetValue(cur.P, out var ps)) throw Broken(ev, $"uninitialized proc {cur.P} found during GoSyscallBegin");
                    ps.Status = ProcSyscall;
                    var pseq = (gen, ev.Args[0]);
                    if (!Succeeds(pseq, ps.Seq)) throw Broken(ev, $"failed to advance GoSyscallBegin: can't make sequence: {ps.Seq.Seq} -> {ev.Args[0]}");
                    ps.Seq = pseq;
                    return Emit(ev, cur);
                }
            case 23: // GoSyscallEnd
                {
                    UserGo(ev, cur);
                    var s = Gs(ev, cur.G);
                    if (s.Status != GoSyscall) throw Broken(ev, "GoSyscallEnd event for goroutine that's not Syscall");
                    s.Status = GoRunning;
                    if (!_p.TryGetValue(cur.P, out var ps)) throw Broken(ev, $"uninitialized proc {cur.P} found during GoSyscallEnd");
                    if (ps.Status != ProcSyscall) throw Broken(ev, $"expected proc {cur.P} in state Syscall, but got {ps.Status} instead");
                    ps.Status = ProcRunning;
                    return Emit(ev, cur);
                }
            case 24: // GoSyscallEndBlocked
                {
                    if (cur.P != V2Event.None)
                    {
                        if (!_p.TryGetValue(cur.P, out var ps)) throw Broken(ev, $"uninitialized proc {cur.P} found during GoSyscallEndBlocked");
                        if (ps.Status == ProcSyscall) return false; // the steal has not happened yet
                    }
                    Require(ev, cur, 'h', 'm', 'h');
                    var s = Gs(ev, cur.G);
                    if (s.Status != GoSyscall) throw Broken(ev, "GoSyscallEndBlocked event for goroutine that's not Syscall");
                    next.G = V2Event.None;
                    s.Status = GoRunnable;
                    return Emit(ev, cur);
                }
            case 15: // GoCreateSyscall
                {
                    Require(ev, cur, 'h', 'm', 'n');
                    var newg = (long)ev.Args[0];
                    if (_g.ContainsKey(newg)) throw Broken(ev, $"tried to create goroutine ({newg}) in syscall that already exists");
                    _g[newg] = new GState { Status = GoSyscall, Seq = (gen, 0) };
                    next.G = newg;
                    return Emit(ev, cur);
                }
            case 18: // GoDestroySyscall
                {
                    Require(ev, cur, 'h', 'm', 'h');
                    var s = Gs(ev, cur.G);
                    if (s.Status != GoSyscall) throw Broken(ev, "GoDestroySyscall event for goroutine that's not Syscall");
                    _g.Remove(cur.G);
                    next.G = V2Event.None;
                    Emit(ev, cur);
                    if (cur.P != V2Event.None)
                    {
                        if (!_p.TryGetValue(cur.P, out var ps)) throw Broken(ev, $"found invalid proc {cur.P} during GoDestroySyscall");
                        if (ps.Status != ProcSyscall) throw Broken(ev, $"proc {cur.P} in unexpected state {ps.Status} during GoDestroySyscall");
                        ps.Status = ProcSyscallAbandoned;
                        next.P = V2Event.None;
                        // The runtime's ProcSteal of this P: old status Syscall (a transition Running → Idle).
                        var steal = new V2Event { Type = 12, Time = ev.Time, M = cur.M, P = cur.P, G = cur.G, Table = ev.Table, Offset = ev.Offset, Extra0 = ProcSyscall };
                        steal.Args[0] = (ulong)cur.P;
                        Queue.Enqueue(steal);
                    }
                    return true;
                }
            case 40: // UserTaskBegin
                {
                    var id = ev.Args[0];
                    if (_tasks.ContainsKey(id)) throw Broken(ev, $"task ID conflict: {id}");
                    var parent = ev.Args[1];
                    if (parent == 0)
                    {
                        parent = V2Event.NoTask;
                        ev.Args[1] = V2Event.NoTask;
                    }
                    var name = ev.Table.Str(ev.Args[2]) ?? throw Broken(ev, $"invalid string ID {ev.Args[2]} for UserTaskBegin event");
                    _tasks[id] = (name, parent);
                    UserGo(ev, cur);
                    return Emit(ev, cur);
                }
            case 41: // UserTaskEnd
                {
                    var id = ev.Args[0];
                    if (_tasks.Remove(id, out var ts))
                    {
                        ev.Extra0 = ts.Parent;
                        ev.Table.ExtraStrings.Add(ts.Name);
                    }
                    else
                    {
                        ev.Extra0 = V2Event.NoTask;
                        ev.Table.ExtraStrings.Add("");
                    }
                    ev.Extra1 = (ulong)(ev.Table.ExtraStrings.Count - 1);
                    UserGo(ev, cur);
                    return Emit(ev, cur);
                }
            case 42 or 43: // UserRegionBegin, UserRegionEnd
                {
                    UserGo(ev, cur);
                    var name = ev.Table.Str(ev.Args[1]) ?? throw Broken(ev, $"invalid string ID {ev.Args[1]} for region event");
                    if (!_g.TryGetValue(cur.G, out var s)) throw Broken(ev, $"encountered region event without known state for current goroutine {cur.G}");
                    var r = (ev.Args[0], name);
                    if (typ == 42)
                    {
                        s.Regions.Add(r);
                    }
                    else if (s.Regions.Count > 0)
                    {
                        if (s.Regions[^1] != r)
                            throw Broken(ev, $"misuse of region in goroutine {cur.G}: region end {name} when the inner-most active region start event is {s.Regions[^1].Name}");
                        s.Regions.RemoveAt(s.Regions.Count - 1);
                    }
                    return Emit(ev, cur);
                }
            case 28: // GCActive
                {
                    var seq = ev.Args[0];
                    if (initial)
                    {
                        if (_gcState != 0) throw Broken(ev, "GCActive in the first generation isn't first GC event");
                        _gcSeq = seq;
                        _gcState = 2;
                        return Emit(ev, cur);
                    }
                    if (seq != _gcSeq + 1) return false;
                    if (_gcState != 2) throw Broken(ev, "encountered GCActive while GC was not in progress");
                    _gcSeq = seq;
                    UserGo(ev, cur);
                    return Emit(ev, cur);
                }
            case 29: // GCBegin
                {
                    var seq = ev.Args[0];
                    if (_gcState == 0)
                    {
                        _gcSeq = seq;
                        _gcState = 2;
                        return Emit(ev, cur);
                    }
                    if (seq != _gcSeq + 1) return false;
                    if (_gcState == 2) throw Broken(ev, "encountered GCBegin while GC was already in progress");
                    _gcSeq = seq;
                    _gcState = 2;
                    UserGo(ev, cur);
                    return Emit(ev, cur);
                }
            case 30: // GCEnd
                {
                    var seq = ev.Args[0];
                    if (seq != _gcSeq + 1) return false;
                    if (_gcState == 1) throw Broken(ev, "encountered GCEnd when GC was not in progress");
                    if (_gcState == 0) throw Broken(ev, "encountered GCEnd when GC was in an undetermined state");
                    _gcSeq = seq;
                    _gcState = 1;
                    UserGo(ev, cur);
                    return Emit(ev, cur);
                }
            case 39 or 9 or 44: // GoLabel, ProcsChange, UserLog
                UserGo(ev, cur);
                return Emit(ev, cur);
            case 37 or 38: // HeapAlloc, HeapGoal
                Require(ev, cur, 'h', 'h', 'm');
                return Emit(ev, cur);
            case 32: // GCSweepBegin
                Require(ev, cur, 'h', 'h', 'm');
                BeginRange(ev, P(ev, cur.P), typ, 0);
                return Emit(ev, cur);
            case 31: // GCSweepActive
                {
                    var pid = (long)ev.Args[0];
                    if (!_p.TryGetValue(pid, out var ps)) throw Broken(ev, $"encountered GCSweepActive for unknown proc {pid}");
                    ActiveRange(ev, ps, typ, initial);
                    return Emit(ev, cur);
                }
            case 33: // GCSweepEnd
                Require(ev, cur, 'h', 'h', 'm');
                EndRange(ev, P(ev, cur.P), typ);
                return Emit(ev, cur);
            case 26 or 35: // STWBegin, GCMarkAssistBegin
                {
                    UserGo(ev, cur);
                    var desc = typ == 26 ? ev.Args[0] : 0;
                    if (!_g.TryGetValue(cur.G, out var s)) throw Broken(ev, $"encountered event of type {typ} without known state for current goroutine {cur.G}");
                    BeginRange(ev, s, typ, desc);
                    return Emit(ev, cur);
                }
            case 34: // GCMarkAssistActive
                {
                    var gid = (long)ev.Args[0];
                    if (!_g.TryGetValue(gid, out var s)) throw Broken(ev, $"uninitialized goroutine {gid} found during GCMarkAssistActive");
                    ActiveRange(ev, s, typ, initial);
                    return Emit(ev, cur);
                }
            case 27 or 36: // STWEnd, GCMarkAssistEnd
                {
                    UserGo(ev, cur);
                    if (!_g.TryGetValue(cur.G, out var s)) throw Broken(ev, $"encountered event of type {typ} without known state for current goroutine {cur.G}");
                    var desc = EndRange(ev, s, typ);
                    if (typ == 27) ev.Args[0] = desc;
                    return Emit(ev, cur);
                }
            case >= 128: // the alloc/free experiment (1.23 advanceAllocFree): no M or P requirement.
                return Emit(ev, cur);
        }
        throw Broken(ev, $"bad event type found while ordering: {typ}");
    }

    private PState P(V2Event ev, long p) => _p.TryGetValue(p, out var s) ? s : throw Broken(ev, $"event for proc {p} that doesn't exist");

    // The event itself is queued: the reader's cursor moves on to a new event object once this one advanced.
    private bool Emit(V2Event ev, (long M, long P, long G) ctx)
    {
        (ev.M, ev.P, ev.G) = ctx;
        Queue.Enqueue(ev);
        return true;
    }
}
