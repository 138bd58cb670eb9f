// Mirrors: a P's timeline (what the execution tracer's "PROCS" view shows), Go 1.13–1.23.
// Simplified: see PActivity.
using static System.FormattableString;

namespace GoRuntimeLab.Sched;

/// <summary>P <see cref="P"/> did <see cref="Activity"/> (for goroutine <see cref="G"/>, 0 if none) from Start to End (ns).</summary>
public sealed record PSlice(int P, PActivity Activity, int G, long Start, long End)
{
    public long Duration => End - Start;

    public override string ToString() => Invariant($"P{P} {Activity}{(G > 0 ? Invariant($" G{G}") : "")} {GoDuration.Format(Start)}–{GoDuration.Format(End)}");
}
