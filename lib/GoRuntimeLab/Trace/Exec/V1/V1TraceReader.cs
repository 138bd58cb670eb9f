// Mirrors: internal/trace/parser.go (through V1Parser: readTrace, parseEvents) and the event-count effect of order1007 / removeFutile
// (Go 1.19; Go 1.21's copy differs only in accepting version 1021 and in its STW kinds and names), for formats 1.7-1.21.
// Simplifies: one streaming pass; the cross-P ordering and goroutine-state checks (order1007, postProcessTrace) are not
// replayed — they need every event in memory and change no count (see the class remarks).

namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>
/// Reads an execution trace of the format used from Go 1.7 to Go 1.21 ("go 1.19 trace", "go 1.21 trace") in one
/// streaming pass and counts its events as <c>go tool trace -d</c> of that Go release prints them.
/// </summary>
/// <remarks>
/// <para>What <c>go tool trace -d</c> prints (cmd/trace main.go → internal/trace.Parse → Print): every event of
/// parseEvents except the dictionary and framing records (Batch, Frequency, Stack, String, TimerGoroutine), after
/// order1007 renamed GoStartLocal, GoUnblockLocal and GoSysExitLocal to GoStart, GoUnblock and GoSysExit, and after
/// removeFutile dropped futile wake-up sequences. The runtimes that write these formats (1.7-1.21) never set
/// traceFutileWakeup, so no FutileWakeup event occurs in their traces; a FutileWakeup is refused here, because which
/// events removeFutile drops depends on the merged order of every P's batches. The GoWaiting and GoInSyscall events of
/// goroutines that exist when tracing starts are written by the runtime (runtime/trace.go StartTrace) in this format,
/// not synthesized by the parser, so they are counted as read.</para>
/// <para>Memory: the reader holds a 64 KiB buffer, the ids of the string dictionary (to refuse duplicates as
/// readTrace does), the last goroutine of each P, and the sets of Ps and goroutines it reports — never the events,
/// so a 100 MB trace costs what a 1 MB trace of the same program costs. What it therefore does not do is parser.go's
/// merge of the per-P batches in a consistent order (order1007) and its replay of goroutine states
/// (postProcessTrace): a trace that <c>go tool trace</c> rejects as inconsistent ("no consistent ordering of events
/// possible", "g 5 is not runnable before start") is counted here all the same. Those steps reorder and link events
/// but add or drop none, so the counts of every trace Go accepts are the same.</para>
/// <para>Timestamps: as parseEvents does, each event's tick is its batch's base plus the deltas before it; CPU
/// samples take the tick of the signal handler, and GoSysExit (not GoSysExitLocal, whose third argument parser.go
/// never reads) its real exit tick when non-zero (order1007). The duration is (last − first tick) × 1e9 / frequency,
/// computed in float64 as parseEvents converts each event.</para>
/// </remarks>
public static class V1TraceReader
{
    /// <summary>The format versions parser.go readTrace accepts, 1.7 onwards (1.5 needs the program's binary).</summary>
    public static bool Supports(ExecTraceHeader header) => V1Parser.Supports(header);

    /// <summary>
    /// Reads the events after the 16-byte header (the stream is just after it, as <see cref="ExecTraceHeader.Read"/>
    /// leaves it) and returns their counts, span, Ps and goroutines.
    /// </summary>
    /// <exception cref="ExecTraceFormatException">Truncated or corrupt, with the byte offset of the event at fault.</exception>
    public static ExecTraceStats ReadStats(Stream stream, string source, ExecTraceHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var counter = new Counter();
        var ticksPerSec = V1Parser.Read(stream, source, header, counter);
        var ver = header.Major * 1000 + header.Minor;

        // parseEvents: ev.Ts = int64(float64(ev.Ts-minTs) * (1e9 / float64(ticksPerSec))).
        var freq = 1e9 / ticksPerSec;
        var durationNs = (long)((double)unchecked(counter.MaxTs - counter.MinTs) * freq);
        var byName = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var t = 0; t < counter.Counts.Length; t++)
            if (counter.Counts[t] > 0) byName[V1EventTypes.Name(t, ver)] = counter.Counts[t];
        return new ExecTraceStats(header.Version, durationNs, counter.Procs.Count, counter.Goroutines.Count, byName);
    }

    // Counts, the tick span, Ps and goroutines: what the statistics need, nothing per event.
    private sealed class Counter : IV1Sink
    {
        public long[] Counts { get; } = new long[V1EventTypes.Count];
        public HashSet<long> Procs { get; } = [];
        public HashSet<ulong> Goroutines { get; } = [];
        public long MinTs { get; private set; } = long.MaxValue;
        public long MaxTs { get; private set; } = long.MinValue;

        public bool WantsTables => false;

        public void String(ulong id, byte[] text) { }

        public void Stack(ulong id, ReadOnlySpan<ulong> frames) { }

        public void TimerGoroutine(ulong g) { }

        public void Event(in V1RawEvent e)
        {
            // order1007 renames the Local variants, which exist only to order events, and gives GoSysExit (not
            // GoSysExitLocal, whose third argument it never reads) the real exit tick when the runtime recorded one.
            var at = e.Type == V1EventTypes.GoSysExit && e.A2 != 0 ? (long)e.A2 : e.Ts;
            var counted = e.Type switch
            {
                V1EventTypes.GoStartLocal => V1EventTypes.GoStart,
                V1EventTypes.GoUnblockLocal => V1EventTypes.GoUnblock,
                V1EventTypes.GoSysExitLocal => V1EventTypes.GoSysExit,
                _ => e.Type,
            };
            Counts[counted]++;
            if (at < MinTs) MinTs = at;
            if (at > MaxTs) MaxTs = at;
            if (e.Type != V1EventTypes.CPUSample && e.P >= 0 && e.P < V1Parser.FakeP) Procs.Add(e.P);
            if (e.G != 0) Goroutines.Add(e.G);
            if (e.Type == V1EventTypes.GoCreate && e.A0 != 0) Goroutines.Add(e.A0);
        }
    }
}
