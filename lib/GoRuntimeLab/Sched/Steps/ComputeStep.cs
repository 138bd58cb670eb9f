// Mirrors: user code between runtime calls; preemption points are function prologues (stack check → morestack → gopreempt_m), Go 1.13–1.23.
// Simplified: call-heavy code checks for preemption every SchedCosts.CallInterval; a tight loop never does (only async preemption stops it).
namespace GoRuntimeLab.Sched.Steps;

/// <summary>
/// CPU work for <paramref name="Nanoseconds"/>. <paramref name="HasCalls"/> = true is ordinary code that calls functions
/// (cooperatively preemptible at each call); false is a tight loop without calls such as <c>for { n++ }</c>, which only
/// asynchronous preemption (Go 1.14+, SIGURG) can interrupt.
/// </summary>
public sealed record ComputeStep(long Nanoseconds, bool HasCalls) : WorkloadStep
{
    public override string Describe() => HasCalls
        ? $"compute({GoDuration.Format(Nanoseconds)})"
        : $"for {{ n++ }} // tight loop {GoDuration.Format(Nanoseconds)}";
}
