// Mirrors: runtime/proc.go schedtrace(detailed=true), the "  P<i>: status=… timerslen=…" line, Go 1.19–1.23.
// Simplified: the status stays the runtime's number; StatusName only spells it (runtime2.go _Pidle…_Pdead).
namespace GoRuntimeLab.Sched.Schedtrace;

/// <summary>One P as <c>GODEBUG=scheddetail=1</c> prints it.</summary>
/// <param name="Id">Index in allp (the "P3" of the line).</param>
/// <param name="Status">p.status: 0 _Pidle, 1 _Prunning, 2 _Psyscall, 3 _Pgcstop, 4 _Pdead.</param>
/// <param name="Schedtick">Incremented on every scheduler call that starts a new time slice.</param>
/// <param name="Syscalltick">Incremented on every system call (and when sysmon retakes the P).</param>
/// <param name="M">Id of the M holding the P; null when none (printed -1 in 1.19, nil in 1.21+).</param>
/// <param name="Runqsize">Length of the local run queue ring (runqtail − runqhead; runnext not counted).</param>
/// <param name="Gfreecnt">Dead Gs cached on this P for reuse.</param>
/// <param name="Timerslen">Timers in this P's heap.</param>
public sealed record SchedtraceP(int Id, int Status, long Schedtick, long Syscalltick, long? M, int Runqsize, int Gfreecnt, int Timerslen)
{
    /// <summary>The runtime2.go name of <see cref="Status"/>, e.g. "_Prunning"; "status 7" for unknown values.</summary>
    public string StatusName => Status switch
    {
        0 => "_Pidle",
        1 => "_Prunning",
        2 => "_Psyscall",
        3 => "_Pgcstop",
        4 => "_Pdead",
        _ => $"status {Status}",
    };

    public override string ToString() => $"P{Id} {StatusName} m={(M is { } m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : "nil")} runqsize={Runqsize} schedtick={Schedtick}";
}
