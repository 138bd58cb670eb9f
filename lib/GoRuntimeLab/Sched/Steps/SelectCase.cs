// Mirrors: one scase of selectgo (select.go), Go 1.13–1.23.
// Simplified: the case body is a list of steps run after the case wins.
namespace GoRuntimeLab.Sched.Steps;

/// <summary>A select case: <c>case ch &lt;- Value:</c> or <c>case v := &lt;-ch:</c>, followed by <see cref="Body"/>.</summary>
public sealed record SelectCase(SelectDirection Direction, string Channel, long Value, IReadOnlyList<WorkloadStep> Body, string? Tally = null)
{
    public string Describe() => Direction == SelectDirection.Send ? $"case {Channel} <- {Value}" : $"case <-{Channel}";
}
