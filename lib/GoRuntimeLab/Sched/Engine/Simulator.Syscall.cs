// Mirrors: entersyscall (the P stays in _Psyscall, reachable through m.oldp, until sysmon's retake), entersyscallblock (hand the
// P off at once), exitsyscall: exitsyscallfast (own P back, or exitsyscallfast_pidle: any idle P, waking a deep-sleeping sysmon)
// or exitsyscall0 (no P: the G to the global queue, the M parks) (proc.go), Go 1.13–1.23.
// Simplified: a syscall is a fixed duration plus SchedCosts.SyscallEnter/SyscallExit; no vDSO or locked-thread cases.
namespace GoRuntimeLab.Sched.Engine;

internal sealed partial class Simulator
{
    private void EnterSyscall(SimP p, SimG g, long duration, bool blocking)
    {
        SetGStatus(g, GStatus.Syscall);
        var m = p.M!;
        m.OldP = p;
        p.Cur = null;
        p.SyscallG = g;
        p.M = null; // entersyscall: pp.m = 0, the P stays attached to the M only through m.oldp
        m.P = null;
        p.Status = PStatus.Syscall;
        SetAct(p, PActivity.Syscall, g.Id);
        Post(EventKind.SyscallDone, g.Id, g.RunGen, _now + _k.SyscallEnter + duration);
        if (blocking)
        {
            // entersyscallblock: the syscall is known to block, hand the P off at once.
            p.Status = PStatus.Idle;
            p.SyscallG = null;
            m.OldP = null;
            HandOffSyscallP(p, SchedEventKind.Handoff, g.Id, "entersyscallblock");
        }
    }

    private void ExitSyscall(SimG g)
    {
        if (_exit is not null || g.Status != GStatus.Syscall) return;
        var m = g.M!;
        var oldp = m.OldP;
        m.OldP = null;
        if (oldp is not null && oldp.Status == PStatus.Syscall && oldp.SyscallG == g)
        {
            // exitsyscallfast: our P is still in _Psyscall (not retaken): take it back without scheduling.
            oldp.SyscallG = null;
            Acquire(m, oldp);
            oldp.Syscalltick++;
            ResumeAfterSyscall(oldp, g);
            return;
        }

        if (oldp?.SyscallG == g) oldp.SyscallG = null;
        var pp = PidleGet();
        if (pp is not null)
        {
            // exitsyscallfast_pidle: any idle P will do.
            Acquire(m, pp);
            pp.Syscalltick++;
            _sysmon.WakeForSyscall();
            ResumeAfterSyscall(pp, g);
            return;
        }

        // exitsyscall0: no P: the G goes to the global queue and the M parks.
        SetGStatus(g, GStatus.Runnable);
        g.M = null;
        _runq.GlobPut(g);
        m.Curg = null;
        StopM(m);
    }

    private void ResumeAfterSyscall(SimP p, SimG g)
    {
        SetGStatus(g, GStatus.Running);
        g.P = p;
        p.Cur = g;
        p.M!.Curg = g;
        SetAct(p, PActivity.Running, g.Id);
        g.StepRemaining += _k.SyscallExit;
        g.ComputeCalls = true;
        g.SliceStart = _now;
        p.Epoch++;
        Post(EventKind.PRun, p.Id, p.Epoch, _now + g.StepRemaining);
    }

    // entersyscallblock and sysmon's retake: the P leaves the G's syscall for handoffp.
    internal void HandOffSyscallP(SimP p, SchedEventKind kind, int g, string detail)
    {
        _handoffs++;
        Event(kind, p.Id, g, -1, 0, detail);
        HandOffP(p);
    }
}
