// Mirrors: sync.Mutex Lock/lockSlow/Unlock/unlockSlow (mutexLocked, mutexWoken, mutexStarving, starvationThresholdNs = 1 ms;
// sync/mutex.go) and sync.WaitGroup Add/Wait (sync/waitgroup.go) over the runtime semaphore: semacquire queues FIFO, or LIFO
// for a woken waiter that lost the race; semrelease with handoff gives the lock to the first waiter and goyields (runtime/sema.go),
// Go 1.13–1.23.
// Simplified: no active spinning in lockSlow; each named Mutex/WaitGroup has its own queue (no semaphore address hashing).
using GoRuntimeLab.Sched.Steps;
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Engine;

/// <summary>The workload's Mutexes and WaitGroups and their semaphore queues; parks, readies and panics go through the core <see cref="Simulator"/>.</summary>
internal sealed class Sema(Simulator s, SchedConfig config)
{
    private const long StarvationThresholdNs = 1_000_000; // sync/mutex.go starvationThresholdNs

    private readonly Simulator _s = s;
    private readonly bool _checkInvariants = config.CheckInvariants;
    // Go 1.20 gave sync.Mutex its own wait reason (waitReasonSyncMutexLock); before, a blocked Lock showed "semacquire".
    private readonly string _mutexWaitReason = config.Version.AtLeast(new GoVersion(1, 20)) ? "sync.Mutex.Lock" : "semacquire";
    private readonly Dictionary<string, SimWaitGroup> _wgs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimMutex> _mutexes = new(StringComparer.Ordinal);

    private SimWaitGroup WaitGroup(string name)
    {
        if (!_wgs.TryGetValue(name, out var wg)) _wgs[name] = wg = new SimWaitGroup();
        return wg;
    }

    private SimMutex Mutex(string name)
    {
        if (!_mutexes.TryGetValue(name, out var mu)) _mutexes[name] = mu = new SimMutex();
        return mu;
    }

    // WaitGroup.Add. Returns false when the counter went negative (the G panicked).
    internal bool WaitGroupAdd(SimP p, SimG g, WaitGroupAddStep step)
    {
        var wg = WaitGroup(step.WaitGroup);
        wg.Counter += step.Delta;
        if (wg.Counter < 0)
        {
            _s.Panic(g, "sync: negative WaitGroup counter");
            return false;
        }

        if (wg.Counter == 0 && wg.Waiters.Count > 0)
        {
            // Add: one runtime_Semrelease per waiter; the semaphore queue is FIFO, each goready takes runnext.
            var waiters = wg.Waiters.ToArray();
            wg.Waiters.Clear();
            foreach (var w in waiters) _s.Ready(w, p);
        }

        CheckWaitGroup(step.WaitGroup, wg);
        return true;
    }

    // WaitGroup.Wait: returns at once when the counter is zero, else runtime_Semacquire parks the G. Returns true when the G keeps running.
    internal bool WaitGroupWait(SimP p, SimG g, string name)
    {
        var wg = WaitGroup(name);
        if (wg.Counter == 0) return true;
        wg.Waiters.Add(g);
        _s.Park(p, g, "semacquire");
        CheckWaitGroup(name, wg);
        return false;
    }

    // Mutex.Lock (retry: the woken waiter runs lockSlow's loop again). Returns true when the G holds the lock and keeps running.
    internal bool MutexLock(SimP p, SimG g, string name, bool retry)
    {
        var mu = Mutex(name);
        // lockSlow: the woken waiter clears mutexWoken whether it gets the lock or queues again.
        if (retry) mu.Woken = false;
        if (!mu.Locked)
        {
            mu.Locked = true;
            g.Advance();
            // lockSlow: leave starvation mode when we were the last waiter or did not wait long.
            if (mu.Starving && (mu.Waiters.Count == 0 || _s.Now - g.WaitSince < StarvationThresholdNs)) mu.Starving = false;
            CheckMutex(name, mu);
            return true;
        }

        if (!retry) g.WaitSince = _s.Now;
        // A woken waiter that lost the race queues at the front (semacquire lifo) and may switch the mutex to starvation.
        if (retry)
        {
            mu.Waiters.AddFirst(g);
            if (_s.Now - g.WaitSince > StarvationThresholdNs) mu.Starving = true;
        }
        else
        {
            mu.Waiters.AddLast(g);
        }

        g.Resume = Resume.LockRetry;
        _s.Park(p, g, _mutexWaitReason);
        CheckMutex(name, mu);
        return false;
    }

