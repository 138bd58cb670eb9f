// Mirrors: what a running G does between scheduler calls: its statements, the stack-check preemption point at calls (newstack →
// gopreempt_m), goexit0, gopanic's "panic: … goroutine N [running]" report (proc.go, stack.go, panic.go), Go 1.13–1.23;
// channels go to Channels, sync.Mutex/WaitGroup to Sema.
// Simplified: every statement except a tight loop, a counter update or a print counts as a function call (a preemption point).
using System.Text;
using GoRuntimeLab.Sched.Steps;
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Engine;

internal sealed partial class Simulator
{
    private void Continue(SimP p, SimG g)
    {
        if (g.StepRemaining > 0)
        {
            var elapsed = _now - g.SliceStart;
            if (elapsed > 0)
            {
                g.StepRemaining = Math.Max(0, g.StepRemaining - elapsed);
                g.SliceStart = _now;
            }

            if (g.StepRemaining > 0)
            {
                // Woken at a call boundary inside call-heavy code: the stack check sees stackPreempt.
                if (g.Preempt && g.ComputeCalls)
                {
                    Preempt(p, g, async: false);
                    return;
                }

                p.Epoch++;
                Post(EventKind.PRun, p.Id, p.Epoch, _now + g.StepRemaining);
                return;
            }
        }

        if (g.Resume != Resume.None && !HandleResume(p, g)) return;
        RunSteps(p, g);
    }

    private void RunSteps(SimP p, SimG g)
    {
        var guard = 0;
        while (_exit is null)
        {
            if (g.StepRemaining > 0)
            {
                g.SliceStart = _now;
                p.Epoch++;
                Post(EventKind.PRun, p.Id, p.Epoch, _now + g.StepRemaining);
                return;
            }

            var s = g.Current();
            if (s is null)
            {
                GoExit(p, g);
                return;
            }

            if (g.Preempt && s is not (CountStep or PrintStep or RepeatStep))
            {
                Preempt(p, g, async: false);
                return;
            }

            if (++_statements > _c.MaxStatements) throw Budget("SchedConfig.MaxStatements", _c.MaxStatements, "workload statements", "loop fewer times or shorten the run");
            if (++guard > 100_000)
            {
                // A loop of zero-time statements: let one call interval pass so simulated time advances.
                g.StepRemaining = _k.CallInterval;
                g.ComputeCalls = true;
                continue;
            }

            switch (s)
            {
                case ComputeStep c:
                    g.Advance();
                    g.StepRemaining = c.Nanoseconds;
                    g.ComputeCalls = c.HasCalls;
                    break;
                case CountStep c:
                    g.Advance();
                    Count(c.Counter, c.Amount);
                    break;
                case PrintStep pr:
                    g.Advance();
                    if (_stdout.Count >= _c.MaxOutputLines) throw Budget("SchedConfig.MaxOutputLines", _c.MaxOutputLines, "printed lines", "print less or shorten the run");
                    _stdout.Add(new OutputLine(_now, g.Id, pr.Text));
                    break;
                case RepeatStep r:
                    if (r.Count == 0 || r.Body.Count == 0) g.Advance();
                    else g.Push(r.Body, r.Count, r);
                    break;
                case ReturnStep:
                    GoExit(p, g);
                    return;
                case SleepStep sl:
                    g.Advance();
                    if (sl.Nanoseconds <= 0) break; // timeSleep(0) returns at once
                    AddTimer(p, g, _now + sl.Nanoseconds);
                    Park(p, g, "sleep");
                    return;
                case SyscallStep sc:
                    g.Advance();
                    EnterSyscall(p, g, sc.Nanoseconds, sc.Blocking);
                    return;
                case NetWaitStep nw:
                    g.Advance();
                    _netpoll.Wait(g, nw.Nanoseconds);
                    Park(p, g, "IO wait");
                    return;
                case SendStep se:
                    g.Advance();
                    if (!_chan.Send(p, g, se.Channel, se.Value)) return;
                    g.StepRemaining = _k.ChannelOp;
                    break;
                case RecvStep re:
                    g.Advance();
                    if (!_chan.Recv(p, g, re.Channel, re.Tally)) return;
                    g.StepRemaining = _k.ChannelOp;
                    break;
                case RangeStep rg:
                    if (!_chan.RangeRecv(p, g, rg)) return;
                    g.StepRemaining = _k.ChannelOp;
                    break;
                case CloseStep cl:
                    g.Advance();
                    if (!_chan.Close(p, g, cl.Channel)) return;
                    g.StepRemaining = _k.ChannelOp;
                    break;
                case SelectStep sel:
                    if (!_chan.Select(p, g, sel)) return;
                    g.StepRemaining = _k.ChannelOp;
                    break;
                case SpawnStep sp:
                    g.Advance();
                    NewProc(p, g, sp);
                    g.StepRemaining = _k.GoStatement;
                    break;
                case WaitGroupAddStep wa:
                    g.Advance();
                    if (!_sema.WaitGroupAdd(p, g, wa)) return;
                    break;
                case WaitGroupWaitStep ww:
                    g.Advance();
                    if (!_sema.WaitGroupWait(p, g, ww.WaitGroup)) return;
                    break;
                case MutexStep { Lock: true } ml:
                    if (!_sema.MutexLock(p, g, ml.Mutex, retry: false)) return;
                    break;
                case MutexStep mu:
                    g.Advance();
                    if (!_sema.MutexUnlock(p, g, mu.Mutex)) return;
                    break;
                case GoschedStep:
                    g.Advance();
                    Event(SchedEventKind.Gosched, p.Id, g.Id, -1, 0, "");
                    GoschedImpl(p, g);
                    return;
                default:
                    throw new SchedInvariantException($"unknown step {s.GetType().Name}");
            }
        }
    }

