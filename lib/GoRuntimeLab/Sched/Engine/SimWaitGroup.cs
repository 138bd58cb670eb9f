// Mirrors: sync.WaitGroup state (counter, waiter count) and its semaphore queue (sema.go, FIFO per address), Go 1.13–1.23.
// Simplified: none.
namespace GoRuntimeLab.Sched.Engine;

internal sealed class SimWaitGroup
{
    public long Counter;
    public List<SimG> Waiters { get; } = [];
}
