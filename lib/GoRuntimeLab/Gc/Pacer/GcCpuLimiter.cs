// Mirrors: runtime/mgclimit.go (gcCPULimiterState: limiting, startGCTransition, finishGCTransition, needUpdate,
// addAssistTime, addIdleTime, update, updateLocked, accumulate, tryLock/unlock, resetCapacity), Go 1.19–1.23.
// Simplified: the per-P limiterEvent stamps are not read (as in Go's test copy, test=true): callers report assist and
// idle time through AddAssistTime/AddIdleTime; memstats.numgc is the settable NumGc.
using System.Globalization;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// Go's GC CPU limiter: a leaky bucket of CPU time with capacity 1 CPU-second per P that fills with GC CPU time and
/// drains with mutator time. When full, <see cref="Limiting"/> is true and the runtime skips mark assists, which
/// caps GC CPU use at about 50 % over the bucket's window.
/// </summary>
public sealed class GcCpuLimiter
{
    private bool _locked;
    private long _assistTimePool;
    private long _idleTimePool;

    /// <summary>NewGCCPULimiter: an empty bucket sized for <paramref name="procs"/> at time <paramref name="now"/> (ns).</summary>
    public GcCpuLimiter(long now, int procs)
    {
        ResetCapacity(now, procs);
    }

    /// <summary>enabled: the bucket is full, so assists are off.</summary>
    public bool Limiting { get; private set; }

    /// <summary>bucket.fill: GC CPU-ns in the bucket.</summary>
    public ulong Fill { get; private set; }

    /// <summary>bucket.capacity: nprocs × 1e9 CPU-ns.</summary>
    public ulong Capacity { get; private set; }

    /// <summary>overflow: GC CPU-ns that did not fit (the limiter's "would have used" total).</summary>
    public ulong Overflow { get; private set; }

    /// <summary>gcEnabled: a GC cycle's mark phase is running (background workers count as 25 % GC time).</summary>
    public bool GcEnabled { get; private set; }

    /// <summary>transitioning: between StartGCTransition and FinishGCTransition (a STW).</summary>
    public bool Transitioning { get; private set; }

    /// <summary>lastUpdate: time of the last update (ns).</summary>
    public long LastUpdate { get; private set; }

    /// <summary>lastEnabledCycle: NumGc + 1 when the limiter last turned on (/gc/limiter/last-enabled:gc-cycle).</summary>
    public uint LastEnabledCycle { get; private set; }

    /// <summary>nprocs: GOMAXPROCS the capacity was sized for.</summary>
    public int Procs { get; private set; }

    /// <summary>memstats.numgc: completed GC cycles, set by the caller (used for <see cref="LastEnabledCycle"/>).</summary>
    public uint NumGc { get; set; }

    /// <summary>
    /// startGCTransition: flush the time so far under the old state, then switch GC on/off. Go throws if the state
    /// does not change or the limiter is busy.
    /// </summary>
    public void StartGCTransition(bool enableGC, long now)
    {
        if (!TryLock()) throw new InvalidOperationException("runtime: failed to acquire lock to start a GC transition");
        if (GcEnabled == enableGC)
        {
            Unlock(); // Go throws (fatal) holding the lock; release it so the model stays usable after the exception.
            throw new InvalidOperationException("runtime: transitioning GC to the same state as before?");
        }
        UpdateLocked(now);
        GcEnabled = enableGC;
        Transitioning = true;
    }

    /// <summary>finishGCTransition: the stop-the-world time since the start counts entirely as GC time.</summary>
    public void FinishGCTransition(long now)
    {
        if (!Transitioning) throw new InvalidOperationException("runtime: finishGCTransition called without starting one?");
        // All Ps were stopped for the GC: (now - lastUpdate) × nprocs of pure GC time.
        if (now >= LastUpdate) Accumulate(0, (now - LastUpdate) * Procs);
        LastUpdate = now;
        Transitioning = false;
        Unlock();
    }

    /// <summary>needUpdate: more than 10 ms since the last update.</summary>
    public bool NeedUpdate(long now) => now - LastUpdate > PacerConstants.GcCpuLimiterUpdatePeriod;

