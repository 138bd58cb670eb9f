// Mirrors: sync.Mutex state bits mutexLocked/mutexStarving and its semaphore queue (sync/mutex.go, sema.go), Go 1.13–1.23.
// Simplified: no mutexWoken spinning.
namespace GoRuntimeLab.Sched.Engine;

internal sealed class SimMutex
{
    public bool Locked;
    public bool Starving;
    public LinkedList<SimG> Waiters { get; } = new();
}
