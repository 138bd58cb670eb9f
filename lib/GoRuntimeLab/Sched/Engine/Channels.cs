// Mirrors: chansend, chanrecv, send/recv (direct handoff), closechan (chan.go) and selectgo passes 1–3 with pollorder/lockorder
// (select.go), plus the compiler's select lowering (select{} → block, 1 case → plain op, 1 case + default → selectnb*), Go 1.13–1.23.
// Simplified: values are longs; the "lock" of each hchan is implicit (the simulator is single-threaded).
using GoRuntimeLab.Sched.Steps;
using GoRuntimeLab.Sched.Workloads;
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Engine;

/// <summary>The workload's channels and the chan.go/select.go operations on them; parks, readies and panics go through the core <see cref="Simulator"/>.</summary>
internal sealed class Channels
{
    private readonly Simulator _s;
    private readonly bool _checkInvariants;
    private readonly Dictionary<string, SimChan> _chans = new(StringComparer.Ordinal);

    public Channels(Simulator s, Workload workload, bool checkInvariants)
    {
        _s = s;
        _checkInvariants = checkInvariants;
        var id = 0;
        foreach (var (name, cap) in workload.Channels.OrderBy(kv => kv.Key, StringComparer.Ordinal)) _chans[name] = new SimChan(name, ++id, cap);
    }

    private SimChan? Chan(string name) => name == Workload.NilChannel ? null : _chans[name];

    // Returns true when the statement completed and the G keeps running; false when it parked or panicked.
    internal bool Send(SimP p, SimG g, string name, long value, bool block = true)
    {
        var c = Chan(name);
        if (c is null)
        {
            if (!block) return true;
            _s.Park(p, g, "chan send (nil chan)"); // blocks forever
            return false;
        }

        if (c.Closed)
        {
            _s.Panic(g, "send on closed channel");
            return false;
        }

        if (c.Recvq.Dequeue() is { } sg)
        {
            // Direct handoff: copy into the waiting receiver and goready it (runnext of this P).
            SendTo(p, sg, value);
            CheckChan(c);
            return true;
        }

        if (c.Qcount < c.Cap)
        {
            c.Buf[c.Sendx] = value;
            if (++c.Sendx == c.Cap) c.Sendx = 0;
            c.Qcount++;
            CheckChan(c);
            return true;
        }

        if (!block) return true;
        var me = new Sudog(g, c) { Elem = value };
        c.Sendq.Enqueue(me);
        g.Param = null;
        g.Resume = Resume.SendWake;
        CheckChan(c);
        _s.Park(p, g, "chan send");
        return false;
    }

    internal bool Recv(SimP p, SimG g, string name, string? tally)
    {
        var c = Chan(name);
        if (c is null)
        {
            _s.Park(p, g, "chan receive (nil chan)");
            return false;
        }

        if (c.Closed && c.Qcount == 0)
        {
            Tally(tally, 0, ok: false);
            CheckChan(c);
            return true;
        }

        if (c.Sendq.Dequeue() is { } sg)
        {
            Tally(tally, RecvFrom(p, c, sg), ok: true);
            CheckChan(c);
            return true;
        }

        if (c.Qcount > 0)
        {
            Tally(tally, BufRecv(c), ok: true);
            CheckChan(c);
            return true;
        }

        var me = new Sudog(g, c);
        c.Recvq.Enqueue(me);
        g.Param = null;
        g.PendingTally = tally;
        g.Resume = Resume.RecvWake;
        CheckChan(c);
        _s.Park(p, g, "chan receive");
        return false;
    }

    // for v := range ch: one chanrecv2; ok → run the body and come back, !ok → leave the loop.
    internal bool RangeRecv(SimP p, SimG g, RangeStep rg)
    {
        var c = Chan(rg.Channel);
        if (c is null)
        {
            _s.Park(p, g, "chan receive (nil chan)");
            return false;
        }

        if (c.Closed && c.Qcount == 0)
        {
            RangeNext(g, rg, 0, ok: false);
            return true;
        }

        if (c.Sendq.Dequeue() is { } sg)
        {
            RangeNext(g, rg, RecvFrom(p, c, sg), ok: true);
            CheckChan(c);
            return true;
        }

        if (c.Qcount > 0)
        {
            RangeNext(g, rg, BufRecv(c), ok: true);
            CheckChan(c);
            return true;
        }

        c.Recvq.Enqueue(new Sudog(g, c));
        g.Param = null;
        g.PendingRange = rg;
        g.Resume = Resume.RecvWake;
        CheckChan(c);
        _s.Park(p, g, "chan receive");
        return false;
    }

    internal void RangeNext(SimG g, RangeStep rg, long value, bool ok)
    {
        if (!ok)
        {
            g.Advance();
            return;
        }

        Tally(rg.Tally, value, ok: true);
        if (rg.Body.Count > 0) g.Push(rg.Body, 1, rg);
    }

