// Mirrors: golang/website _content/doc/gc-guide.js (gcModel's [data, totalMutTime] and the footer StackedAreaChart's
// update() computes from them), the GC guide of Go 1.19+. Simplified: the footer's numbers unrounded.
using System.Globalization;

namespace GoRuntimeLab.Gc.Guide;

/// <summary>
/// One run of the GC guide's model: the footer under the page's chart (total CPU time, GC CPU %, peak memory, peak
/// live heap), the number of GC cycles, and the series the chart stacks.
/// </summary>
/// <param name="Workload">The workload that ran.</param>
/// <param name="Config">The configuration it ran with.</param>
/// <param name="PeakMem">Peak of the stacked memory (other + live + new), MiB: the page's "Peak Mem".</param>
/// <param name="GcCpuPercent">(TotalTime − MutatorTime) / TotalTime × 100: the page's "GC CPU".</param>
/// <param name="TotalTime">CPU time to finish, mutator + GC (s): the page's "Total".</param>
/// <param name="MutatorTime">CPU time of the program itself (s): the workload's duration unless a window cut it.</param>
/// <param name="Cycles">Number of GC cycles.</param>
/// <param name="PeakLive">Largest live heap (MiB): the page's "Peak Live Mem" (0 when no GC ever ran: the model
/// learns the live heap only at a GC).</param>
/// <param name="Series">The points of the chart, in time order.</param>
public sealed record GuideResult(
    GuideWorkload Workload,
    GuideConfig Config,
    double PeakMem,
    double GcCpuPercent,
    double TotalTime,
    double MutatorTime,
    int Cycles,
    double PeakLive,
    IReadOnlyList<GuidePoint> Series)
{
    /// <summary>CPU time spent in the GC (s).</summary>
    public double GcTime => TotalTime - MutatorTime;

    public bool Equals(GuideResult? other) => other is not null && Workload.Equals(other.Workload) && Config.Equals(other.Config) &&
        PeakMem.Equals(other.PeakMem) && GcCpuPercent.Equals(other.GcCpuPercent) && TotalTime.Equals(other.TotalTime) &&
        MutatorTime.Equals(other.MutatorTime) && Cycles == other.Cycles && PeakLive.Equals(other.PeakLive) &&
        Series.SequenceEqual(other.Series);

    public override int GetHashCode() => HashCode.Combine(Config, PeakMem, GcCpuPercent, TotalTime, Cycles, Series.Count);

    /// <summary>The page's footer, one line: e.g. "GOGC=100, limit none: Total 10.68 s, GC CPU 6.4%, Peak Mem 40.0 MiB (Peak Live 20.0 MiB), 12 GC cycles".</summary>
    public override string ToString()
    {
        var gogc = Config.Gogc is { } g ? g.ToString(CultureInfo.InvariantCulture) : "off";
        var limit = Config.HasLimit ? Config.MemoryLimit.ToString("0.#", CultureInfo.InvariantCulture) + " MiB" : "none";
        var other = Config.OtherMem != 0 ? string.Create(CultureInfo.InvariantCulture, $", Other {Config.OtherMem:0.0} MiB") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"GOGC={gogc}, limit {limit}: Total {TotalTime:0.00} s, GC CPU {GcCpuPercent:0.0}%, Peak Mem {PeakMem:0.0} MiB (Peak Live {PeakLive:0.0} MiB{other}), {Cycles} GC cycles");
    }
}
