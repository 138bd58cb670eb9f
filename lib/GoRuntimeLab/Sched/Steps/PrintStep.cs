// Mirrors: fmt.Println from a goroutine (output order is the order the statements ran), Go 1.13–1.23.
// Simplified: printing takes no time and never blocks.
namespace GoRuntimeLab.Sched.Steps;

/// <summary>Writes <paramref name="Text"/> to the simulated program's stdout (with the simulated time in the result).</summary>
public sealed record PrintStep(string Text) : WorkloadStep
{
    public override string Describe() => $"fmt.Println({Text})";
}
