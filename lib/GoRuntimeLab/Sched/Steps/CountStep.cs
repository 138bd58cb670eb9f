// Mirrors: plain Go code such as `counter += n` (no runtime call, so no preemption point), Go 1.13–1.23.
// Simplified: the counter is a named result counter.
namespace GoRuntimeLab.Sched.Steps;

/// <summary>Adds <paramref name="Amount"/> to the result counter <paramref name="Counter"/> (takes no simulated time).</summary>
public sealed record CountStep(string Counter, long Amount) : WorkloadStep
{
    public override string Describe() => $"{Counter} += {Amount}";
}
