// Mirrors: the stream runtime/proc.go schedtrace() writes to stderr every X ms under GODEBUG=schedtrace=X, Go 1.19–1.23.
// Simplified: other lines of the file (program output, a recording's header) are counted, not kept.
using System.Globalization;

namespace GoRuntimeLab.Sched.Schedtrace;

/// <summary>Every schedtrace sample of one file, in order, and how many other lines were skipped.</summary>
/// <param name="FileName">The name the file was parsed under (for messages).</param>
/// <param name="Samples">The SCHED samples, in file order.</param>
/// <param name="IgnoredLines">Lines that were neither SCHED lines nor scheddetail lines (including empty lines).</param>
public sealed record SchedtraceLog(string FileName, IReadOnlyList<SchedtraceSample> Samples, int IgnoredLines)
{
    /// <summary>True when the samples carry needspinning=, the Go 1.21+ format; false for the 1.19/1.20 format or no samples.</summary>
    public bool HasNeedspinning => Samples.Count > 0 && Samples[0].Needspinning is not null;

    /// <summary>True when the samples are scheddetail=1 samples.</summary>
    public bool IsDetailed => Samples.Count > 0 && Samples[0].IsDetailed;

    /// <summary>The largest GOMAXPROCS seen (0 without samples).</summary>
    public int MaxProcs => Samples.Count == 0 ? 0 : Samples.Max(s => s.Gomaxprocs);

    public override string ToString()
    {
        if (Samples.Count == 0)
            return string.Create(CultureInfo.InvariantCulture, $"{FileName}: no schedtrace samples ({IgnoredLines} other lines)");
        var format = HasNeedspinning ? "Go 1.21+ format" : "Go 1.19 format";
        var kind = IsDetailed ? "scheddetail" : "schedtrace";
        return string.Create(CultureInfo.InvariantCulture,
            $"{FileName}: {Samples.Count} {kind} samples, {Samples[0].TimeMs}–{Samples[^1].TimeMs} ms, GOMAXPROCS {MaxProcs}, {format}; {IgnoredLines} other lines ignored");
    }
}
