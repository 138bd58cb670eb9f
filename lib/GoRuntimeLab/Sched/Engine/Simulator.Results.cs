// Mirrors: the accounting the execution tracer does (per-P and per-G state spans, scheduling latency), Go 1.13–1.23.
// Simplified: spans are recorded only when SchedConfig.RecordTimeline is on; latency samples always.
namespace GoRuntimeLab.Sched.Engine;

internal sealed partial class Simulator
{
    private readonly List<long> _latencies = [];
    private readonly List<PSlice> _pslices = [];
    private readonly List<GSpan> _gspans = [];
    private readonly List<SchedEvent> _sevents = [];
    private long _handoffs;
    private long _preemptAsync;
    private long _preemptCoop;
    private long _spinningTime;
    private long _contextSwitches;
    private int _inSyscall;
    private long _statements;
    private long _records;

    // Every kept record (span, slice, event, schedtrace line) counts against SchedConfig.MaxRecords.
    private void CountRecord() => CountRecords(1);

    internal void CountRecords(long n)
    {
        _records += n;
        if (_records > _c.MaxRecords) throw Budget("SchedConfig.MaxRecords", _c.MaxRecords, "recorded spans, events and schedtrace lines", "turn RecordTimeline (or schedtrace) off or shorten the run");
    }

    private void SetGStatus(SimG g, GStatus status, string? waitReason = null)
    {
        if (g.Status == GStatus.Syscall) _inSyscall--;
        if (status == GStatus.Syscall) _inSyscall++;
        var span = _now - g.StateSince;
        if (g.Status == GStatus.Running) g.RunningTime += span;
        else if (g.Status == GStatus.Runnable) g.RunnableTime += span;
        if (_record && span > 0 && g.Status != GStatus.Idle)
        {
            CountRecord();
            _gspans.Add(new GSpan(g.Id, g.Status, g.WaitReason, g.StateSince, _now));
        }
        g.Status = status;
        g.StateSince = _now;
        if (waitReason is not null) g.WaitReason = waitReason; // like Go, a runnable G keeps its last wait reason
    }

    private void SetAct(SimP p, PActivity act, int g)
    {
        if (_record && _now > p.ActSince && !(p.Act == PActivity.Idle))
        {
            CountRecord();
            _pslices.Add(new PSlice(p.Id, p.Act, p.ActG, p.ActSince, _now));
        }
        // Always start a new slice here, even for the same activity and G (a preempted G rescheduled on its own P): the
        // recorded slice ends now, so keeping the old start would record the same interval twice (overlapping slices).
        p.Act = act;
        p.ActG = g;
        p.ActSince = _now;
    }

    internal void Event(SchedEventKind kind, int p, int g, int other, int count, string detail)
    {
        if (!_record) return;
        CountRecord();
        _sevents.Add(new SchedEvent(_now, kind, p, g, other, count, detail));
    }

    private SchedResult BuildResult()
    {
        foreach (var p in _allp)
        {
            if (p.M is { Spinning: true } m) StopSpinning(m);
            SetAct(p, PActivity.Idle, 0);
        }

        foreach (var g in _allg) if (g.Status != GStatus.Dead) SetGStatus(g, g.Status);
        var goroutines = _allg.Select(g => new GoroutineSummary(
            g.Id, g.Name, g.CreatedAt, g.FinishedAt >= 0 ? g.FinishedAt : null, g.RunningTime, g.RunnableTime, g.Status, g.WaitReason)).ToArray();
        return new SchedResult
        {
            Workload = _w.Name,
            Config = _c,
            Exit = _exit!.Value,
            EndTime = _now,
            Goroutines = goroutines,
            Preemptions = new PreemptionCounts(_preemptAsync, _preemptCoop),
            Steals = _runq.Steals,
            StolenGoroutines = _runq.StolenGoroutines,
            Handoffs = _handoffs,
            SpinningTime = _spinningTime,
            ContextSwitches = _contextSwitches,
            EventCount = _events,
            Latency = LatencyStats.From(_latencies),
            LatencySamples = _latencies.ToArray(),
            Counters = new Dictionary<string, long>(_counters, StringComparer.Ordinal),
            Stdout = _stdout.ToArray(),
            FatalMessage = _fatal,
            SchedTrace = _sysmon.SchedTraceLines.ToArray(),
            PTimeline = _pslices.ToArray(),
            GTimeline = _gspans.ToArray(),
            Events = _sevents.ToArray(),
            Threads = _allm.Count,
        };
    }
}
