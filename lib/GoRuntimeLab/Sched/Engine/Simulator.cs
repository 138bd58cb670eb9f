// Mirrors: the Go scheduler as a whole: schedinit/procresize (P0 to M0, other Ps idle), mstart → schedule, sysmon on its own M (proc.go), Go 1.13–1.23.
// Simplified: one discrete-event queue ordered by (time, sequence); an M's work between events is instantaneous plus modelled costs.
// The core keeps the event loop, schedule()/execute() (Simulator.Sched) and what a G runs (Simulator.Exec); the parts with their own
// state are RunQueues, Channels, Sema (sync.Mutex/WaitGroup), Netpoll and Sysmon; timers and syscalls are Simulator.Time/.Syscall.
using GoRuntimeLab.Sched.Steps;
using GoRuntimeLab.Sched.Workloads;
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Engine;

/// <summary>One run of a workload. Not thread-safe; use <c>Scheduler.Run</c>.</summary>
internal sealed partial class Simulator
{
    private readonly Workload _w;
    private readonly SchedConfig _c;
    private readonly SchedCosts _k;
    private readonly bool _v121;
    private readonly bool _v122;
    private readonly bool _record;
    private readonly PriorityQueue<SimEvent, EventKey> _q = new();
    private readonly SimP[] _allp;
    private readonly List<SimM> _allm = [];
    private readonly List<SimG> _allg = [];
    private readonly Stack<SimP> _pidle = new();
    private readonly Stack<SimM> _midle = new();
    private readonly RunQueues _runq;
    private readonly CheapRand _seedSource;
    private readonly Channels _chan;
    private readonly Sema _sema;
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly List<OutputLine> _stdout = [];
    private readonly Netpoll _netpoll;
    private readonly Sysmon _sysmon;

    private long _now;
    private long _seq;
    private long _events;
    private int _nmspinning;
    private bool _needspinning;
    private int _pendingMStarts;
    private int _schedGFree;    // sched.gFree.n: dead Gs on the global free list
    private SchedExit? _exit;
    private string _fatal = "";

    public Simulator(Workload workload, SchedConfig config)
    {
        _w = workload;
        _c = config;
        _k = config.Costs;
        _v121 = config.Version.AtLeast(GoVersion.Go1_21);
        _v122 = config.Version.AtLeast(GoVersion.Go1_22);
        _record = config.RecordTimeline;
        _seedSource = new CheapRand(config.Seed);
        _allp = new SimP[config.Procs];
        for (var i = 0; i < _allp.Length; i++) _allp[i] = new SimP(i);
        _runq = new RunQueues(this, _allp, config.CheckInvariants);
        _chan = new Channels(this, workload, config.CheckInvariants);
        _sema = new Sema(this, config);
        _netpoll = new Netpoll(this, config.CheckInvariants);
        _sysmon = new Sysmon(this, config, _allp, _netpoll);
    }

    public SchedResult Run()
    {
        // schedinit/procresize: M0 owns P0; the other Ps go on the idle list from the highest id down, so P1 is on top.
        var m0 = NewM();
        var sysmonM = NewM();
        sysmonM.IsSysmon = true;
        for (var i = _allp.Length - 1; i >= 1; i--) PidlePut(_allp[i]);
        var p0 = _allp[0];
        Acquire(m0, p0);
        var main = NewG("main", null, "", _w.Main);
        _runq.Put(p0, main, next: true);
        // runtime.main starts the runtime's own goroutines (forcegc, bgsweep, bgscavenge, finalizers) on P0 before
        // main.main, so P0's schedtick is already 4 when user code runs (GODEBUG=scheddetail=1 shows
        // "P0: … schedtick=4" at the first sample in Go 1.19.8 and 1.23.5). Starting from 0 would make the first
        // preemption's schedtick%61 fairness check take main straight back from the global queue.
        p0.Schedtick = 4;
        _sysmon.Start();
        Schedule(p0);

        while (_exit is null && _q.TryDequeue(out var ev, out var key))
        {
            if (key.Time > _c.MaxTime)
            {
                _now = _c.MaxTime;
                _exit = SchedExit.TimeLimit;
                break;
            }

            _now = key.Time;
            if (++_events > _c.MaxEvents) throw Budget("SchedConfig.MaxEvents", _c.MaxEvents, "scheduler events");
            Dispatch(ev);
        }

        _exit ??= SchedExit.TimeLimit;
        return BuildResult();
    }