    private void SendTo(SimP p, Sudog sg, long value)
    {
        sg.Elem = value;
        sg.Success = true;
        sg.G.Param = sg;
        _s.Ready(sg.G, p);
    }

    // recv: unbuffered → take the sender's value; full buffer → take the head, put the sender's value in the same slot (FIFO kept).
    private long RecvFrom(SimP p, SimChan c, Sudog sg)
    {
        long value;
        if (c.Cap == 0)
        {
            value = sg.Elem;
        }
        else
        {
            value = c.Buf[c.Recvx];
            c.Buf[c.Recvx] = sg.Elem;
            if (++c.Recvx == c.Cap) c.Recvx = 0;
            c.Sendx = c.Recvx;
        }

        sg.Success = true;
        sg.G.Param = sg;
        _s.Ready(sg.G, p);
        return value;
    }

    private static long BufRecv(SimChan c)
    {
        var value = c.Buf[c.Recvx];
        c.Buf[c.Recvx] = 0;
        if (++c.Recvx == c.Cap) c.Recvx = 0;
        c.Qcount--;
        return value;
    }

    internal bool Close(SimP p, SimG g, string name)
    {
        var c = Chan(name);
        if (c is null)
        {
            _s.Panic(g, "close of nil channel");
            return false;
        }

        if (c.Closed)
        {
            _s.Panic(g, "close of closed channel");
            return false;
        }

        c.Closed = true;
        // Release all readers (zero value, success=false) then all writers (they will panic); gList is a stack.
        var glist = new Stack<SimG>();
        while (c.Recvq.Dequeue() is { } r)
        {
            r.Elem = 0;
            r.Success = false;
            r.G.Param = r;
            glist.Push(r.G);
        }

        while (c.Sendq.Dequeue() is { } s)
        {
            s.Success = false;
            s.G.Param = s;
            glist.Push(s.G);
        }

        CheckChan(c);
        while (glist.Count > 0) _s.Ready(glist.Pop(), p);
        return true;
    }

    internal void Tally(string? tally, long value, bool ok)
    {
        if (tally is null) return;
        _s.Count(ok ? Invariant($"{tally}/{value}") : $"{tally}/closed", 1);
    }

    private static void EnterCaseBody(SimG g, IReadOnlyList<WorkloadStep> body, WorkloadStep owner)
    {
        if (body.Count == 0) g.Advance();
        else g.Push(body, 1, owner);
    }

    internal static void EnterPendingBody(SimG g)
    {
        if (g.PendingBody is null) return;
        var body = g.PendingBody;
        g.PendingBody = null;
        EnterCaseBody(g, body, g.Current()!);
    }

