// Mirrors: sysmon (20 µs sleep, doubling after 50 idle rounds, capped at 10 ms; the deep sleep on sched.sysmonnote while every P
// is idle, woken by exitsyscall; the 10 ms network poll; schedtrace every GODEBUG=schedtrace ms), retake (forcePreemptNS = 10 ms
// per schedtick; a P in a syscall is retaken unless it has no work, others can find work and the syscall is under 10 ms),
// preemptone (g.preempt + stackguard0 = stackPreempt) and preemptM's SIGURG, handled at an async safe point by doSigPreempt →
// asyncPreempt (Go 1.14+, off with asyncpreemptoff=1) (proc.go, preempt.go, signal_unix.go), Go 1.13–1.23.
// Simplified: no periodic GC trigger or scavenger; system goroutines (forcegc, bgsweep…) are not simulated, so G lists hold
// user Gs only; the signal arrives SchedCosts.SignalLatency after preemptone, and any point in user compute is an async safe point.
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Engine;

/// <summary>
/// The sysmon thread: its sleep/wake state, retake and preemption requests, and the schedtrace it prints. Owns that state
/// (and the <see cref="SchedTraceWriter"/>); handoffp, injectglist and the preemption itself are the core
/// <see cref="Simulator"/>'s. With <see cref="SchedConfig.CheckInvariants"/> its state and the Ps' are checked after each round.
/// </summary>
internal sealed class Sysmon
{
    private const long ForcePreemptNs = 10_000_000; // proc.go forcePreemptNS
    private const long ForceGcPeriodHalf = 60_000_000_000; // forcegcperiod/2 (2 min / 2): sysmon's longest sleep
    private const long MinDelayUs = 20;
    private const long MaxDelayUs = 10_000;

    private readonly Simulator _s;
    private readonly SchedConfig _c;
    private readonly SchedCosts _k;
    private readonly SimP[] _allp;
    private readonly Netpoll _netpoll;
    private readonly SchedTraceWriter _schedtrace;
    private int _epoch;          // sleeps superseded by a wake-up carry an older epoch and are dropped
    private long _delayUs;
    private int _idle;
    private bool _wait;          // sched.sysmonwait: in the deep sleep
    private long _lasttrace = long.MinValue / 2;

    public Sysmon(Simulator s, SchedConfig config, SimP[] allp, Netpoll netpoll)
    {
        _s = s;
        _c = config;
        _k = config.Costs;
        _allp = allp;
        _netpoll = netpoll;
        _schedtrace = new SchedTraceWriter(s, config.Version.AtLeast(GoVersion.Go1_21));
    }

    /// <summary>sched.sysmonwait, as schedtrace prints it.</summary>
    public bool Waiting => _wait;

    public IReadOnlyList<string> SchedTraceLines => _schedtrace.Lines;

    // newm(sysmon): the first sleep is 20 µs.
    public void Start()
    {
        _delayUs = MinDelayUs;
        _s.Post(EventKind.Sysmon, 0, _epoch, _delayUs * 1000);
    }

    // The usleep ended.
    public void Tick(int epoch)
    {
        if (epoch != _epoch) return;

        // Nothing to do while every P is idle: sleep until the next timer (at most forcegcperiod/2) unless schedtrace is on.
        if (_c.SchedTrace <= 0 && _s.IdleProcs == _c.Procs)
        {
            var next = long.MaxValue;
            foreach (var p in _allp) if (p.Timers.TryPeek(out _, out var k)) next = Math.Min(next, k.Time);
            if (next > _s.Now)
            {
                _wait = true;
                _epoch++;
                _s.Post(EventKind.SysmonWake, 0, _epoch, _s.Now + Math.Min(next == long.MaxValue ? ForceGcPeriodHalf : next - _s.Now, ForceGcPeriodHalf));
                return;
            }
        }

        Body();
    }

    // The deep sleep ended: its timeout, or exitsyscall's notewakeup (which resets the delay).
    public void Wake(int epoch, bool syscallWake)
    {
        if (epoch != _epoch) return;
        _wait = false;
        if (syscallWake)
        {
            _idle = 0;
            _delayUs = MinDelayUs;
        }

        Body();
    }

    // exitsyscall0/exitsyscallfast_pidle: notewakeup(&sched.sysmonnote) if sysmon is in its deep sleep.
    public void WakeForSyscall()
    {
        if (!_wait) return;
        _wait = false;
        _epoch++;
        _s.Post(EventKind.SysmonWake, 1, _epoch, _s.Now);
    }

