// Mirrors: the network poller's state: goroutines parked in netpollblock ("IO wait"), the ready list a poll returns
// (netpoll.go), sched.lastpoll and the one M blocked in findRunnable's blocking netpoll, which netpollBreak/a ready descriptor
// wakes; sysmon's poll when nobody has polled for 10 ms (proc.go), Go 1.13–1.23.
// Simplified: a descriptor becomes ready at a fixed time (an event), not through epoll; sched.lastpoll is only ever "now" or the
// start value, never 0 (the blocked poller is the M itself).
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Engine;

/// <summary>
/// Owns the goroutines waiting on the network, the ready list, sched.lastpoll and the M blocked in netpoll; injecting
/// the ready goroutines (injectglist) and the idle Ms are the core <see cref="Simulator"/>'s. With
/// <see cref="SchedConfig.CheckInvariants"/> the state is checked after each change.
/// </summary>
internal sealed class Netpoll(Simulator s, bool checkInvariants)
{
    private const long SysmonPollPeriod = 10_000_000; // sysmon: "poll network if not polled for more than 10ms"

    private readonly Simulator _s = s;
    private readonly bool _checkInvariants = checkInvariants;
    private readonly List<SimG> _ready = [];
    private int _pending;       // goroutines parked on the network, ready or not (netpollWaiters)
    private long _lastpoll = 1; // sched.lastpoll
    private SimM? _pollerM;     // the M blocked in netpoll, if any

    /// <summary>Goroutines parked on the network whose descriptor is not yet polled.</summary>
    public int Pending => _pending;

    /// <summary>Descriptors are ready but nobody has polled them yet.</summary>
    public bool HasReady => _ready.Count > 0;

    /// <summary>An M is blocked in netpoll (sched.lastpoll == 0 in Go).</summary>
    public bool PollerBlocked => _pollerM is not null;

    // A G parks on a descriptor (netpollblock, waitReasonIOWait); it becomes ready after the given time.
    public void Wait(SimG g, long nanoseconds)
    {
        _pending++;
        _s.Post(EventKind.NetReady, g.Id, 0, _s.Now + nanoseconds);
        Check();
    }

    // The descriptor is ready. The M blocked in netpoll returns with the ready list: with no idle P it injects the Gs into
    // the global queue (injectglist), where busy Ps find them, and parks; with idle Ps it also starts Ms for them.
    public void Ready(SimG g)
    {
        _ready.Add(g);
        Check();
        if (PollerBlocked || _s.IdleProcs > 0)
        {
            ReleasePoller();
            _s.InjectGList(TakeReady(), null);
        }
    }

    // The poller M's blocking netpoll returned: it goes back to the idle Ms (mput), and the next M to park polls instead.
    public void ReleasePoller()
    {
        if (_pollerM is { } m) _s.MPut(m);
        _pollerM = null;
        Check();
    }

    // findRunnable's blocking netpoll: the last M to park while something waits blocks here, off the idle M list.
    public void Block(SimM m)
    {
        _pollerM = m;
        Check();
    }

    // findRunnable's non-blocking netpoll(0).
    public SimG[] Poll()
    {
        var list = TakeReady();
        _lastpoll = _s.Now;
        return list;
    }

    // sysmon: poll when nobody has for 10 ms; null when it did not poll or found nothing.
    public SimG[]? SysmonPoll()
    {
        if (_lastpoll == 0 || _lastpoll + SysmonPollPeriod >= _s.Now) return null;
        _lastpoll = _s.Now;
        return _ready.Count > 0 ? TakeReady() : null;
    }

    private SimG[] TakeReady()
    {
        var list = _ready.ToArray();
        _ready.Clear();
        _pending -= list.Length;
        Check();
        return list;
    }

    // Every ready G is one of the waiting ones, still parked in IO wait; the blocked poller M has no P.
    private void Check()
    {
        if (!_checkInvariants) return;
        if (_ready.Count > _pending) throw new SchedInvariantException(Invariant($"netpoll: {_ready.Count} ready of {_pending} waiting"));
        foreach (var g in _ready)
            if (g.Status != GStatus.Waiting) throw new SchedInvariantException(Invariant($"netpoll: ready G{g.Id} is {g.Status}"));
        if (_pollerM is { } m && (!m.Blocked || m.P is not null)) throw new SchedInvariantException(Invariant($"netpoll: poller M{m.Id} is not blocked without a P"));
    }
}
