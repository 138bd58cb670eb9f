// Mirrors: runtime.Gosched → gosched_m → goschedImpl (proc.go): the G goes to the GLOBAL run queue, Go 1.13–1.23.
// Simplified: none.
namespace GoRuntimeLab.Sched.Steps;

/// <summary><c>runtime.Gosched()</c>.</summary>
public sealed record GoschedStep : WorkloadStep
{
    public override string Describe() => "runtime.Gosched()";
}