    private void Dispatch(SimEvent ev)
    {
        switch (ev.Kind)
        {
            case EventKind.PRun:
            {
                var p = _allp[ev.A];
                if (p.Epoch == ev.B && p.Cur is { } g) Continue(p, g);
                break;
            }
            case EventKind.SpinDone:
            {
                var p = _allp[ev.A];
                if (p.Epoch == ev.B && p.M is { } m) SpinDone(p, m);
                break;
            }
            case EventKind.MStart:
                _pendingMStarts--;
                MStart(_allp[ev.A], _allm[ev.B]);
                break;
            case EventKind.TimerFire:
                TimerFire(_allp[ev.A]);
                break;
            case EventKind.SyscallDone:
                ExitSyscall(_allg[ev.A - 1]);
                break;
            case EventKind.NetReady:
                _netpoll.Ready(_allg[ev.A - 1]);
                break;
            case EventKind.Sysmon:
                _sysmon.Tick(ev.B);
                break;
            case EventKind.SysmonWake:
                _sysmon.Wake(ev.B, ev.A == 1);
                break;
            case EventKind.Signal:
                _sysmon.Signal(_allg[ev.A - 1], ev.B);
                break;
        }
    }

    internal void Post(EventKind kind, int a, int b, long at) => _q.Enqueue(new SimEvent(kind, a, b), new EventKey(at, _seq++));

    private SimM NewM()
    {
        var m = new SimM(_allm.Count, ((ulong)_seedSource.Next() << 32) | _seedSource.Next());
        _allm.Add(m);
        return m;
    }

    private SimG NewG(string name, SimG? creator, string createdAt, IReadOnlyList<WorkloadStep> body)
    {
        if (_allg.Count >= _c.MaxGoroutines) throw Budget("SchedConfig.MaxGoroutines", _c.MaxGoroutines, "goroutines", "start fewer goroutines or shorten the run");
        var g = new SimG(_allg.Count + 1, name, creator, createdAt) { CreatedAt = _now, StateSince = _now };
        g.Push(body, 1, null);
        _allg.Add(g);
        SetGStatus(g, GStatus.Runnable);
        return g;
    }

    internal bool Exited => _exit is not null;

    // Read-only views for SchedTraceWriter and Sysmon.
    internal long Now => _now;
    internal SimP[] AllP => _allp;
    internal List<SimM> AllM => _allm;
    internal List<SimG> AllG => _allg;
    internal int IdleProcs => _pidle.Count;
    internal int IdleThreads => _midle.Count;
    internal int GlobalRunqSize => _runq.GlobalSize;
    internal int Nmspinning => _nmspinning;
    internal bool NeedSpinning => _needspinning;
    internal bool SysmonWait => _sysmon.Waiting;

    // A run that needs more than one of SchedConfig's budgets stops here rather than running or growing without bound.
    private SimulationBudgetException Budget(string parameter, long budget, string what, string? remedy = null) =>
        SimulationBudgetException.Exceeded(parameter, budget, what,
            Invariant($"{remedy ?? "shorten the run"} (SchedConfig.MaxTime is {GoDuration.Format(_c.MaxTime)}), or raise the budget with SchedConfig.With{parameter["SchedConfig.".Length..]}"));

    internal void Count(string counter, long amount) =>
        _counters[counter] = _counters.TryGetValue(counter, out var v) ? v + amount : amount;
}
