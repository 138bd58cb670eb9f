// Mirrors: nothing in Go; summarises recordings of data/go/preempt (sysmon retake → preemptone → SIGURG, Go 1.14+).
// Simplified: groups runs by Go version and GODEBUG=asyncpreemptoff, then takes min/median/max of the measured sleeps.
using System.Globalization;
using GoRuntimeLab.Sched.Schedtrace;

namespace GoRuntimeLab.Sched.Analysis;

/// <summary>
/// The recorded preemption experiment, one row per Go version and asyncpreemptoff setting: how many runs, how many
/// were killed by the time limit, and how long main's time.Sleep(100µs) really took (min, median, max).
/// </summary>
/// <param name="GoVersionText">runtime.Version() of the runs ("go1.23.5").</param>
/// <param name="AsyncPreemptOff">Whether the runs had GODEBUG=asyncpreemptoff=1.</param>
/// <param name="Runs">Runs in the group.</param>
/// <param name="TimedOut">Runs killed by the time limit (main never woke up again).</param>
/// <param name="Sleeps">Sleeps that returned, over all runs of the group.</param>
/// <param name="MinMs">Fastest sleep, ms (null when none returned).</param>
/// <param name="MedianMs">Median sleep, ms (null when none returned).</param>
/// <param name="MaxMs">Slowest sleep, ms (null when none returned).</param>
public sealed record PreemptSummary(string GoVersionText, bool AsyncPreemptOff, int Runs, int TimedOut, int Sleeps, double? MinMs, double? MedianMs, double? MaxMs)
{
    /// <summary>Reads every preempt-*.txt recording in <paramref name="directory"/>, in file-name order.</summary>
    /// <exception cref="KitInputException">Missing folder, no recordings, or a malformed one.</exception>
    public static IReadOnlyList<PreemptRun> ReadRuns(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw KitInputException.For("no folder given", parameter: "directory");
        if (!Directory.Exists(directory))
            throw KitInputException.For($"folder not found (relative paths start at {Environment.CurrentDirectory})", parameter: "directory", file: directory);
        var files = Directory.GetFiles(directory, "preempt-*.txt").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw KitInputException.For("no preempt-*.txt recordings in the folder", parameter: "directory", file: directory);
        return files.Select(PreemptRun.Read).ToList();
    }

    /// <summary>One row per (Go version, asyncpreemptoff), ordered by version then setting.</summary>
    public static IReadOnlyList<PreemptSummary> Of(IEnumerable<PreemptRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.GroupBy(r => (r.GoVersionText, r.AsyncPreemptOff))
            .OrderBy(g => GoVersion.Parse(g.Key.GoVersionText)).ThenBy(g => g.Key.AsyncPreemptOff)
            .Select(g =>
            {
                var ms = g.SelectMany(r => r.Sleeps).Select(s => s.TookMs).Order().ToList();
                return new PreemptSummary(g.Key.GoVersionText, g.Key.AsyncPreemptOff, g.Count(), g.Count(r => r.TimedOut), ms.Count,
                    ms.Count > 0 ? ms[0] : null, ms.Count > 0 ? Median(ms) : null, ms.Count > 0 ? ms[^1] : null);
            }).ToList();
    }

    /// <summary>Fastest sleep over all runs with async preemption on (the floor the text quotes), ms.</summary>
    public static double? FastestWithAsyncPreemption(IEnumerable<PreemptSummary> rows) =>
        rows.Where(r => !r.AsyncPreemptOff && r.MinMs is not null).Select(r => r.MinMs).Min();

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    public override string ToString() => MinMs is null
        ? string.Create(CultureInfo.InvariantCulture, $"{GoVersionText} asyncpreemptoff={(AsyncPreemptOff ? 1 : 0)}: {Runs} run(s), {TimedOut} killed by the time limit, no sleep returned")
        : string.Create(CultureInfo.InvariantCulture,
            $"{GoVersionText} asyncpreemptoff={(AsyncPreemptOff ? 1 : 0)}: {Runs} run(s), {Sleeps} sleeps of 100 µs took {MinMs:0.0}–{MaxMs:0.0} ms (median {MedianMs:0.0})");
}