    // newproc: the new G goes to runnext of the creating P (kicking the old runnext to the ring), then wakep.
    private void NewProc(SimP p, SimG g, SpawnStep sp)
    {
        // gfget: reuse a dead G of this P, refilling up to 32 from the global free list when the P has none.
        if (p.GFree == 0 && _schedGFree > 0)
        {
            var take = Math.Min(32, _schedGFree);
            _schedGFree -= take;
            p.GFree = take;
        }

        if (p.GFree > 0) p.GFree--;
        var newg = NewG(sp.Name, g, sp.Describe(), sp.Body);
        _runq.Put(p, newg, next: true);
        Wakep();
    }

    // gopreempt_m (cooperative, at a call) or asyncPreempt (the signal from Sysmon): the G goes to the global queue.
    internal void Preempt(SimP p, SimG g, bool async)
    {
        if (async) _preemptAsync++;
        else _preemptCoop++;
        Event(async ? SchedEventKind.PreemptAsync : SchedEventKind.PreemptCooperative, p.Id, g.Id, -1, 0, "");
        g.Preempt = false;
        p.Epoch++;
        GoschedImpl(p, g);
    }

    private void GoExit(SimP p, SimG g)
    {
        SetGStatus(g, GStatus.Dead);
        g.WaitReason = "";
        g.FinishedAt = _now;
        g.Depth = 0;
        Drop(p, g);
        // gfput: keep up to 64 dead Gs per P; at 64, move them to the global free list until 31 remain.
        if (++p.GFree >= 64)
        {
            _schedGFree += p.GFree - 31;
            p.GFree = 31;
        }
        if (g.IsMain)
        {
            _exit = SchedExit.MainReturned;
            return;
        }

        Schedule(p);
    }

    internal void Panic(SimG g, string message)
    {
        _exit = SchedExit.Panic;
        _fatal = $"panic: {message}\n\n{Traceback(g, "running")}exit status 2\n";
    }

    internal void Fatal(SimG g, string message)
    {
        _exit = SchedExit.FatalError;
        _fatal = $"fatal error: {message}\n\n{Traceback(g, "running")}exit status 2\n";
    }

    /// <summary>"goroutine N [reason]:" followed by the step stack, innermost first, and where the G was created.</summary>
    private static string Traceback(SimG g, string state)
    {
        var sb = new StringBuilder();
        sb.Append(Invariant($"goroutine {g.Id} [{state}]:\n"));
        sb.Append(g.IsMain ? "main.main()\n" : $"main.{g.Name}()\n");
        for (var d = g.Depth - 1; d >= 0; d--)
        {
            var f = g.Frames[d];
            var idx = Math.Max(0, Math.Min(f.Index, f.Steps.Count) - (d == g.Depth - 1 ? 0 : 0));
            var current = idx < f.Steps.Count ? f.Steps[idx] : null;
            if (d == g.Depth - 1)
            {
                // The statement that failed or blocked was already stepped past: show the previous one.
                var at = Math.Max(0, f.Index - 1);
                if (g.Status == GStatus.Waiting && g.Resume == Resume.LockRetry) at = f.Index;
                if (at < f.Steps.Count) sb.Append(Invariant($"\tstep {at}: {f.Steps[at].Describe()}\n"));
            }
            else if (current is not null)
            {
                sb.Append(Invariant($"\tstep {idx}: {current.Describe()}"));
                var inner = g.Frames[d + 1];
                if (inner.Owner is RepeatStep) sb.Append(Invariant($" (iteration {inner.Iteration})"));
                sb.Append('\n');
            }
        }

        if (g.Creator is { } c) sb.Append(Invariant($"created by {(c.IsMain ? "main.main" : "main." + c.Name)} in goroutine {c.Id}\n"));
        return sb.ToString();
    }

    // What the parked statement does after gopark returns.
    private bool HandleResume(SimP p, SimG g)
    {
        var kind = g.Resume;
        g.Resume = Resume.None;
        switch (kind)
        {
            case Resume.SendWake:
                if (!g.Param!.Success)
                {
                    Panic(g, "send on closed channel");
                    return false;
                }

                break;
            case Resume.RecvWake:
                if (g.PendingRange is { } rg)
                {
                    g.PendingRange = null;
                    _chan.RangeNext(g, rg, g.Param!.Elem, g.Param.Success);
                    return true;
                }

                _chan.Tally(g.PendingTally, g.Param!.Elem, g.Param.Success);
                break;
            case Resume.SelectWake:
                return _chan.SelectPass3(p, g);
            case Resume.LockRetry:
                return _sema.MutexLock(p, g, ((MutexStep)g.Current()!).Mutex, retry: true);
        }

        Channels.EnterPendingBody(g);
        return true;
    }
}
