// Mirrors: schedule, findRunnable (run queues and stealing in RunQueues), execute,
// wakep/startm/stopm/mput/handoffp/resetspinning, pidleput/pidleget, injectglist, ready/park/goschedImpl/goyield (proc.go), Go 1.13–1.23;
// timers in Simulator.Time, syscalls in Simulator.Syscall, the poller's state in Netpoll.
// Simplified: no GC workers, finalizer, trace reader or locked threads; the M blocked in netpoll is kept by Netpoll, off the idle Ms;
// steal probes cost time before the stolen G runs instead of interleaving with other Ms.
namespace GoRuntimeLab.Sched.Engine;

internal sealed partial class Simulator
{
    // schedule() → findRunnable() → execute(). Called by the M on p with no current G.
    private void Schedule(SimP p, long extraCost = 0)
    {
        if (_exit is not null) return;
        var m = p.M!;
        RunTimers(p, p); // checkTimers: expired sleeps become runnable on this P (goready → runnext)

        SimG? g = null;
        var inherit = false;
        var cost = extraCost;
        // Fairness: every 61st schedtick take one G from the global queue so it cannot starve behind a busy local queue.
        if (p.Schedtick % 61 == 0 && _runq.GlobalSize > 0) g = _runq.GlobGet(p, 1);
        g ??= _runq.Get(p, out inherit);
        if (g is null && _runq.GlobalSize > 0) g = _runq.GlobGet(p, 0);
        // Non-blocking netpoll when goroutines wait on the network and no M is blocked in netpoll.
        if (g is null && _netpoll.HasReady && !_netpoll.PollerBlocked) g = NetpollNonBlocking(p);
        if (g is null && (m.Spinning || 2 * _nmspinning < _c.Procs - _pidle.Count))
        {
            // Limit spinning Ms to half the busy Ps, so idle Ps do not burn CPU stealing from each other.
            if (!m.Spinning) BecomeSpinning(m);
            g = _runq.StealWork(p, m, out var probes, ref cost);
            cost += Math.Max(1, probes) * _k.StealAttempt;
            if (g is null)
            {
                SetAct(p, PActivity.Spinning, 0);
                p.Epoch++;
                Post(EventKind.SpinDone, p.Id, p.Epoch, _now + Math.Max(1, cost));
                return;
            }
        }

        if (g is null)
        {
            DropP(p, m);
            return;
        }

        // A spinning M that found work stops spinning and wakes another (the "M wakeup policy" in proc.go's header).
        if (m.Spinning) ResetSpinning(m);
        Execute(p, g, inherit, cost);
    }

    // The rest of findRunnable after the steal passes failed.
    private void SpinDone(SimP p, SimM m)
    {
        if (p.Cur is not null) return;
        if (!p.RunqEmpty || (p.Timers.TryPeek(out _, out var k) && k.Time <= _now))
        {
            Schedule(p);
            return;
        }

        DropP(p, m);
    }

    private void DropP(SimP p, SimM m)
    {
        // Under sched.lock: one more look at the global queue.
        if (_runq.GlobalSize > 0)
        {
            var g = _runq.GlobGet(p, 0)!;
            if (m.Spinning) ResetSpinning(m);
            Execute(p, g, false, 0);
            return;
        }

        // Go 1.21+: someone found work but no idle P (pidlegetSpinning set needspinning); become spinning instead of parking.
        if (_v121 && !m.Spinning && _needspinning)
        {
            BecomeSpinning(m);
            Schedule(p);
            return;
        }

        ReleaseP(m, p);
        PidlePut(p);
        if (m.Spinning)
        {
            // "Delicate dance": drop nmspinning first, then re-check every P's run queue (checkRunqsNoP).
            StopSpinning(m);
            foreach (var p2 in _allp)
            {
                if (p2.InIdleList || p2.RunqEmpty) continue;
                var pp = PidleGet();
                if (pp is null) break;
                Acquire(m, pp);
                BecomeSpinning(m);
                Schedule(pp);
                return;
            }
        }

        StopM(m);
    }

