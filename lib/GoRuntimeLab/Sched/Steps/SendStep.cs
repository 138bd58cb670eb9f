// Mirrors: `ch <- v` → chansend1 → chansend(c, ep, block=true) in chan.go, Go 1.13–1.23.
// Simplified: values are integers.
namespace GoRuntimeLab.Sched.Steps;

/// <summary><c>ch &lt;- value</c>. The channel named <see cref="Workloads.Workload.NilChannel"/> is a nil channel.</summary>
public sealed record SendStep(string Channel, long Value) : WorkloadStep
{
    public override string Describe() => $"{Channel} <- {Value}";
}