    private void Body()
    {
        // Poll the network if nobody has for 10 ms.
        if (_netpoll.SysmonPoll() is { } list) _s.InjectGList(list, null);

        if (Retake() != 0) _idle = 0;
        else _idle++;

        if (_c.SchedTrace > 0 && _lasttrace + _c.SchedTrace <= _s.Now)
        {
            _lasttrace = _s.Now;
            _schedtrace.Write(_c.SchedDetail);
        }

        if (_idle == 0) _delayUs = MinDelayUs; // start with 20 µs…
        else if (_idle > 50) _delayUs *= 2; // …start doubling after ~1 ms idle…
        if (_delayUs > MaxDelayUs) _delayUs = MaxDelayUs; // …up to 10 ms
        _epoch++;
        Check();
        // usleep(delay): the thread wakes up to the timer slack late (Linux rounds sleeps up by it).
        _s.Post(EventKind.Sysmon, 0, _epoch, _s.Now + _delayUs * 1000 + _k.TimerSlack);
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
                    p.SysmonSchedwhen = _s.Now;
                }
                else if (p.SysmonSchedwhen + ForcePreemptNs <= _s.Now)
                {
                    PreemptOne(p);
                    sysretake = true;
                }
            }

            if (s != PStatus.Syscall) continue;
            if (!sysretake && p.SysmonSyscalltick != p.Syscalltick)
            {
                p.SysmonSyscalltick = p.Syscalltick;
                p.SysmonSyscallwhen = _s.Now;
                continue;
            }

            // Leave the P in the syscall if it has no work, someone else can find work, and the syscall is younger than 10 ms.
            if (p.RunqEmpty && _s.Nmspinning + _s.IdleProcs > 0 && p.SysmonSyscallwhen + 10_000_000 > _s.Now) continue;
            p.Status = PStatus.Idle;
            n++;
            p.Syscalltick++;
            var g = p.SyscallG?.Id ?? -1;
            p.SyscallG = null;
            _s.HandOffSyscallP(p, SchedEventKind.SyscallRetake, g, "retake");
        }

        return n;
    }

    private void PreemptOne(SimP p)
    {
        var m = p.M;
        var g = m?.Curg;
        if (g is null || g.Status != GStatus.Running) return;
        g.Preempt = true; // + stackguard0 = stackPreempt: the next function prologue calls morestack → gopreempt_m
        _s.Event(SchedEventKind.PreemptRequest, p.Id, g.Id, -1, 0, "");
        if (g.StepRemaining > 0 && g.ComputeCalls && g.SliceStart <= _s.Now)
        {
            var elapsed = _s.Now - g.SliceStart;
            var toCall = _k.CallInterval - (elapsed % _k.CallInterval);
            if (toCall < g.StepRemaining - elapsed)
            {
                p.Epoch++;
                _s.Post(EventKind.PRun, p.Id, p.Epoch, _s.Now + toCall);
            }
        }

        // preemptM: SIGURG, unless asyncpreemptoff=1 or before Go 1.14.
        if (_c.AsyncPreemptionActive) _s.Post(EventKind.Signal, g.Id, g.RunGen, _s.Now + _k.SignalLatency);
    }

    // doSigPreempt → asyncPreempt: the signal found the G still running user code at an async safe point.
    public void Signal(SimG g, int gen)
    {
        if (_s.Exited || g.Status != GStatus.Running || g.RunGen != gen || !g.Preempt) return;
        var p = g.P!;
        if (g.StepRemaining <= 0 || g.SliceStart > _s.Now) return; // in the runtime or still switching: not an async safe point
        g.StepRemaining = Math.Max(0, g.StepRemaining - (_s.Now - g.SliceStart));
        g.SliceStart = _s.Now;
        _s.Preempt(p, g, async: true);
    }

    // The sleep stays within 20 µs..10 ms; a P in a syscall has no M (only m.oldp) and its G; a running P has an M.
    private void Check()
    {
        if (!_c.CheckInvariants) return;
        if (_delayUs is < MinDelayUs or > MaxDelayUs) throw new SchedInvariantException(Invariant($"sysmon: delay {_delayUs} µs"));
        foreach (var p in _allp)
        {
            if (p.Status == PStatus.Syscall && (p.SyscallG is null || p.M is not null)) throw new SchedInvariantException(Invariant($"P{p.Id} in a syscall with G {p.SyscallG?.Id} and M {p.M?.Id}"));
            if (p.Status == PStatus.Running && p.M is null) throw new SchedInvariantException(Invariant($"P{p.Id} running without an M"));
        }
    }
}
