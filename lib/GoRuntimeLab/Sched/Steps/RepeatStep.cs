// Mirrors: a Go for loop around a block (`for i := 0; i < n; i++ {…}` or `for {…}`), Go 1.13–1.23.
// Simplified: loop bookkeeping takes no time.
namespace GoRuntimeLab.Sched.Steps;

/// <summary>Runs <see cref="Body"/> <see cref="Count"/> times, or forever when <see cref="Count"/> is <see cref="Forever"/>.</summary>
public sealed record RepeatStep(long Count, IReadOnlyList<WorkloadStep> Body) : WorkloadStep
{
    /// <summary>Count value meaning <c>for { … }</c>.</summary>
    public const long Forever = -1;

    public override string Describe() => Count == Forever ? "for { … }" : $"for i := 0; i < {Count}; i++ {{ … }}";
}
