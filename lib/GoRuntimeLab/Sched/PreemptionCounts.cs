// Mirrors: the two preemption paths: cooperative (stack check → gopreempt_m) and asynchronous (SIGURG → asyncPreempt), Go 1.14–1.23.
// Simplified: none.
using static System.FormattableString;

namespace GoRuntimeLab.Sched;

/// <summary>Preemptions by kind.</summary>
public sealed record PreemptionCounts(long Async, long Cooperative)
{
    public long Total => Async + Cooperative;

    public override string ToString() => Invariant($"preemptions: {Async} async, {Cooperative} cooperative");
}
