// Mirrors: sync.WaitGroup.Wait → runtime_Semacquire (sema.go, gopark waitReasonSemacquire), Go 1.13–1.23.
// Simplified: none.
namespace GoRuntimeLab.Sched.Steps;

/// <summary><c>wg.Wait()</c>.</summary>
public sealed record WaitGroupWaitStep(string WaitGroup) : WorkloadStep
{
    public override string Describe() => $"{WaitGroup}.Wait()";
}
