// Mirrors: the timers of time.Sleep: addtimer on the sleeping G's P (time.go), checkTimers/runtimer before the run queues in
// schedule() and on a victim P in stealWork, and the M blocked in netpoll waking for the earliest timer (pollUntil) (proc.go),
// Go 1.13–1.23.
// Simplified: a P's timers are a heap of sleeping Gs (no timer struct, modtimer or timerModified states); an expired timer
// readies its G directly (goroutineReady → goready).
namespace GoRuntimeLab.Sched.Engine;

internal sealed partial class Simulator
{
    private long _lastTimerWake = -1;

    private void AddTimer(SimP p, SimG g, long when)
    {
        p.Timers.Enqueue(g, new EventKey(when, _seq++));
        Post(EventKind.TimerFire, p.Id, 0, when);
    }

    // checkTimers(owner): run owner's expired timers; the woken Gs go to the P running the check (goroutineReady → goready).
    internal bool RunTimers(SimP owner, SimP onto)
    {
        var ran = false;
        while (owner.Timers.TryPeek(out var g, out var key) && key.Time <= _now)
        {
            owner.Timers.Dequeue();
            Ready(g, onto);
            ran = true;
        }

        return ran;
    }

    // A timer expired. A busy P runs it at its next schedule(); if some P is idle, the M blocked in netpoll
    // (its pollUntil covers every P's timers) wakes, takes an idle P and steals the timer in stealWork.
    private void TimerFire(SimP owner)
    {
        if (!owner.Timers.TryPeek(out _, out var key) || key.Time > _now) return;
        if (_pidle.Count == 0 || _lastTimerWake == _now) return;
        _lastTimerWake = _now;
        _netpoll.ReleasePoller();
        StartM(null, false);
    }

    private bool AnyTimers()
    {
        foreach (var p in _allp) if (p.Timers.Count > 0) return true;
        return false;
    }
}
