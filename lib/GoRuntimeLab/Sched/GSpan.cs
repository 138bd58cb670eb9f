// Mirrors: a goroutine's state over time (the tracer's per-G view), with the wait reason while waiting, Go 1.13–1.23.
// Simplified: none.
using static System.FormattableString;

namespace GoRuntimeLab.Sched;

/// <summary>Goroutine <see cref="G"/> was in <see cref="Status"/> from Start to End (ns).</summary>
public sealed record GSpan(int G, GStatus Status, string WaitReason, long Start, long End)
{
    public long Duration => End - Start;

    public override string ToString() => Invariant($"G{G} {Status}{(Status == GStatus.Waiting ? $"({WaitReason})" : "")} {GoDuration.Format(Start)}–{GoDuration.Format(End)}");
}
