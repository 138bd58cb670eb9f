// Mirrors: the track layout of `go tool trace` (internal/trace/traceviewer): a process for Ps (one thread per P), one for goroutines,
// a counter of running Ps, instants for scheduler events, Go 1.19–1.23.
// Simplified: one counter (running Ps, sampled at each change); no flow events.
using GoRuntimeLab.Trace;
using static System.FormattableString;

namespace GoRuntimeLab.Sched;

/// <summary>Builds the Chrome trace of a <see cref="SchedResult"/>: pid 0 = Procs (tid = P id), pid 1 = Goroutines (tid = G id), pid 2 = counters.</summary>
public static class SchedChromeTrace
{
    public static ChromeTraceWriter Build(SchedResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var w = new ChromeTraceWriter();
        var names = result.Goroutines.ToDictionary(g => g.Id, g => g.Name);
        w.ProcessName(0, Invariant($"Procs (GOMAXPROCS={result.Config.Procs}, {result.Config.Version})"));
        w.ProcessName(1, "Goroutines");
        w.ProcessName(2, "Counters");
        for (var p = 0; p < result.Config.Procs; p++) w.ThreadName(0, p, Invariant($"P{p}"));
        foreach (var g in result.Goroutines) w.ThreadName(1, g.Id, Invariant($"G{g.Id} {g.Name}"));
        foreach (var s in result.PTimeline)
        {
            var label = s.Activity switch
            {
                PActivity.Running => Invariant($"G{s.G} {names.GetValueOrDefault(s.G, "")}"),
                PActivity.Syscall => Invariant($"syscall G{s.G}"),
                _ => s.Activity.ToString().ToLowerInvariant(),
            };
            w.Slice(0, s.P, label, s.Start, s.Duration, s.Activity.ToString().ToLowerInvariant());
        }

        foreach (var s in result.GTimeline)
        {
            var label = s.Status == GStatus.Waiting ? $"waiting ({s.WaitReason})" : s.Status.ToString().ToLowerInvariant();
            w.Slice(1, s.G, label, s.Start, s.Duration, s.Status.ToString().ToLowerInvariant());
        }

        // The "running Ps" counter: how many Ps run a G at each change (what the trace viewer's "Threads"/"Procs" counter
        // shows). Ends sort before starts at the same instant, so back-to-back slices on one P don't count twice.
        var changes = result.PTimeline.Where(s => s.Activity == PActivity.Running && s.End > s.Start)
            .SelectMany(s => new[] { (At: s.Start, Delta: 1), (At: s.End, Delta: -1) })
            .GroupBy(c => c.At).OrderBy(g => g.Key);
        var running = 0;
        var last = -1;
        foreach (var at in changes)
        {
            running += at.Sum(c => c.Delta);
            if (running == last) continue;
            w.Counter(2, "running Ps", at.Key, new Dictionary<string, object> { ["running"] = running });
            last = running;
        }

        foreach (var e in result.Events)
        {
            if (e.Kind == SchedEventKind.Ready) continue;
            var args = new Dictionary<string, object> { ["g"] = e.G };
            if (e.OtherP >= 0) args["victim"] = Invariant($"P{e.OtherP}");
            if (e.Count > 0) args["n"] = e.Count;
            if (e.Detail.Length > 0) args["detail"] = e.Detail;
            w.Instant(0, Math.Max(0, e.P), e.Kind.ToString(), e.Time, args);
        }

        return w;
    }
}
