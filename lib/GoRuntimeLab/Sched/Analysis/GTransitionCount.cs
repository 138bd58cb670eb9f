namespace GoRuntimeLab.Sched.Analysis;

/// <summary>How often Gs went from one status to another in a run.</summary>
/// <param name="From">The status left.</param>
/// <param name="To">The status entered.</param>
/// <param name="Count">All such transitions.</param>
/// <param name="ZeroLength">Of those, how many passed through a state that lasted 0 ns (restored from events; the timeline has no span for it).</param>
public sealed record GTransitionCount(GStatus From, GStatus To, int Count, int ZeroLength)
{
    public override string ToString() => $"{From} → {To}: {Count}{(ZeroLength > 0 ? $" ({ZeroLength} via a 0 ns state)" : "")}";
}
