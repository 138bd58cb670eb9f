// Mirrors: the run queues: runqput (runnext kicks the old runnext to the ring's tail), runqputslow (a full ring moves half of
// itself plus g to the global queue), runqget, globrunqput/globrunqget (n = min(size, size/GOMAXPROCS + 1, max, 128)), and
// findRunnable's stealWork (stealTries = 4 passes in randomized order, timers and runnext only on the last) with
// runqsteal/runqgrab (half, rounded up) (proc.go), Go 1.13–1.23.
// Simplified: the rings are plain arrays (one thread, no atomics); runqgrab's usleep(3) before taking a running P's runnext
// is a 3 µs cost on the thief.
using static System.FormattableString;

namespace GoRuntimeLab.Sched.Engine;

/// <summary>
/// The global run queue and the per-P rings (runq/runqhead/runqtail/runnext in <see cref="SimP"/>), and work stealing
/// between them. Owns the global queue and the steal counters; timers found while stealing are run by the core
/// <see cref="Simulator"/>. With <see cref="SchedConfig.CheckInvariants"/> every P ring is checked after each change.
/// </summary>
internal sealed class RunQueues(Simulator s, SimP[] allp, bool checkInvariants)
{
    private const int StealTries = 4; // proc.go stealWork

    private readonly Simulator _s = s;
    private readonly SimP[] _allp = allp;
    private readonly bool _checkInvariants = checkInvariants;
    private readonly Queue<SimG> _globq = new();
    private readonly StealOrder _stealOrder = new((uint)allp.Length);

    /// <summary>sched.runqsize.</summary>
    public int GlobalSize => _globq.Count;

    /// <summary>Successful steals, and the goroutines they moved.</summary>
    public long Steals { get; private set; }

    public long StolenGoroutines { get; private set; }

    // runqput: next = true puts g in runnext (newproc, goready); the G it displaces goes to the tail of the ring.
    public void Put(SimP p, SimG g, bool next)
    {
        if (next)
        {
            var old = p.Runnext;
            p.Runnext = g;
            if (old is null)
            {
                CheckP(p);
                return;
            }

            g = old; // kick the old runnext to the tail of the ring
        }

        if (p.Tail - p.Head < SimP.RunqLength)
        {
            p.Runq[p.Tail % SimP.RunqLength] = g;
            p.Tail++;
            CheckP(p);
            return;
        }

        PutSlow(p, g);
    }

    // runqputslow: the ring is full; move half of it plus g to the global queue in one batch.
    private void PutSlow(SimP p, SimG g)
    {
        const int n = SimP.RunqLength / 2;
        for (var i = 0; i < n; i++)
        {
            var x = p.Runq[(p.Head + (uint)i) % SimP.RunqLength]!;
            p.Runq[(p.Head + (uint)i) % SimP.RunqLength] = null;
            _globq.Enqueue(x);
        }

        p.Head += n;
        _globq.Enqueue(g);
        CheckP(p);
        _s.Event(SchedEventKind.RunqOverflow, p.Id, g.Id, -1, n + 1, "runqputslow");
    }

    // runqget: runnext first (inheriting the time slice), then the ring's head.
    public SimG? Get(SimP p, out bool inheritTime)
    {
        if (p.Runnext is { } next)
        {
            p.Runnext = null;
            inheritTime = true;
            CheckP(p);
            return next;
        }

        inheritTime = false;
        if (p.Head == p.Tail) return null;
        var g = p.Runq[p.Head % SimP.RunqLength];
        p.Runq[p.Head % SimP.RunqLength] = null;
        p.Head++;
        CheckP(p);
        return g;
    }

    // globrunqput: to the tail of the global queue (Gosched, preemption, exitsyscall0, injectglist).
    public void GlobPut(SimG g)
    {
        if (_checkInvariants && g.Status != GStatus.Runnable) throw new SchedInvariantException(Invariant($"globrunqput: G{g.Id} is {g.Status}"));
        _globq.Enqueue(g);
    }

