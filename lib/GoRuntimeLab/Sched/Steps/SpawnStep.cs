// Mirrors: a go statement → newproc/newproc1 (proc.go): the new G goes to runnext of the current P, then wakep, Go 1.13–1.23.
// Simplified: the function is an anonymous step list with a display name.
namespace GoRuntimeLab.Sched.Steps;

/// <summary><c>go name()</c>, where the goroutine runs <see cref="Body"/>.</summary>
public sealed record SpawnStep(string Name, IReadOnlyList<WorkloadStep> Body) : WorkloadStep
{
    public override string Describe() => $"go {Name}()";
}