    // Mutex.Unlock. Returns true when the G keeps running; false when it yielded its P (starvation handoff) or hit a fatal error.
    internal bool MutexUnlock(SimP p, SimG g, string name)
    {
        var mu = Mutex(name);
        if (!mu.Locked)
        {
            _s.Fatal(g, "sync: unlock of unlocked mutex");
            return false;
        }

        if (mu.Waiters.Count == 0)
        {
            mu.Locked = false;
            CheckMutex(name, mu);
            return true;
        }

        if (!mu.Starving)
        {
            // unlockSlow, normal mode: release the lock; wake one waiter unless one is already woken (it will retry).
            mu.Locked = false;
            if (mu.Woken)
            {
                CheckMutex(name, mu);
                return true;
            }

            var woken = mu.Waiters.First!.Value;
            mu.Waiters.RemoveFirst();
            mu.Woken = true;
            _s.Ready(woken, p);
            CheckMutex(name, mu);
            return true;
        }

        // Starvation mode: ownership goes straight to the first waiter (runtime_Semrelease(handoff=true)), and the
        // unlocker yields its P to it (sema.go: goyield — to the tail of this P's local queue, not the global one).
        var w = mu.Waiters.First!.Value;
        mu.Waiters.RemoveFirst();
        w.Resume = Resume.None;
        w.Advance();
        if (mu.Waiters.Count == 0 || _s.Now - w.WaitSince < StarvationThresholdNs) mu.Starving = false;
        _s.Ready(w, p);
        CheckMutex(name, mu);
        _s.GoYield(p, g);
        return false;
    }

    // The state bits and the queue agree: starvation mode only while locked with waiters (ownership is handed off, never
    // dropped), mutexWoken only in normal mode, and every queued G is parked in Lock, once.
    private void CheckMutex(string name, SimMutex mu)
    {
        if (!_checkInvariants) return;
        if (mu.Starving && (!mu.Locked || mu.Waiters.Count == 0)) throw new SchedInvariantException(Invariant($"mutex {name}: starving but locked={mu.Locked} with {mu.Waiters.Count} waiter(s)"));
        if (mu.Woken && mu.Starving) throw new SchedInvariantException($"mutex {name}: mutexWoken set in starvation mode");
        var seen = new HashSet<SimG>();
        foreach (var w in mu.Waiters)
        {
            if (!seen.Add(w)) throw new SchedInvariantException(Invariant($"mutex {name}: G{w.Id} queued twice"));
            if (w.Resume != Resume.LockRetry) throw new SchedInvariantException(Invariant($"mutex {name}: queued G{w.Id} is not waiting to retry Lock ({w.Resume})"));
        }
    }

    // The counter is never negative (Add panics first) and nobody waits once it is zero (Add released them all).
    private void CheckWaitGroup(string name, SimWaitGroup wg)
    {
        if (!_checkInvariants) return;
        if (wg.Counter < 0) throw new SchedInvariantException(Invariant($"WaitGroup {name}: counter {wg.Counter}"));
        if (wg.Counter == 0 && wg.Waiters.Count > 0) throw new SchedInvariantException(Invariant($"WaitGroup {name}: {wg.Waiters.Count} waiter(s) at counter 0"));
        foreach (var w in wg.Waiters)
            if (w.Status != GStatus.Waiting) throw new SchedInvariantException(Invariant($"WaitGroup {name}: waiter G{w.Id} is {w.Status}"));
    }
}
