// Mirrors: runtime/proc.go schedtrace(detailed), one "SCHED <t>ms: …" line and, with scheddetail=1, its P/M/G block.
// Go 1.19–1.23. Simplified: nothing is dropped; in detailed samples LocalRunqueues is taken from the P lines' runqsize.
using System.Globalization;

namespace GoRuntimeLab.Sched.Schedtrace;

/// <summary>
/// One sysmon schedtrace print. Header fields are named as Go prints them: <c>idleprocs</c> is sched.npidle,
/// <c>threads</c> mcount(), <c>spinningthreads</c> sched.nmspinning, <c>idlethreads</c> sched.nmidle,
/// <c>runqueue</c> the global run queue length, and the bracketed list each P's local ring length (runnext excluded).
/// </summary>
/// <param name="Line">1-based line of the SCHED line in its file.</param>
/// <param name="TimeMs">Milliseconds since the first schedtrace print (the first line says 0ms).</param>
/// <param name="Gomaxprocs">GOMAXPROCS.</param>
/// <param name="Idleprocs">Ps on the idle list.</param>
/// <param name="Threads">Ms created so far (mcount(): includes sysmon and idle Ms, excludes freed ones).</param>
/// <param name="Spinningthreads">Ms spinning for work.</param>
/// <param name="Needspinning">sched.needspinning (0/1), printed by Go 1.21+ only; null in the 1.19 format.</param>
/// <param name="Idlethreads">Ms parked on the idle list.</param>
/// <param name="Runqueue">Goroutines in the global run queue.</param>
/// <param name="LocalRunqueues">Per-P local run queue lengths, P0 first.</param>
public sealed record SchedtraceSample(int Line, long TimeMs, int Gomaxprocs, int Idleprocs, int Threads, int Spinningthreads,
    int? Needspinning, int Idlethreads, int Runqueue, IReadOnlyList<int> LocalRunqueues)
{
    /// <summary>True for a scheddetail=1 sample (header extras, then P, M and G lines).</summary>
    public bool IsDetailed { get; init; }

    /// <summary>sched.gcwaiting (printed 0/1 by 1.19, false/true by 1.21+); null unless detailed.</summary>
    public bool? Gcwaiting { get; init; }

    /// <summary>sched.nmidlelocked: idle Ms locked to a G; null unless detailed.</summary>
    public int? Nmidlelocked { get; init; }

    /// <summary>sched.stopwait: Ps still to stop for a stop-the-world; null unless detailed.</summary>
    public int? Stopwait { get; init; }

    /// <summary>sched.sysmonwait: sysmon sleeping until the world restarts; null unless detailed.</summary>
    public bool? Sysmonwait { get; init; }

    /// <summary>The P lines (detailed samples only), P0 first.</summary>
    public IReadOnlyList<SchedtraceP> Ps { get; init; } = [];

    /// <summary>The M lines (detailed samples only), in allm order (newest M first).</summary>
    public IReadOnlyList<SchedtraceM> Ms { get; init; } = [];

    /// <summary>The G lines (detailed samples only), in allgs order.</summary>
    public IReadOnlyList<SchedtraceG> Gs { get; init; } = [];

    /// <summary>Goroutines waiting to run: global plus every local queue (runnext, never printed, excluded).</summary>
    public int TotalRunnable => Runqueue + LocalRunqueues.Sum();

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"SCHED {TimeMs}ms: gomaxprocs={Gomaxprocs} idleprocs={Idleprocs} threads={Threads} spinning={Spinningthreads} idlethreads={Idlethreads} runqueue={Runqueue} [{string.Join(' ', LocalRunqueues)}]");
        return IsDetailed ? text + string.Create(CultureInfo.InvariantCulture, $" + {Ps.Count} Ps, {Ms.Count} Ms, {Gs.Count} Gs") : text;
    }
}
