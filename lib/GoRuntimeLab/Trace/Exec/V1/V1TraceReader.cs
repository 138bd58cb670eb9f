// Mirrors: internal/trace/parser.go readTrace, parseEvents and the event-count effect of order1007 / removeFutile
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
    // parser.go: Special P identifiers start at FakeP = 1000000 (TimerP, NetpollP, SyscallP, GCP, ProfileP).
    private const long FakeP = 1_000_000;

    // Every argument an event of a known type can need (Stack keeps only id and size; the rest are counted).
    private const int KeptArgs = 6;

    /// <summary>The format versions parser.go readTrace accepts, 1.7 onwards (1.5 needs the program's binary).</summary>
    public static bool Supports(ExecTraceHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Major == 1 && header.Minor is 7 or 8 or 9 or 10 or 11 or 19 or 21;
    }

    /// <summary>
    /// Reads the events after the 16-byte header (the stream is just after it, as <see cref="ExecTraceHeader.Read"/>
    /// leaves it) and returns their counts, span, Ps and goroutines.
    /// </summary>
    /// <exception cref="ExecTraceFormatException">Truncated or corrupt, with the byte offset of the event at fault.</exception>
    public static ExecTraceStats ReadStats(Stream stream, string source, ExecTraceHeader header)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(header);
        if (header.Major == 1 && header.Minor is 5 or 6)
            throw ExecTraceFormatException.At(source, 0, $"a Go {header.Version} trace: traces of Go 1.6 and older need the program's binary to be read (parser.go Parse), which the kit does not do");
        if (!Supports(header))
            throw ExecTraceFormatException.At(source, 0, $"unsupported trace file version {header.Version} (parser.go of Go 1.19 and 1.21 reads 1.7-1.11, 1.19 and 1.21)");
        var ver = header.Major * 1000 + header.Minor;

        var reader = new V1ByteReader(stream, source, ExecTraceHeader.Length);
        var args = new ulong[KeptArgs];
        var counts = new long[V1EventTypes.Count];
        var stringIds = new HashSet<ulong>();
        var lastGs = new Dictionary<long, ulong>();
        var procs = new HashSet<long>();
        var goroutines = new HashSet<ulong>();
        long lastP = 0, lastTs = 0, ticksPerSec = 0;
        ulong lastG = 0;
        long minTs = long.MaxValue, maxTs = long.MinValue, events = 0;

        while (true)
        {
            // readTrace: event type and number of arguments in one byte.
            var off0 = reader.Offset;
            var b = reader.ReadByte();
            if (b < 0) break;
            var typ = b & 0x3f;
            var narg = (b >> 6) + 1;
            const int inlineArgs = 4;
            if (typ == V1EventTypes.None || typ >= V1EventTypes.Count || V1EventTypes.MinVersion(typ) > ver)
                throw ExecTraceFormatException.At(source, off0, $"unknown event type {typ} (byte 0x{b:x2}) in a Go {header.Version} trace");
            var name = V1EventTypes.Name(typ, ver);
            var what = V1EventTypes.Phrase(typ, ver);

            if (typ == V1EventTypes.String)
            {
                // String dictionary entry [ID, length, string].
                var id = reader.ReadValue(off0, "a String entry");
                if (id == 0) throw ExecTraceFormatException.At(source, off0, "string has invalid id 0");
                if (!stringIds.Add(id)) throw ExecTraceFormatException.At(source, off0, $"string has duplicate id {id}");
                var ln = reader.ReadValue(off0, "a String entry");
                if (ln == 0) throw ExecTraceFormatException.At(source, off0, "string has invalid length 0");
                if (ln > 1_000_000) throw ExecTraceFormatException.At(source, off0, $"string has too large length {ln}");
                reader.Skip(ln, off0, "a String entry");
                continue;
            }

            var count = 0;
            if (narg < inlineArgs)
            {
                for (var i = 0; i < narg; i++) Keep(args, ref count, reader.ReadValue(off0, what));
            }
            else
            {
                // More than inlineArgs args: the first value is the length of the event in bytes.
                var evLen = reader.ReadValue(off0, what);
                var off1 = reader.Offset;
                while (evLen > (ulong)(reader.Offset - off1)) Keep(args, ref count, reader.ReadValue(off0, what));
                if (evLen != (ulong)(reader.Offset - off1))
                    throw ExecTraceFormatException.At(source, off0, $"event has wrong length: want {evLen}, got {reader.Offset - off1}");
            }

            if (typ == V1EventTypes.UserLog)
            {
                // EvUserLog records are followed by a value string. (readTrace ignores a failure to read it and goes on
                // reading the string's bytes as events; a truncated or oversized value is an error here.)
                var sz = reader.ReadValue(off0, "a UserLog value");
                if (sz > 1_000_000) throw ExecTraceFormatException.At(source, off0, $"UserLog value string is too large (len={sz})");
                reader.Skip(sz, off0, "a UserLog value");
            }

            // parseEvents.
            var want = V1EventTypes.ArgNum(typ, ver, count);
            if (count != want)
                throw ExecTraceFormatException.At(source, off0, $"{name} has wrong number of arguments: want {want}, got {count}");
            switch (typ)
            {
                case V1EventTypes.Batch:
                    lastGs[lastP] = lastG;
                    lastP = (long)args[0];
                    lastG = lastGs.GetValueOrDefault(lastP);
                    lastTs = (long)args[1];
                    continue;
                case V1EventTypes.Frequency:
                    ticksPerSec = (long)args[0];
                    // The most likely cause is tick skew on different CPUs (parser.go returns ErrTimeOrder).
                    if (ticksPerSec <= 0) throw ExecTraceFormatException.At(source, off0, $"time stamps out of order: frequency {ticksPerSec} ticks per second");
                    continue;
                case V1EventTypes.TimerGoroutine:
                    continue;
                case V1EventTypes.Stack:
                    if (count < 2) throw ExecTraceFormatException.At(source, off0, $"EvStack has wrong number of arguments: want at least 2, got {count}");
                    var size = args[1];
                    if (size > 1000) throw ExecTraceFormatException.At(source, off0, $"EvStack has bad number of frames: {size}");
                    if ((ulong)count != 2 + 4 * size)
                        throw ExecTraceFormatException.At(source, off0, $"EvStack has wrong number of arguments: want {2 + 4 * size}, got {count}");
                    continue;
                case V1EventTypes.FutileWakeup:
                    throw ExecTraceFormatException.At(source, off0,
                        "FutileWakeup event: no Go from 1.7 to 1.21 writes it, and removing futile wake-ups (parser.go removeFutile) needs the whole trace in order");
            }

            // An event: timestamp delta, arguments, stack id (last, when the type has one).
            var ts = lastTs + (long)args[0];
            lastTs = ts;
            var a0 = count > 1 ? args[1] : 0;
            var a1 = count > 2 ? args[2] : 0;
            var a2 = count > 3 ? args[3] : 0;
            var p = lastP;
            var g = lastG;
            var at = ts;
            switch (typ)
            {
                case V1EventTypes.GoStart or V1EventTypes.GoStartLocal or V1EventTypes.GoStartLabel:
                    lastG = a0;
                    g = a0;
                    break;
                case V1EventTypes.GCSTWStart:
                    g = 0;
                    if (ver < 1021 && a0 > 1) throw ExecTraceFormatException.At(source, off0, $"unknown STW kind {a0}");
                    break;
                case V1EventTypes.GCStart or V1EventTypes.GCDone or V1EventTypes.GCSTWDone:
                    g = 0;
                    break;
                case >= V1EventTypes.GoEnd and <= 20 or >= 22 and <= 27 or V1EventTypes.GoSysBlock or V1EventTypes.GoBlockGC:
                    // GoEnd, GoStop, GoSched, GoPreempt, GoSleep, GoBlock, GoBlockSend … GoBlockNet, GoSysBlock, GoBlockGC.
                    lastG = 0;
                    break;
                case V1EventTypes.GoSysExit:
                    g = a0;
                    // order1007: the exit gets its real timestamp (Args[2]) when the runtime recorded one.
                    if (a2 != 0) at = (long)a2;
                    break;
                case V1EventTypes.GoWaiting or V1EventTypes.GoInSyscall:
                    g = a0;
                    break;
                case V1EventTypes.CPUSample:
                    at = (long)a0;
                    p = (long)a1;
                    g = a2;
                    break;
            }

            // order1007 renames the Local variants, which exist only to order events.
            var counted = typ switch
            {
                V1EventTypes.GoStartLocal => V1EventTypes.GoStart,
                V1EventTypes.GoUnblockLocal => V1EventTypes.GoUnblock,
                V1EventTypes.GoSysExitLocal => V1EventTypes.GoSysExit,
                _ => typ,
            };
            counts[counted]++;
            events++;
            if (at < minTs) minTs = at;
            if (at > maxTs) maxTs = at;
            if (typ != V1EventTypes.CPUSample && p >= 0 && p < FakeP) procs.Add(p);
            if (g != 0) goroutines.Add(g);
            if (typ == V1EventTypes.GoCreate && a0 != 0) goroutines.Add(a0);
        }

        if (events == 0) throw ExecTraceFormatException.At(source, reader.Offset, "trace is empty");
        if (ticksPerSec == 0) throw ExecTraceFormatException.At(source, reader.Offset, "no EvFrequency event");

        // parseEvents: ev.Ts = int64(float64(ev.Ts-minTs) * (1e9 / float64(ticksPerSec))).
        var freq = 1e9 / ticksPerSec;
        var durationNs = (long)((double)unchecked(maxTs - minTs) * freq);
        var byName = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var t = 0; t < counts.Length; t++)
            if (counts[t] > 0) byName[V1EventTypes.Name(t, ver)] = counts[t];
        return new ExecTraceStats(header.Version, durationNs, procs.Count, goroutines.Count, byName);
    }

    private static void Keep(ulong[] args, ref int count, ulong value)
    {
        if (count < args.Length) args[count] = value;
        count++;
    }
}