    private void Execute(SimP p, SimG g, bool inheritTime, long cost)
    {
        // runnext inherits the time slice: schedtick is not incremented, so sysmon's 10 ms clock keeps running.
        if (!inheritTime) p.Schedtick++;
        if (g.Status == GStatus.Runnable) _latencies.Add(_now - g.StateSince);
        SetGStatus(g, GStatus.Running);
        g.Preempt = false; // execute clears a stale preemption request
        g.RunGen++;
        g.P = p;
        g.M = p.M;
        p.Cur = g;
        p.M!.Curg = g;
        _contextSwitches++;
        SetAct(p, PActivity.Running, g.Id);
        var start = _now + _k.ContextSwitch + cost;
        g.SliceStart = start;
        p.Epoch++;
        Post(EventKind.PRun, p.Id, p.Epoch, start);
    }

    // ---- Ms and Ps ----

    private void BecomeSpinning(SimM m)
    {
        m.Spinning = true;
        m.SpinSince = _now;
        _nmspinning++;
        if (_v121) _needspinning = false;
    }

    private void StopSpinning(SimM m)
    {
        m.Spinning = false;
        _nmspinning--;
        _spinningTime += _now - m.SpinSince;
    }

    private void ResetSpinning(SimM m)
    {
        StopSpinning(m);
        Wakep();
    }

    // wakep: start one spinning M if there is an idle P and nobody is spinning already.
    private void Wakep()
    {
        if (_nmspinning != 0) return;
        if (!_v121)
        {
            if (_pidle.Count == 0) return;
            _nmspinning++;
            StartM(null, spinning: true);
            return;
        }

        _nmspinning++;
        var pp = PidleGet();
        if (pp is null)
        {
            _needspinning = true; // pidlegetSpinning: found work but no P; tell Ms about to park
            _nmspinning--;
            return;
        }

        StartM(pp, spinning: true);
    }

    // startm: an idle (or new) M takes pp (or an idle P); it runs after the thread wake-up latency.
    private void StartM(SimP? pp, bool spinning)
    {
        pp ??= PidleGet();
        if (pp is null)
        {
            if (spinning) _nmspinning--;
            return;
        }

        var m = _midle.Count > 0 ? _midle.Pop() : NewM();
        m.Blocked = false;
        m.Spinning = spinning;
        if (spinning) m.SpinSince = _now;
        _pendingMStarts++;
        Post(EventKind.MStart, pp.Id, m.Id, _now + _k.ThreadWake);
    }

    // mput: the M goes on the idle list, where startm finds it.
    internal void MPut(SimM m) => _midle.Push(m);

    private void MStart(SimP p, SimM m)
    {
        Acquire(m, p);
        Schedule(p);
    }

    private void StopM(SimM m)
    {
        // The last M to park with timers or network waiters pending blocks in netpoll instead of a plain futex
        // (findRunnable's blocking netpoll). That M is not on the idle list (nmidle), so startm never takes it; it
        // comes back when the poller returns (ReleasePoller).
        m.Blocked = true;
        m.Curg = null;
        if (!_netpoll.PollerBlocked && (_netpoll.Pending > 0 || AnyTimers())) _netpoll.Block(m);
        else MPut(m);

        CheckDead();
    }

    private void Acquire(SimM m, SimP p)
    {
        p.Status = PStatus.Running;
        p.M = m;
        m.P = p;
        SetAct(p, m.Spinning ? PActivity.Spinning : PActivity.Running, 0);
    }

    private static void ReleaseP(SimM m, SimP p)
    {
        p.M = null;
        m.P = null;
    }

    private void PidlePut(SimP p)
    {
        if (!p.RunqEmpty) throw new SchedInvariantException($"pidleput: P{p.Id} has a non-empty run queue");
        p.Status = PStatus.Idle;
        p.InIdleList = true;
        p.M = null;
        _pidle.Push(p);
        SetAct(p, PActivity.Idle, 0);
    }

    private SimP? PidleGet()
    {
        if (_pidle.Count == 0) return null;
        var p = _pidle.Pop();
        p.InIdleList = false;
        return p;
    }

