// Mirrors: cmd/trace/v2 main.go parseTrace (Go 1.22.12; cmd/trace main.go in 1.23.5): every event through the
// summarizer (internal/trace summary.go), then the goroutine and task pages, -pprof profiles and the trace view read
// the results. Here the passes run together over one streamed read of the trace.
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>The analyses of a Go 1.22+ trace: goroutine summaries, user tasks, blocking profiles, Chrome trace.</summary>
internal static class V2Analysis
{
    /// <summary>Reads the trace after its header, feeding every event to the summarizer and to <paramref name="also"/>.</summary>
    public static V2Summarizer Run(Stream stream, string source, ExecTraceHeader header, Action<V2Event>? also, out long firstTs)
    {
        var reader = new V2EventReader(stream, source, header);
        var summary = new V2Summarizer(reader.Specs, source);
        firstTs = 0;
        var any = false;
        while (reader.Next() is { } ev)
        {
            if (!any) firstTs = ev.Time;
            any = true;
            summary.Event(ev);
            also?.Invoke(ev);
        }
        summary.Finish();
        return summary;
    }

    public static IReadOnlyList<ExecTraceGoroutine> Goroutines(Stream stream, string source, ExecTraceHeader header)
    {
        var s = Run(stream, source, header, null, out var first);
        long Rel(long t) => t == 0 ? 0 : t - first;
        return [.. s.Goroutines.Values.OrderBy(g => g.Id).Select(g =>
        {
            var st = g.Stats;
            var sync = st.Block.Where(kv => kv.Key.Contains("chan", StringComparison.Ordinal) || kv.Key.Contains("sync", StringComparison.Ordinal) ||
                                            kv.Key.Contains("select", StringComparison.Ordinal)).Sum(kv => kv.Value);
            return new ExecTraceGoroutine((ulong)g.Id, g.Name, Rel(g.Creation), Rel(g.Start), Rel(g.End), st.Exec, st.SchedWait,
                st.Block.GetValueOrDefault("network"), sync, st.Syscall + st.SyscallBlock, st.Range.GetValueOrDefault("GC mark assist"),
                st.Range.GetValueOrDefault("GC incremental sweep"), st.Total)
            {
                BlockByReasonNs = new SortedDictionary<string, long>(st.Block, StringComparer.Ordinal),
                SyscallBlockNs = st.SyscallBlock,
                RangeNs = new SortedDictionary<string, long>(st.Range, StringComparer.Ordinal),
                Regions = g.Regions.Count,
            };
        })];
    }

    public static IReadOnlyList<ExecTraceTask> Tasks(Stream stream, string source, ExecTraceHeader header)
    {
        var s = Run(stream, source, header, null, out var first);
        long Rel(V2Event? e) => e is null ? -1 : e.Time - first;
        return [.. s.Tasks.Values.OrderBy(t => t.Id).Select(t => new ExecTraceTask(t.Id, t.Name, t.Parent?.Id, Rel(t.Start), Rel(t.End),
            [.. t.Logs.Select(l => new ExecTraceLog(l.Time - first, (ulong)l.G, l.Str(1), l.Str(2)))],
            [.. t.Regions.Select(r => new ExecTraceRegion((ulong)r.Goroutine, r.Name, Rel(r.Start), Rel(r.End), r.Stats.Exec, r.Stats.SchedWait))],
            [.. t.Goroutines.Where(g => g >= 0).Select(g => (ulong)g)]))];
    }

    public static PprofProfile Profile(Stream stream, string source, ExecTraceHeader header, ExecTraceProfileKind kind)
    {
        var profiles = new V2Profiles(kind, V2EventSpecs.For(header.Minor));
        var s = Run(stream, source, header, profiles.Event, out _);
        return profiles.Build(s);
    }

    public static ChromeTraceWriter Chrome(Stream stream, string source, ExecTraceHeader header)
    {
        var chrome = new V2ChromeTrace(V2EventSpecs.For(header.Minor));
        var s = Run(stream, source, header, chrome.Event, out var first);
        return chrome.Build(s, first);
    }
}
