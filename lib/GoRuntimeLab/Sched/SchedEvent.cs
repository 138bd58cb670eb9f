// Mirrors: see SchedEventKind.
// Simplified: P/G ids are -1 when not applicable.
using static System.FormattableString;

namespace GoRuntimeLab.Sched;

/// <summary>One notable scheduler event at simulated time <see cref="Time"/> (ns).</summary>
public sealed record SchedEvent(long Time, SchedEventKind Kind, int P, int G, int OtherP, int Count, string Detail)
{
    public override string ToString() => Invariant($"{GoDuration.Format(Time)} {Kind} P{P} G{G}") +
        (OtherP >= 0 ? Invariant($" from P{OtherP}") : "") + (Count > 0 ? Invariant($" n={Count}") : "") + (Detail.Length > 0 ? " " + Detail : "");
}
