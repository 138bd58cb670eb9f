// Mirrors: cmd/trace generateTrace's GC row (GCStart…GCDone) and STW slices (GCSTWStart…GCSTWDone, renamed
// STWStart/STWDone in Go 1.21), Go 1.19/1.21.
// Simplified: none.
using static System.FormattableString;

namespace GoRuntimeLab.Trace.Views;

/// <summary>A GC cycle (<see cref="StopTheWorld"/> false) or a stop-the-world pause, from Start to End (ns).</summary>
public sealed record TimelineGcSpan(bool StopTheWorld, long Start, long End)
{
    public long Duration => End - Start;

    public override string ToString() => Invariant($"{(StopTheWorld ? "STW" : "GC")} {GoDuration.Format(Start)}–{GoDuration.Format(End)}");
}
