// Mirrors: internal/trace/parser.go readTrace and parseEvents (Go 1.19; Go 1.21's copy differs only in accepting
// version 1021 and in its STW kinds and names), for formats 1.7-1.21, in one streaming pass.
namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>
/// The wire format before Go 1.22: after the header, records of one byte (type in the low 6 bits, argument count − 1
/// in the high 2) and base-128 arguments — a length first when there are four or more — plus String entries and the
/// value string of UserLog. Checks what readTrace and parseEvents check, and hands each record to an <see cref="IV1Sink"/>.
/// </summary>
internal static class V1Parser
{
    // parser.go: Special P identifiers start at FakeP = 1000000 (TimerP, NetpollP, SyscallP, GCP, ProfileP).
    public const long FakeP = 1_000_000;

    // Room for the longest event parseEvents accepts: a Stack of 1000 frames (2 + 4 × 1000 arguments).
    private const int KeptArgs = 2 + 4 * 1000;

    /// <summary>The format versions parser.go readTrace accepts, 1.7 onwards (1.5 needs the program's binary).</summary>
    public static bool Supports(ExecTraceHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Major == 1 && header.Minor is 7 or 8 or 9 or 10 or 11 or 19 or 21;
    }

    /// <summary>
    /// Reads the records after the header (the stream is just after it) into <paramref name="sink"/> and returns the
    /// trace's frequency in ticks per second.
    /// </summary>
    /// <exception cref="ExecTraceFormatException">Truncated or corrupt, with the byte offset of the record at fault.</exception>
    public static long Read(Stream stream, string source, ExecTraceHeader header, IV1Sink sink)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(sink);
        if (header.Major == 1 && header.Minor is 5 or 6)
            throw ExecTraceFormatException.At(source, 0, $"a Go {header.Version} trace: traces of Go 1.6 and older need the program's binary to be read (parser.go Parse), which the kit does not do");
        if (!Supports(header))
            throw ExecTraceFormatException.At(source, 0, $"unsupported trace file version {header.Version} (parser.go of Go 1.19 and 1.21 reads 1.7-1.11, 1.19 and 1.21)");
        var ver = header.Major * 1000 + header.Minor;

        var reader = new V1ByteReader(stream, source, ExecTraceHeader.Length);
        var args = new ulong[KeptArgs];
        var stringIds = new HashSet<ulong>();
        var lastGs = new Dictionary<long, ulong>();
        long lastP = 0, lastTs = 0, ticksPerSec = 0, events = 0;
        ulong lastG = 0;

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
                if (sink.WantsTables) sink.String(id, reader.ReadBytes((int)ln, off0, "a String entry"));
                else reader.Skip(ln, off0, "a String entry");
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
                    sink.TimerGoroutine(args[0]);
                    continue;
                case V1EventTypes.Stack:
                    if (count < 2) throw ExecTraceFormatException.At(source, off0, $"EvStack has wrong number of arguments: want at least 2, got {count}");
                    var size = args[1];
                    if (size > 1000) throw ExecTraceFormatException.At(source, off0, $"EvStack has bad number of frames: {size}");
                    if ((ulong)count != 2 + 4 * size)
                        throw ExecTraceFormatException.At(source, off0, $"EvStack has wrong number of arguments: want {2 + 4 * size}, got {count}");
                    if (sink.WantsTables && args[0] != 0 && size > 0) sink.Stack(args[0], args.AsSpan(2, count - 2));
                    continue;
                case V1EventTypes.FutileWakeup:
                    throw ExecTraceFormatException.At(source, off0,
                        "FutileWakeup event: no Go from 1.7 to 1.21 writes it, and removing futile wake-ups (parser.go removeFutile) needs the whole trace in order");
            }

            // An event: timestamp delta, arguments, stack id (last, when the type has one).
            var ts = lastTs + (long)args[0];
            lastTs = ts;
            var hasStack = V1EventTypes.HasStack(typ);
            var plain = count - 1 - (hasStack ? 1 : 0);
            var a0 = plain > 0 ? args[1] : 0;
            var a1 = plain > 1 ? args[2] : 0;
            var a2 = plain > 2 ? args[3] : 0;
            var stk = hasStack ? args[count - 1] : 0;
            var p = lastP;
            var g = lastG;
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
                case V1EventTypes.GoSysExit or V1EventTypes.GoWaiting or V1EventTypes.GoInSyscall:
                    g = a0;
                    break;
                case V1EventTypes.CPUSample:
                    // e.Ts = Args[0] (the signal handler's tick), P = Args[1], G = Args[2], Args[0] = 0.
                    ts = (long)a0;
                    p = (long)a1;
                    g = a2;
                    a0 = 0;
                    break;
            }
            events++;
            sink.Event(new V1RawEvent(off0, typ, ts, p, g, a0, a1, a2, stk));
        }

        if (events == 0) throw ExecTraceFormatException.At(source, reader.Offset, "trace is empty");
        if (ticksPerSec == 0) throw ExecTraceFormatException.At(source, reader.Offset, "no EvFrequency event");
        return ticksPerSec;
    }

    private static void Keep(ulong[] args, ref int count, ulong value)
    {
        if (count < args.Length) args[count] = value;
        count++;
    }
}