    internal bool Select(SimP p, SimG g, SelectStep sel)
    {
        var cases = sel.Cases;
        if (cases.Count == 0)
        {
            if (sel.HasDefault)
            {
                EnterCaseBody(g, sel.Default, sel);
                return true;
            }

            g.Advance();
            _s.Park(p, g, "select (no cases)"); // select {} → block()
            return false;
        }

        if (cases.Count == 1)
        {
            // Compiler lowering: a plain channel operation (or selectnbsend/selectnbrecv with a default).
            var only = cases[0];
            g.PendingBody = only.Body;
            bool done;
            if (!sel.HasDefault)
            {
                done = only.Direction == SelectDirection.Send ? Send(p, g, only.Channel, only.Value) : Recv(p, g, only.Channel, only.Tally);
                if (done) EnterPendingBody(g);
                return done;
            }

            g.PendingBody = null;
            var ready = NonBlockingReady(only);
            if (ready)
            {
                _ = only.Direction == SelectDirection.Send ? Send(p, g, only.Channel, only.Value, block: false) : Recv(p, g, only.Channel, only.Tally);
                if (_s.Exited) return false;
                EnterCaseBody(g, only.Body, sel);
            }
            else
            {
                EnterCaseBody(g, sel.Default, sel);
            }

            return true;
        }

        var m = p.M!;
        // The compiler lays the cases out sends first (in source order), then receives from the end backwards
        // (walk/select.go walkSelectCases: casorder[i] with i = nsends++ or ncas - ++nrecvs); selectgo permutes that
        // array, so for a given random sequence the same case wins as in Go.
        var scases = new int[cases.Count];
        int nsends = 0, nrecvs = 0;
        for (var i = 0; i < cases.Count; i++)
            scases[cases[i].Direction == SelectDirection.Send ? nsends++ : cases.Count - ++nrecvs] = i;

        // pollorder: a random permutation by insertion (cheaprandn); nil-channel cases are dropped.
        var pollorder = new int[cases.Count];
        var norder = 0;
        foreach (var i in scases)
        {
            if (cases[i].Channel == Sched.Workloads.Workload.NilChannel) continue;
            var j = (int)m.Rand.Next((uint)(norder + 1));
            pollorder[norder] = pollorder[j];
            pollorder[j] = i;
            norder++;
        }

        // Pass 1: look for a case that can proceed now, in poll order.
        for (var k = 0; k < norder; k++)
        {
            var i = pollorder[k];
            var cas = cases[i];
            var c = _chans[cas.Channel];
            if (cas.Direction == SelectDirection.Recv)
            {
                if (c.Sendq.Dequeue() is { } sg) Tally(cas.Tally, RecvFrom(p, c, sg), ok: true);
                else if (c.Qcount > 0) Tally(cas.Tally, BufRecv(c), ok: true);
                else if (c.Closed) Tally(cas.Tally, 0, ok: false);
                else continue;
            }
            else
            {
                if (c.Closed)
                {
                    _s.Panic(g, "send on closed channel");
                    return false;
                }

                if (c.Recvq.Dequeue() is { } sg) SendTo(p, sg, cas.Value);
                else if (c.Qcount < c.Cap)
                {
                    c.Buf[c.Sendx] = cas.Value;
                    if (++c.Sendx == c.Cap) c.Sendx = 0;
                    c.Qcount++;
                }
                else continue;
            }

            CheckChan(c);
            EnterCaseBody(g, cas.Body, sel);
            return true;
        }

        if (sel.HasDefault)
        {
            EnterCaseBody(g, sel.Default, sel);
            return true;
        }

        // Pass 2: enqueue a sudog on every channel in lock order (by hchan address), then park.
        var lockorder = pollorder.AsSpan(0, norder).ToArray();
        Array.Sort(lockorder, (a, b) => _chans[cases[a].Channel].Id.CompareTo(_chans[cases[b].Channel].Id));
        g.SelectDone = false;
        g.Waiting = new List<Sudog>(norder);
        foreach (var i in lockorder)
        {
            var cas = cases[i];
            var c = _chans[cas.Channel];
            var sg = new Sudog(g, c) { IsSelect = true, CaseIndex = i, Elem = cas.Value };
            if (cas.Direction == SelectDirection.Send) c.Sendq.Enqueue(sg);
            else c.Recvq.Enqueue(sg);
            g.Waiting.Add(sg);
            CheckChan(c);
        }

        g.Param = null;
        g.PendingSelect = sel;
        g.Resume = Resume.SelectWake;
        _s.Park(p, g, "select");
        return false;
    }

    private bool NonBlockingReady(SelectCase cas)
    {
        var c = Chan(cas.Channel);
        if (c is null) return false;
        return cas.Direction == SelectDirection.Send
            ? c.Closed || c.Recvq.LiveCount() > 0 || c.Qcount < c.Cap
            : c.Closed || c.Sendq.LiveCount() > 0 || c.Qcount > 0;
    }

    // Pass 3: the waker chose our sudog (g.Param); dequeue the others, then run the case.
    internal bool SelectPass3(SimP p, SimG g)
    {
        var sel = g.PendingSelect!;
        var won = g.Param!;
        g.SelectDone = false;
        foreach (var sg in g.Waiting!)
        {
            if (sg == won) continue;
            if (sel.Cases[sg.CaseIndex].Direction == SelectDirection.Send) sg.C.Sendq.Remove(sg);
            else sg.C.Recvq.Remove(sg);
            CheckChan(sg.C);
        }

        g.Waiting = null;
        g.PendingSelect = null;
        var cas = sel.Cases[won.CaseIndex];
        if (cas.Direction == SelectDirection.Send && !won.Success)
        {
            _s.Panic(g, "send on closed channel");
            return false;
        }

        if (cas.Direction == SelectDirection.Recv) Tally(cas.Tally, won.Elem, won.Success);
        EnterCaseBody(g, cas.Body, sel);
        _ = p;
        return true;
    }

    // The hchan invariants from chan.go's header, checked with live waiters (a woken select's stale sudogs excluded).
    private void CheckChan(SimChan c)
    {
        if (!_checkInvariants) return;
        var recv = c.Recvq.LiveCount();
        var send = c.Sendq.LiveCount();
        if (c.Qcount < 0 || c.Qcount > c.Cap) throw new SchedInvariantException(Invariant($"chan {c.Name}: qcount {c.Qcount} outside 0..{c.Cap}"));
        if (recv > 0 && c.Qcount > 0) throw new SchedInvariantException(Invariant($"chan {c.Name}: {recv} waiting receiver(s) but {c.Qcount} buffered value(s)"));
        if (send > 0 && c.Qcount < c.Cap) throw new SchedInvariantException(Invariant($"chan {c.Name}: {send} waiting sender(s) but the buffer is not full ({c.Qcount}/{c.Cap})"));
        if (c.Closed && (recv > 0 || send > 0)) throw new SchedInvariantException($"chan {c.Name}: closed with waiters");
    }
}
