// Mirrors: per-goroutine facts a Go trace gives (creation, end, time running and runnable), Go 1.13–1.23.
// Simplified: FinishedAt is null when the goroutine was still alive at the end (killed by main's exit, deadlock or time limit).
using static System.FormattableString;

namespace GoRuntimeLab.Sched;

/// <summary>One goroutine's life; times in ns of simulated time.</summary>
public sealed record GoroutineSummary(int Id, string Name, long CreatedAt, long? FinishedAt, long RunningTime, long RunnableTime, GStatus FinalStatus, string WaitReason)
{
    public override string ToString() => Invariant($"G{Id} {Name}: created {GoDuration.Format(CreatedAt)}, ") +
        (FinishedAt is { } f ? $"finished {GoDuration.Format(f)}" : $"alive at end ({FinalStatus}{(WaitReason.Length > 0 ? $", {WaitReason}" : "")})") +
        $", running {GoDuration.Format(RunningTime)}, runnable {GoDuration.Format(RunnableTime)}";
}
