// Mirrors: sync.WaitGroup.Add/Done (sync/waitgroup.go): counter reaching zero releases all waiters via runtime_Semrelease, Go 1.13–1.23.
// Simplified: one counter and a waiter list; Done is Add(-1).
namespace GoRuntimeLab.Sched.Steps;

/// <summary><c>wg.Add(delta)</c>; <c>wg.Done()</c> is a delta of -1.</summary>
public sealed record WaitGroupAddStep(string WaitGroup, int Delta) : WorkloadStep
{
    public override string Describe() => Delta == -1 ? $"{WaitGroup}.Done()" : $"{WaitGroup}.Add({Delta})";
}
