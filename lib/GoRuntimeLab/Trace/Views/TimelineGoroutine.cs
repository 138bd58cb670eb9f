// Mirrors: a goroutine as `go tool trace`'s goroutine analysis lists it (id, the function it started in), Go 1.19/1.21.
// Simplified: none.
namespace GoRuntimeLab.Trace.Views;

/// <summary>Goroutine <see cref="Id"/> and the name a chart shows for it.</summary>
public sealed record TimelineGoroutine(int Id, string Name)
{
    /// <summary>The name of a goroutine that did not run while the trace was on (its start function is unknown).</summary>
    public const string NeverRan = "(never ran)";
}
