// Mirrors: sysmon (20 µs sleep, doubling after 50 idle rounds, capped at 10 ms; deep sleep when all Ps are idle), retake
// (forcePreemptNS = 10 ms; syscall retake), preemptone/preemptM, schedtrace (proc.go), Go 1.13–1.23 (schedtrace fields per version).
// Simplified: no periodic GC trigger or scavenger; system goroutines (forcegc, bgsweep…) are not simulated, so G lists hold user Gs only.
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Engine;

internal sealed partial class Simulator
{
    private int _sysmonEpoch;
    private long _sysmonDelayUs;
    private int _sysmonIdle;
    private bool _sysmonwait;
    private long _lasttrace = long.MinValue / 2;
    private readonly SchedTraceWriter _schedtrace;

    private void SysmonTick()
    {
        // Nothing to do while every P is idle: sleep until the next timer (at most forcegcperiod/2) unless schedtrace is on.
        if (_c.SchedTrace <= 0 && _pidle.Count == _c.Procs)
        {
            var next = long.MaxValue;
            foreach (var p in _allp) if (p.Timers.TryPeek(out _, out var k)) next = Math.Min(next, k.Time);
            if (next > _now)
            {
                _sysmonwait = true;
                _sysmonEpoch++;
                Post(EventKind.SysmonWake, 0, _sysmonEpoch, _now + Math.Min(next == long.MaxValue ? ForceGcPeriodHalf : next - _now, ForceGcPeriodHalf));
                return;
            }
        }

        SysmonBody();
    }

    private void SysmonWake(bool syscallWake)
    {
        _sysmonwait = false;
        if (syscallWake)
        {
            _sysmonIdle = 0;
            _sysmonDelayUs = 20;
        }

        SysmonBody();
    }

    // exitsyscall0/exitsyscallfast_pidle: notewakeup(&sched.sysmonnote) if sysmon is in its deep sleep.
    private void WakeSysmonForSyscall()
    {
        if (!_sysmonwait) return;
        _sysmonwait = false;
        _sysmonEpoch++;
        Post(EventKind.SysmonWake, 1, _sysmonEpoch, _now);
    }

    private void SysmonBody()
    {
        // Poll the network if nobody has for 10 ms.
        if (_netpoll.SysmonPoll() is { } list) InjectGList(list, null);

        if (Retake() != 0) _sysmonIdle = 0;
        else _sysmonIdle++;

        if (_c.SchedTrace > 0 && _lasttrace + _c.SchedTrace <= _now)
        {
            _lasttrace = _now;
            _schedtrace.Write(_c.SchedDetail);
        }

        if (_sysmonIdle == 0) _sysmonDelayUs = 20; // start with 20 µs…
        else if (_sysmonIdle > 50) _sysmonDelayUs *= 2; // …start doubling after ~1 ms idle…
        if (_sysmonDelayUs > 10_000) _sysmonDelayUs = 10_000; // …up to 10 ms
        _sysmonEpoch++;
        // usleep(delay): the thread wakes up to the timer slack late (Linux rounds sleeps up by it).
        Post(EventKind.Sysmon, 0, _sysmonEpoch, _now + _sysmonDelayUs * 1000 + _k.TimerSlack);
    }

    private int Retake()
    {
        var n = 0;
        foreach (var p in _allp)
        {
            var s = p.Status;
            var sysretake = false;
            if (s is PStatus.Running or PStatus.Syscall)
            {
                // Preempt a G that has run for more than 10 ms since sysmon first saw this schedtick.
                if (p.SysmonSchedtick != p.Schedtick)
                {
                    p.SysmonSchedtick = p.Schedtick;
                    p.SysmonSchedwhen = _now;
                }
                else if (p.SysmonSchedwhen + ForcePreemptNs <= _now)
                {
                    PreemptOne(p);
                    sysretake = true;
                }
            }

            if (s != PStatus.Syscall) continue;
            if (!sysretake && p.SysmonSyscalltick != p.Syscalltick)
            {
                p.SysmonSyscalltick = p.Syscalltick;
                p.SysmonSyscallwhen = _now;
                continue;
            }

            // Leave the P in the syscall if it has no work, someone else can find work, and the syscall is younger than 10 ms.
            if (p.RunqEmpty && _nmspinning + _pidle.Count > 0 && p.SysmonSyscallwhen + 10_000_000 > _now) continue;
            p.Status = PStatus.Idle;
            n++;
            p.Syscalltick++;
            _handoffs++;
            Event(SchedEventKind.SyscallRetake, p.Id, p.SyscallG?.Id ?? -1, -1, 0, "retake");
            p.SyscallG = null;
            HandOffP(p);
        }

        return n;
    }

    private void PreemptOne(SimP p)
    {
        var m = p.M;
        var g = m?.Curg;
        if (g is null || g.Status != GStatus.Running) return;
        g.Preempt = true; // + stackguard0 = stackPreempt: the next function prologue calls morestack → gopreempt_m
        Event(SchedEventKind.PreemptRequest, p.Id, g.Id, -1, 0, "");
        if (g.StepRemaining > 0 && g.ComputeCalls && g.SliceStart <= _now)
        {
            var elapsed = _now - g.SliceStart;
            var toCall = _k.CallInterval - (elapsed % _k.CallInterval);
            if (toCall < g.StepRemaining - elapsed)
            {
                p.Epoch++;
                Post(EventKind.PRun, p.Id, p.Epoch, _now + toCall);
            }
        }

        // preemptM: SIGURG, unless asyncpreemptoff=1 or before Go 1.14.
        if (_c.AsyncPreemptionActive) Post(EventKind.Signal, g.Id, g.RunGen, _now + _k.SignalLatency);
    }
}
