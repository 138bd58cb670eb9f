namespace GoRuntimeLab.Trace.Exec;

/// <summary>
/// One goroutine's times in an execution trace, as internal/trace GoroutineStats computes them for the goroutine
/// pages of <c>go tool trace</c> (Go 1.19, 1.21). Times are nanoseconds from the trace's first event; an end of 0
/// means the goroutine did not end within the trace.
/// </summary>
/// <param name="Id">Goroutine id.</param>
/// <param name="Name">The function it started in (empty when it never ran in the trace).</param>
/// <param name="CreationNs">When it was created (GoCreate; 0 for goroutines that existed when tracing started).</param>
/// <param name="StartNs">When it first ran (0 if it never did).</param>
/// <param name="EndNs">When it ended (GoEnd, GoStop), or 0.</param>
/// <param name="ExecNs">Time running on a P.</param>
/// <param name="SchedWaitNs">Time runnable but waiting for a P (from creation, unblock, GoSched or syscall exit to start).</param>
/// <param name="IoNs">Time blocked on the network (GoBlockNet until unblock).</param>
/// <param name="BlockNs">Time blocked on channels, select, Mutex or Cond until unblock.</param>
/// <param name="SyscallNs">Time in blocking syscalls (GoSysBlock until GoSysExit).</param>
/// <param name="GcNs">Time overlapping a GC cycle while it existed.</param>
/// <param name="SweepNs">Time sweeping (GCSweepStart to GCSweepDone on this goroutine).</param>
/// <param name="TotalNs">Lifetime within the trace (end or trace end, minus creation).</param>
/// <remarks>
/// For Go 1.22+ traces the times come from internal/trace summary.go (GoroutineSummary), whose categories differ:
/// <see cref="IoNs"/> is the block time with reason "network"; <see cref="BlockNs"/> the block times whose reason
/// names a channel, select or sync primitive (the reasons <c>go tool trace -pprof=sync</c> counts); every reason is in
/// <see cref="BlockByReasonNs"/>. <see cref="SyscallNs"/> is the whole time in syscalls, of which
/// <see cref="SyscallBlockNs"/> after the syscall lost its P. <see cref="GcNs"/> is the "GC mark assist" range time and
/// <see cref="SweepNs"/> the "GC incremental sweep" range time; every range is in <see cref="RangeNs"/>.
/// </remarks>
public sealed record ExecTraceGoroutine(
    ulong Id, string Name, long CreationNs, long StartNs, long EndNs, long ExecNs, long SchedWaitNs, long IoNs, long BlockNs,
    long SyscallNs, long GcNs, long SweepNs, long TotalNs)
{
    private static readonly IReadOnlyDictionary<string, long> None = new Dictionary<string, long>();

    /// <summary>Go 1.22+: time blocked by wait reason ("chan receive", "network", "sleep", …; "" when the trace began with the goroutine waiting). Empty for older traces.</summary>
    public IReadOnlyDictionary<string, long> BlockByReasonNs { get; init; } = None;

    /// <summary>Go 1.22+: the part of <see cref="SyscallNs"/> after the syscall lost its P (summary.go SyscallBlockTime). 0 for older traces.</summary>
    public long SyscallBlockNs { get; init; }

    /// <summary>Go 1.22+: time in ranges by name ("GC mark assist", "GC incremental sweep", "stop-the-world (…)"); may overlap the other times. Empty for older traces.</summary>
    public IReadOnlyDictionary<string, long> RangeNs { get; init; } = None;

    /// <summary>Go 1.22+: the user regions the goroutine ran (ended or still open at its end). 0 for older traces.</summary>
    public int Regions { get; init; }
}
