// Mirrors: nothing in Go: the event queue's order (time, then insertion sequence) makes the simulation deterministic.
// Simplified: not applicable.
namespace GoRuntimeLab.Sched.Engine;

internal readonly record struct EventKey(long Time, long Seq) : IComparable<EventKey>
{
    public int CompareTo(EventKey other)
    {
        var c = Time.CompareTo(other.Time);
        return c != 0 ? c : Seq.CompareTo(other.Seq);
    }
}
