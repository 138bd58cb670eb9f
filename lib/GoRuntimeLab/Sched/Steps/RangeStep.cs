// Mirrors: `for v := range ch { … }` — chanrecv2 in a loop until ok=false (walk/range.go lowers it to exactly that), Go 1.13–1.23.
// Simplified: the value is only tallied (Tally/v).
namespace GoRuntimeLab.Sched.Steps;

/// <summary><c>for v := range ch { body }</c>: receives until the channel is closed and drained.</summary>
public sealed record RangeStep(string Channel, IReadOnlyList<WorkloadStep> Body, string? Tally = null) : WorkloadStep
{
    public override string Describe() => $"for v := range {Channel} {{ … }}";
}