    // handoffp: a P leaves its M (blocking syscall or retake). Start an M only if there is work or nobody else could find it.
    private void HandOffP(SimP p)
    {
        if (!p.RunqEmpty || _runq.GlobalSize > 0)
        {
            StartM(p, false);
            return;
        }

        if (_nmspinning + _pidle.Count == 0)
        {
            _nmspinning++;
            if (_v121) _needspinning = false;
            StartM(p, true);
            return;
        }

        // The last running P, and nobody is blocked in netpoll (sched.lastpoll != 0): someone must keep polling
        // (handoffp checks only those two, whether or not anything waits on the network or a timer).
        if (_pidle.Count == _c.Procs - 1 && !_netpoll.PollerBlocked)
        {
            StartM(p, false);
            return;
        }

        PidlePut(p);
    }

    // ---- goroutine state changes ----

    // ready/goready: runnable, into runnext of the current P, and wake an idle P if there is one.
    internal void Ready(SimG g, SimP p)
    {
        SetGStatus(g, GStatus.Runnable);
        _runq.Put(p, g, next: true);
        if (_record) Event(SchedEventKind.Ready, p.Id, g.Id, -1, 0, "");
        Wakep();
    }

    internal void Park(SimP p, SimG g, string reason)
    {
        SetGStatus(g, GStatus.Waiting, reason);
        Drop(p, g);
        Schedule(p);
    }

    private static void Drop(SimP p, SimG g)
    {
        g.P = null;
        g.M = null;
        p.Cur = null;
        p.M!.Curg = null;
    }

    // goschedImpl: Gosched and both kinds of preemption put the G on the GLOBAL queue.
    private void GoschedImpl(SimP p, SimG g)
    {
        SetGStatus(g, GStatus.Runnable);
        Drop(p, g);
        _runq.GlobPut(g);
        // Go 1.22+ (proc.go goschedImpl: `if mainStarted { wakep() }`): an idle P may pick the G up at once; absent in
        // 1.19 and 1.21 (checked in both sources).
        if (_v122) Wakep();
        Schedule(p);
    }

    // goyield (proc.go, used by semrelease with handoff): like Gosched, but to the tail of this P's LOCAL queue.
    internal void GoYield(SimP p, SimG g)
    {
        SetGStatus(g, GStatus.Runnable);
        Drop(p, g);
        _runq.Put(p, g, next: false);
        Schedule(p);
    }

    // ---- network poller ----

    // findRunnable's non-blocking netpoll: run the first ready G here, inject the rest.
    private SimG NetpollNonBlocking(SimP p)
    {
        var list = _netpoll.Poll();
        var first = list[0];
        SetGStatus(first, GStatus.Runnable);
        InjectGList(list.AsSpan(1), p);
        return first;
    }

    // injectglist: with no P everything goes to the global queue and one M starts per idle P; with a P,
    // as many as there are idle Ps go global (and start Ms), the rest to this P's local queue.
    internal void InjectGList(ReadOnlySpan<SimG> list, SimP? p)
    {
        foreach (var g in list) SetGStatus(g, GStatus.Runnable);
        if (p is null)
        {
            foreach (var g in list) _runq.GlobPut(g);
            for (var i = 0; i < list.Length && _pidle.Count > 0; i++) StartM(null, false);
            return;
        }

        var npidle = _pidle.Count;
        var n = 0;
        for (; n < npidle && n < list.Length; n++) _runq.GlobPut(list[n]);
        for (var i = 0; i < n; i++) StartM(null, false);
        for (var i = n; i < list.Length; i++) _runq.Put(p, list[i], false);
    }

    // checkdead: no M running or in a syscall, nothing queued, no timer, no network waiter: every goroutine is asleep.
    private void CheckDead()
    {
        if (_exit is not null) return;
        foreach (var p in _allp) if (p.Status is PStatus.Running or PStatus.Syscall) return;
        if (_pendingMStarts > 0 || _netpoll.Pending > 0 || _runq.GlobalSize > 0) return;
        foreach (var p in _allp) if (p.Timers.Count > 0 || !p.RunqEmpty) return;
        if (_inSyscall > 0) return;
        _exit = SchedExit.Deadlock;
        var sb = new System.Text.StringBuilder("fatal error: all goroutines are asleep - deadlock!\n");
        foreach (var g in _allg.Where(g => g.Status == GStatus.Waiting)) sb.Append('\n').Append(Traceback(g, g.WaitReason));
        _fatal = sb.ToString();
    }
}
