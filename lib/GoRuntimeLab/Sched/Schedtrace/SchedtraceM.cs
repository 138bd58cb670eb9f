// Mirrors: runtime/proc.go schedtrace(detailed=true), the "  M<id>: p=… lockedg=…" line, Go 1.19–1.23.
// Simplified: nothing; every printed field is kept (absent references as null).
namespace GoRuntimeLab.Sched.Schedtrace;

/// <summary>One M (OS thread) as <c>GODEBUG=scheddetail=1</c> prints it.</summary>
/// <param name="Id">m.id.</param>
/// <param name="P">Id of the P it holds; null when none (sysmon, idle or syscall Ms).</param>
/// <param name="Curg">Goroutine id it is running; null when none.</param>
/// <param name="Mallocing">Non-zero while inside mallocgc.</param>
/// <param name="Throwing">Non-zero while the runtime is crashing on this M.</param>
/// <param name="Preemptoff">Reason preemption is disabled ("" when it is not), printed verbatim and possibly with spaces.</param>
/// <param name="Locks">Runtime locks held (sysmon shows 2 in the recordings).</param>
/// <param name="Dying">Non-zero while dying.</param>
/// <param name="Spinning">Looking for work without any (counts in spinningthreads).</param>
/// <param name="Blocked">Parked on a note (an idle M).</param>
/// <param name="Lockedg">Goroutine locked to this M (runtime.LockOSThread; main's G on M0 during init); null when none.</param>
public sealed record SchedtraceM(long Id, int? P, long? Curg, int Mallocing, int Throwing, string Preemptoff, int Locks, int Dying,
    bool Spinning, bool Blocked, long? Lockedg)
{
    public override string ToString() =>
        $"M{Id} p={Ref(P)} curg={Ref(Curg)}{(Spinning ? " spinning" : "")}{(Blocked ? " blocked" : "")}";

    private static string Ref(long? id) => id is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "nil";
}
