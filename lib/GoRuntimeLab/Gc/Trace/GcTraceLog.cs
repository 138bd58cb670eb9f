// Mirrors: the stream of lines a Go program prints with GODEBUG=gctrace=1 (runtime/mgc.go gcMarkTermination), Go 1.17–1.23.
// Simplified: keeps the gc lines and only counts the others (program output, pacer lines, scavenger lines).
using System.Globalization;

namespace GoRuntimeLab.Gc.Trace;

/// <summary>The gc lines of one log, in order, and how many other lines were skipped.</summary>
/// <param name="SourceName">The file (or label) the log came from.</param>
/// <param name="Lines">Every gc line, in the order printed.</param>
/// <param name="IgnoredLines">Lines that were not gc lines (output, headers, blank lines).</param>
public sealed record GcTraceLog(string SourceName, IReadOnlyList<GcTraceLine> Lines, int IgnoredLines)
{
    /// <summary>Number of GC cycles in the log.</summary>
    public int Count => Lines.Count;

    /// <summary>Cycles started by runtime.GC() (" (forced)").</summary>
    public int ForcedCount => Lines.Count(l => l.Forced);

    /// <summary>Sum of both stop-the-world pauses over all cycles, in ms (as printed, so each is rounded by Go).</summary>
    public double TotalPauseMs => Math.Round(Lines.Sum(l => l.PauseMs), 3);

    /// <summary>The longest single cycle's STW1 + STW2, in ms; 0 for an empty log.</summary>
    public double MaxPauseMs => Lines.Count == 0 ? 0 : Lines.Max(l => l.PauseMs);

    /// <summary>Seconds from the first cycle's start to the last cycle's start; 0 with fewer than two cycles.</summary>
    public double SpanSeconds => Lines.Count < 2 ? 0 : Lines[^1].AtSeconds - Lines[0].AtSeconds;

    /// <summary>GC's cumulative CPU share printed on the last line (the whole run so far), or 0 for an empty log.</summary>
    public int FinalCpuPercent => Lines.Count == 0 ? 0 : Lines[^1].CpuPercent;

    /// <summary>One line: cycles, forced, span, pauses, heap, CPU, ignored lines.</summary>
    public override string ToString()
    {
        if (Lines.Count == 0)
            return $"gctrace {SourceName}: no gc lines ({IgnoredLines} other lines ignored)";
        var maxGoal = Lines.Max(l => l.GoalMB);
        return string.Create(CultureInfo.InvariantCulture,
            $"gctrace {SourceName}: {Count} cycles ({ForcedCount} forced) from @{Lines[0].AtSeconds:0.000}s to @{Lines[^1].AtSeconds:0.000}s, " +
            $"pauses {TotalPauseMs:0.###} ms total (max {MaxPauseMs:0.###} ms), live {Lines[^1].LiveMB} MB, goal up to {maxGoal} MB, " +
            $"GC CPU {FinalCpuPercent}%; {IgnoredLines} other lines ignored");
    }
}
