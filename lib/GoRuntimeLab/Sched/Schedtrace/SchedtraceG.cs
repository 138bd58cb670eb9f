// Mirrors: runtime/proc.go schedtrace(detailed=true), the "  G<goid>: status=N(reason) m=… lockedm=…" line, and the
// G status values of runtime2.go (_Gidle … _Gpreempted, _Gscan bit). Go 1.19–1.23.
// Simplified: the wait reason stays the runtime's text (waitReason.String()); it is not mapped to an enum.
namespace GoRuntimeLab.Sched.Schedtrace;

/// <summary>One goroutine as <c>GODEBUG=scheddetail=1</c> prints it.</summary>
/// <param name="Id">goid.</param>
/// <param name="Status">readgstatus(gp): 1 runnable, 2 running, 3 syscall, 4 waiting, 6 dead, 9 preempted, +0x1000 while being scanned.</param>
/// <param name="WaitReason">gp.waitreason text, e.g. "chan receive" or "force gc (idle)"; "" for none. A runnable G can
/// still show the reason of its last wait: the runtime does not clear it when readying the G.</param>
/// <param name="M">Id of the M running it; null when none.</param>
/// <param name="Lockedm">Id of the M it is locked to; null when none.</param>
public sealed record SchedtraceG(long Id, int Status, string WaitReason, long? M, long? Lockedm)
{
    /// <summary>_Gscan: set together with a state while the GC scans the stack (runtime2.go).</summary>
    public const int ScanBit = 0x1000;

    /// <summary>The runtime2.go name of <see cref="Status"/>, e.g. "_Gwaiting" or "_Gscanrunning".</summary>
    public string StatusName
    {
        get
        {
            var scan = (Status & ScanBit) != 0;
            var name = (Status & ~ScanBit) switch
            {
                0 => "idle",
                1 => "runnable",
                2 => "running",
                3 => "syscall",
                4 => "waiting",
                5 => "moribund_unused",
                6 => "dead",
                7 => "enqueue_unused",
                8 => "copystack",
                9 => "preempted",
                _ => null,
            };
            return name is null ? $"status {Status}" : (scan ? "_Gscan" : "_G") + name;
        }
    }

    public override string ToString() => WaitReason.Length == 0 ? $"G{Id} {StatusName}" : $"G{Id} {StatusName} ({WaitReason})";
}
