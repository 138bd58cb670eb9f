// Mirrors: runtime/mgc.go (the work, memstats and gcController values gcMarkTermination prints), Go 1.19–1.23.
// Simplified: a plain record of those values in the runtime's units (ns from nanotime, bytes), no runtime state.
namespace GoRuntimeLab.Gc.Trace;

/// <summary>
/// What the runtime has in hand when it prints a gctrace line: timestamps in ns (nanotime), CPU times in ns,
/// heap sizes in bytes. <see cref="GcTraceFormatter.Format"/> turns it into the exact line Go prints.
/// </summary>
public sealed record GcTraceCycle
{
    /// <summary>memstats.numgc: this cycle's number.</summary>
    public uint Number { get; init; }

    /// <summary>runtimeInitTime (ns): the @ time is measured from it.</summary>
    public long RuntimeInitTime { get; init; }

    /// <summary>work.tSweepTerm (ns): the cycle starts, STW 1 begins.</summary>
    public long SweepTermStart { get; init; }

    /// <summary>work.tMark (ns): STW 1 ends, concurrent mark begins.</summary>
    public long MarkStart { get; init; }

    /// <summary>work.tMarkTerm (ns): STW 2 (mark termination) begins.</summary>
    public long MarkTermStart { get; init; }

    /// <summary>work.tEnd (ns): STW 2 ends.</summary>
    public long End { get; init; }

    /// <summary>memstats.gc_cpu_fraction: GC's cumulative share of CPU since start (printed as int(x*100) %).</summary>
    public double CpuFraction { get; init; }

    /// <summary>sweepTermCpu (ns): stwprocs × (tMark − tSweepTerm).</summary>
    public long SweepTermCpu { get; init; }

    /// <summary>gcController.assistTime (ns).</summary>
    public long AssistTime { get; init; }

    /// <summary>gcController.dedicatedMarkTime + fractionalMarkTime (ns).</summary>
    public long BackgroundMarkTime { get; init; }

    /// <summary>gcController.idleMarkTime (ns).</summary>
    public long IdleMarkTime { get; init; }

    /// <summary>markTermCpu (ns): stwprocs × (tEnd − tMarkTerm).</summary>
    public long MarkTermCpu { get; init; }

    /// <summary>work.heap0 (bytes): heapLive before STW 1.</summary>
    public ulong Heap0 { get; init; }

    /// <summary>work.heap1 (bytes): heapLive at mark termination.</summary>
    public ulong Heap1 { get; init; }

    /// <summary>work.heap2 (bytes): bytes marked.</summary>
    public ulong Heap2 { get; init; }

    /// <summary>gcController.lastHeapGoal (bytes).</summary>
    public ulong HeapGoal { get; init; }

    /// <summary>Stacks in the goal (1.19: maxStackScan, 1.21+: lastStackScan), bytes; null prints the Go ≤ 1.17 line without stacks and globals.</summary>
    public ulong? StackScan { get; init; }

    /// <summary>gcController.globalsScan (bytes); null together with <see cref="StackScan"/>.</summary>
    public ulong? GlobalsScan { get; init; }

    /// <summary>work.maxprocs: GOMAXPROCS during the cycle.</summary>
    public int MaxProcs { get; init; } = 1;

    /// <summary>work.userForced: started by runtime.GC().</summary>
    public bool UserForced { get; init; }

    /// <summary>A copy whose STW CPU times are computed as Go does: stwprocs × the pause's wall time
    /// (stwprocs = min(GOMAXPROCS, ncpu), set in gcStart).</summary>
    /// <exception cref="KitInputException"><paramref name="stwProcs"/> below 1.</exception>
    public GcTraceCycle WithStwProcs(int stwProcs)
    {
        if (stwProcs < 1) throw KitInputException.For($"must be at least 1, not {stwProcs}", parameter: nameof(stwProcs));
        return this with
        {
            SweepTermCpu = stwProcs * (MarkStart - SweepTermStart),
            MarkTermCpu = stwProcs * (End - MarkTermStart),
        };
    }

    /// <summary>
    /// Values that make Go print <paramref name="line"/> again: each printed ms becomes exactly that many ns,
    /// each MB that many MiB, and the CPU fraction the middle of the printed percent.
    /// </summary>
    /// <exception cref="KitInputException">A value too large to hold in the runtime's units.</exception>
    public static GcTraceCycle FromLine(GcTraceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Number < 0) throw KitInputException.For($"cycle number {line.Number} is negative", parameter: nameof(line));
        var start = Ns(line.AtSeconds * 1000, "AtSeconds");
        var mark = start + Ns(line.ClockStw1Ms, nameof(line.ClockStw1Ms));
        var markTerm = mark + Ns(line.ClockConcurrentMs, nameof(line.ClockConcurrentMs));
        return new GcTraceCycle
        {
            Number = (uint)line.Number,
            RuntimeInitTime = 0,
            SweepTermStart = start,
            MarkStart = mark,
            MarkTermStart = markTerm,
            End = markTerm + Ns(line.ClockStw2Ms, nameof(line.ClockStw2Ms)),
            CpuFraction = (line.CpuPercent + 0.5) / 100,
            SweepTermCpu = Ns(line.CpuStw1Ms, nameof(line.CpuStw1Ms)),
            AssistTime = Ns(line.CpuAssistMs, nameof(line.CpuAssistMs)),
            BackgroundMarkTime = Ns(line.CpuBackgroundMs, nameof(line.CpuBackgroundMs)),
            IdleMarkTime = Ns(line.CpuIdleMs, nameof(line.CpuIdleMs)),
            MarkTermCpu = Ns(line.CpuStw2Ms, nameof(line.CpuStw2Ms)),
            Heap0 = Bytes(line.HeapStartMB, nameof(line.HeapStartMB)),
            Heap1 = Bytes(line.HeapEndMB, nameof(line.HeapEndMB)),
            Heap2 = Bytes(line.LiveMB, nameof(line.LiveMB)),
            HeapGoal = Bytes(line.GoalMB, nameof(line.GoalMB)),
            StackScan = line.StacksMB is { } s ? Bytes(s, nameof(line.StacksMB)) : null,
            GlobalsScan = line.GlobalsMB is { } g ? Bytes(g, nameof(line.GlobalsMB)) : null,
            MaxProcs = line.Procs,
            UserForced = line.Forced,
        };
    }

    // A printed ms value has at most 3 decimals, so rounding ms*1e6 recovers the ns it stands for.
    private static long Ns(double ms, string what)
    {
        var ns = Math.Round(ms * 1e6);
        if (!(ns >= 0 && ns < 1e18)) throw KitInputException.For($"{ms} ms does not fit the runtime's int64 ns", parameter: what);
        return (long)ns;
    }

    private static ulong Bytes(long mb, string what)
    {
        if (mb is < 0 or >= 1L << 44) throw KitInputException.For($"{mb} MB does not fit the runtime's uint64 bytes", parameter: what);
        return (ulong)mb << 20;
    }
}
