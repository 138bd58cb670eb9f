// Mirrors: a line the Go program printed to stdout (fmt.Println), Go 1.13–1.23.
// Simplified: carries the simulated time and the printing goroutine.
namespace GoRuntimeLab.Sched;

/// <summary>A line printed by goroutine <see cref="G"/> at simulated time <see cref="Time"/> (ns).</summary>
public sealed record OutputLine(long Time, int G, string Text)
{
    public override string ToString() => $"[{GoDuration.Format(Time)} G{G}] {Text}";
}
