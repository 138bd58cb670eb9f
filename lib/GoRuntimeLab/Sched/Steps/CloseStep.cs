// Mirrors: close(ch) → closechan in chan.go, Go 1.13–1.23.
// Simplified: none beyond integer values.
namespace GoRuntimeLab.Sched.Steps;

/// <summary><c>close(ch)</c>.</summary>
public sealed record CloseStep(string Channel) : WorkloadStep
{
    public override string Describe() => $"close({Channel})";
}
