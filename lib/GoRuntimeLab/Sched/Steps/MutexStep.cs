// Mirrors: sync.Mutex Lock/Unlock (sync/mutex.go: lockSlow, unlockSlow, starvation mode after 1 ms) and semacquire1/semrelease1 (sema.go), Go 1.13–1.23.
// Simplified: no spinning in lockSlow; a woken waiter competes for the lock and re-queues at the front when it loses.
namespace GoRuntimeLab.Sched.Steps;

/// <summary><c>mu.Lock()</c> (<paramref name="Lock"/> = true) or <c>mu.Unlock()</c>.</summary>
public sealed record MutexStep(string Mutex, bool Lock) : WorkloadStep
{
    public override string Describe() => Lock ? $"{Mutex}.Lock()" : $"{Mutex}.Unlock()";
}