    /// <summary>addAssistTime: mark-assist (or scavenge-assist) CPU-ns to be counted at the next update.</summary>
    public void AddAssistTime(long t) => _assistTimePool += t;

    /// <summary>addIdleTime: idle CPU-ns (idle Ps, idle mark workers) excluded from the window at the next update.</summary>
    public void AddIdleTime(long t) => _idleTimePool += t;

    /// <summary>update: accumulate the time since the last update, unless another update holds the lock.</summary>
    public void Update(long now)
    {
        if (!TryLock()) return;
        if (Transitioning) throw new InvalidOperationException("runtime: update during transition");
        UpdateLocked(now);
        Unlock();
    }

    private void UpdateLocked(long now)
    {
        var lastUpdate = LastUpdate;
        if (now < lastUpdate) return; // Time went backwards (racing updates in Go): ignore.
        var windowTotalTime = (now - lastUpdate) * Procs;
        LastUpdate = now;

        var assistTime = _assistTimePool;
        _assistTimePool = 0;
        var idleTime = _idleTimePool;
        _idleTimePool = 0;

        // GC time = assists plus, while the mark phase runs, the 25 % of background workers.
        var windowGcTime = assistTime;
        if (GcEnabled) windowGcTime += GoConvert.ToInt64(windowTotalTime * PacerConstants.GcBackgroundUtilization);

        // Idle time is neither GC nor mutator time.
        windowTotalTime -= idleTime;

        Accumulate(windowTotalTime - windowGcTime, windowGcTime);
    }

    /// <summary>
    /// accumulate: add gcTime - mutatorTime to the bucket. Past capacity the excess goes to <see cref="Overflow"/>
    /// and the limiter turns on; any movement below capacity turns it off; the fill never drops below 0.
    /// </summary>
    public void Accumulate(long mutatorTime, long gcTime)
    {
        var headroom = Capacity - Fill;
        var enabled = headroom == 0;

        var change = gcTime - mutatorTime;

        if (change > 0 && headroom <= (ulong)change)
        {
            Overflow += (ulong)change - headroom;
            Fill = Capacity;
            if (!enabled)
            {
                Limiting = true;
                LastEnabledCycle = NumGc + 1;
            }

            return;
        }

        // Go writes fill -= uint64(-change) for both signs: for change > 0 that wraps to fill + change.
        if (change < 0 && Fill <= unchecked((ulong)(-change))) Fill = 0;
        else Fill = unchecked(Fill - (ulong)(-change));

        // Any change while full means we are below capacity now (or were exactly at 50 %: change == 0 stays on).
        if (change != 0 && enabled) Limiting = false;
    }

    /// <summary>
    /// resetCapacity: flush, then resize the bucket for <paramref name="nprocs"/> (GOMAXPROCS changed); a fill above
    /// the new capacity is cut to it (limiter on), a fill below turns the limiter off.
    /// </summary>
    public void ResetCapacity(long now, int nprocs)
    {
        if (nprocs < 1) throw KitInputException.For($"GOMAXPROCS must be ≥ 1, got {nprocs}", parameter: "nprocs");
        if (!TryLock()) throw new InvalidOperationException("runtime: failed to acquire lock to reset capacity");
        UpdateLocked(now);
        Procs = nprocs;

        Capacity = (ulong)nprocs * PacerConstants.CapacityPerProc;
        if (Fill > Capacity)
        {
            Fill = Capacity;
            Limiting = true;
            LastEnabledCycle = NumGc + 1;
        }
        else if (Fill < Capacity)
        {
            Limiting = false;
        }

        Unlock();
    }

    private bool TryLock()
    {
        if (_locked) return false;
        _locked = true;
        return true;
    }

    private void Unlock()
    {
        if (!_locked) throw new InvalidOperationException("runtime: double unlock");
        _locked = false;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GcCpuLimiter: fill {Fill}/{Capacity} cpu-ns ({(Capacity == 0 ? 0 : 100.0 * Fill / Capacity):F1} %), overflow {Overflow}, {(Limiting ? "limiting" : "not limiting")}, GC {(GcEnabled ? "on" : "off")}");
}
