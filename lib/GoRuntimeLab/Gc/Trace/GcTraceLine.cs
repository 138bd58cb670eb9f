// Mirrors: runtime/mgc.go (gcMarkTermination's `if debug.gctrace > 0` block), Go 1.19–1.23 (same format since 1.18).
// Simplified: holds the printed values only (ms as Go rounded them, MB truncated by >>20), not the runtime's ns and bytes.
using System.Globalization;

namespace GoRuntimeLab.Gc.Trace;

/// <summary>
/// One line of <c>GODEBUG=gctrace=1</c>, e.g.
/// <c>gc 61 @0.045s 8%: 0.004+0.099+0.001 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P</c>.
/// </summary>
/// <param name="Number">gc N: <c>memstats.numgc</c>, the cycle number since the program started.</param>
/// <param name="AtSeconds">@S s: start of the cycle (sweep termination) since the runtime started; printed with 3 decimals, truncated to the ms.</param>
/// <param name="CpuPercent">P%: GC's share of the CPU since the program started (cumulative, truncated), not this cycle's.</param>
/// <param name="ClockStw1Ms">Wall time of stop-the-world sweep termination (tMark − tSweepTerm).</param>
/// <param name="ClockConcurrentMs">Wall time of concurrent mark (tMarkTerm − tMark).</param>
/// <param name="ClockStw2Ms">Wall time of stop-the-world mark termination (tEnd − tMarkTerm).</param>
/// <param name="CpuStw1Ms">CPU time of sweep termination: STW1 wall time × the Ps stopped.</param>
/// <param name="CpuAssistMs">CPU time of mutator assists (goroutines paying for their allocation).</param>
/// <param name="CpuBackgroundMs">CPU time of the dedicated + fractional background mark workers.</param>
/// <param name="CpuIdleMs">CPU time of idle mark workers (Ps that had nothing else to run).</param>
/// <param name="CpuStw2Ms">CPU time of mark termination: STW2 wall time × the Ps stopped.</param>
/// <param name="HeapStartMB">heap0: live heap when the cycle started (MB = bytes >> 20).</param>
/// <param name="HeapEndMB">heap1: live heap at mark termination (grew during mark: allocation continued).</param>
/// <param name="LiveMB">heap2: bytes marked — the live heap that sets the next goal.</param>
/// <param name="GoalMB">The heap goal this cycle aimed at.</param>
/// <param name="StacksMB">Stack bytes counted in the goal (1.19: maxStackScan; 1.21+: lastStackScan); null on Go ≤ 1.17 lines.</param>
/// <param name="GlobalsMB">Globals (data+bss) counted in the goal; null on Go ≤ 1.17 lines.</param>
/// <param name="Procs">GOMAXPROCS during the cycle (work.maxprocs).</param>
/// <param name="Forced">True for " (forced)": the cycle was started by runtime.GC(). Go 1.19 can also label the
/// heap-triggered cycle that was still running when runtime.GC() was called (gcStart sets work.userForced before
/// taking worldsema; fixed by 1.23), see data/README.md.</param>
/// <param name="SourceLine">1-based line of the log this was parsed from (0 when made in code).</param>
public sealed record GcTraceLine(
    int Number, double AtSeconds, int CpuPercent,
    double ClockStw1Ms, double ClockConcurrentMs, double ClockStw2Ms,
    double CpuStw1Ms, double CpuAssistMs, double CpuBackgroundMs, double CpuIdleMs, double CpuStw2Ms,
    long HeapStartMB, long HeapEndMB, long LiveMB, long GoalMB, long? StacksMB, long? GlobalsMB,
    int Procs, bool Forced, int SourceLine)
{
    /// <summary>Stop-the-world wall time of the cycle: STW1 + STW2 (the pauses a request would feel).</summary>
    public double PauseMs => Math.Round(ClockStw1Ms + ClockStw2Ms, 3); // printed values have ≤ 3 decimals: exact

    /// <summary>Wall time from sweep termination to the end of mark termination.</summary>
    public double ClockTotalMs => Math.Round(ClockStw1Ms + ClockConcurrentMs + ClockStw2Ms, 3);

    /// <summary>All GC CPU time of the cycle (both pauses, assists, background and idle workers).</summary>
    public double CpuTotalMs => Math.Round(CpuStw1Ms + CpuAssistMs + CpuBackgroundMs + CpuIdleMs + CpuStw2Ms, 3);

    /// <summary>Short summary: number, time, pauses and heap.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"gc {Number} @{AtSeconds:0.000}s: pause {PauseMs:0.###} ms, mark {ClockConcurrentMs:0.###} ms, heap {HeapStartMB}->{HeapEndMB}->{LiveMB} MB (goal {GoalMB} MB){(Forced ? " forced" : "")}");
}
