// Mirrors: sync.Mutex state bits mutexLocked/mutexStarving and its semaphore queue (sync/mutex.go, sema.go), Go 1.13–1.23.
// Simplified: no mutexWoken spinning.
namespace GoRuntimeLab.Sched.Engine;

internal sealed class SimMutex
{
    public bool Locked;
    public bool Starving;

    /// <summary>mutexWoken: a waiter has been woken and is on its way to retry, so Unlock wakes nobody else.</summary>
    public bool Woken;
    public LinkedList<SimG> Waiters { get; } = new();
}