    // globrunqget: n = min(runqsize, runqsize/GOMAXPROCS + 1, max, len(runq)/2); run one, queue the rest locally.
    public SimG? GlobGet(SimP p, int max)
    {
        var size = _globq.Count;
        if (size == 0) return null;
        var n = size / _allp.Length + 1;
        if (n > size) n = size;
        if (max > 0 && n > max) n = max;
        if (n > SimP.RunqLength / 2) n = SimP.RunqLength / 2;
        var g = _globq.Dequeue();
        for (n--; n > 0; n--) Put(p, _globq.Dequeue(), false);
        return g;
    }

    // stealWork: up to four passes over the other Ps in a random order; probes counts the run queues looked at.
    public SimG? StealWork(SimP p, SimM m, out int probes, ref long cost)
    {
        probes = 0;
        for (var i = 0; i < StealTries; i++)
        {
            // Timers and runnext are only taken on the last pass: a running P is about to run its own runnext.
            var last = i == StealTries - 1;
            for (var e = _stealOrder.Start(m.Rand.Next()); !e.Done; e.Next())
            {
                var p2 = _allp[e.Position];
                if (p2 == p) continue;
                if (last && p2.Timers.Count > 0 && _s.RunTimers(p2, p))
                {
                    var tg = Get(p, out _);
                    if (tg is not null) return tg;
                }

                if (p2.InIdleList) continue; // idlepMask: idle Ps have nothing
                probes++;
                var g = Steal(p, p2, last, ref cost);
                if (g is not null) return g;
            }
        }

        return null;
    }

    // runqsteal/runqgrab: take half (rounded up) of p2's ring; run the last one taken, queue the others on p.
    private SimG? Steal(SimP p, SimP p2, bool stealRunNext, ref long cost)
    {
        var size = p2.RunqSize;
        var n = size - size / 2;
        if (n == 0)
        {
            if (stealRunNext && p2.Runnext is { } next)
            {
                // The victim is running: sleep 3 µs so it can schedule its runnext itself before we take it.
                if (p2.Status == PStatus.Running) cost += 3_000;
                p2.Runnext = null;
                CheckP(p2);
                Steals++;
                StolenGoroutines++;
                _s.Event(SchedEventKind.Steal, p.Id, next.Id, p2.Id, 1, "runnext");
                return next;
            }

            return null;
        }

        SimG? lastG = null;
        for (var i = 0; i < n; i++)
        {
            var idx = (p2.Head + (uint)i) % SimP.RunqLength;
            var g = p2.Runq[idx]!;
            p2.Runq[idx] = null;
            if (i == n - 1) lastG = g;
            else Put(p, g, false);
        }

        p2.Head += (uint)n;
        CheckP(p2);
        Steals++;
        StolenGoroutines += n;
        _s.Event(SchedEventKind.Steal, p.Id, lastG!.Id, p2.Id, n, Invariant($"of {size}"));
        return lastG;
    }

    // The ring holds 0..256 runnable Gs in [head, tail) and nothing outside it; runnext is runnable and not also in the ring.
    private void CheckP(SimP p)
    {
        if (!_checkInvariants) return;
        var size = p.Tail - p.Head;
        if (size > SimP.RunqLength) throw new SchedInvariantException(Invariant($"P{p.Id}: run queue head {p.Head} tail {p.Tail}"));
        for (uint i = 0; i < SimP.RunqLength; i++)
        {
            var g = p.Runq[(p.Head + i) % SimP.RunqLength];
            if (i < size)
            {
                if (g is null) throw new SchedInvariantException(Invariant($"P{p.Id}: empty slot {i} inside the run queue"));
                if (g.Status != GStatus.Runnable) throw new SchedInvariantException(Invariant($"P{p.Id}: queued G{g.Id} is {g.Status}"));
                if (g == p.Runnext) throw new SchedInvariantException(Invariant($"P{p.Id}: G{g.Id} is both runnext and in the ring"));
            }
            else if (g is not null)
            {
                throw new SchedInvariantException(Invariant($"P{p.Id}: G{g.Id} left in a slot outside the run queue"));
            }
        }

        if (p.Runnext is { Status: not GStatus.Runnable } n) throw new SchedInvariantException(Invariant($"P{p.Id}: runnext G{n.Id} is {n.Status}"));
    }
}
