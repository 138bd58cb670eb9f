namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// Reads the statistics of a Go 1.22 / 1.23 execution trace (the generation-based format of runtime/trace2.go, parsed
/// by internal/trace/v2 in Go 1.22 and internal/trace in Go 1.23), streaming: one batch at a time through a 64 KiB
/// buffer, keeping of each generation only its table IDs and the batches that bound its time span.
/// </summary>
/// <remarks>
/// <para>
/// <b>Which events are counted.</b> For these traces <c>go tool trace -d=2</c> (cmd/trace/v2/main.go debugRawEvents
/// in 1.22, cmd/trace/main.go debugRawEvents in 1.23) prints every event on the wire, one per line, by its
/// event.Spec.Name: the batch headers (EventBatch, ExperimentalBatch), the table sections and entries (Stacks, Stack,
/// Strings, String), the CPU samples (CPUSamples, CPUSample), the Frequency, and every timed event (GoCreate,
/// ProcStatus, HeapAlloc, …); stack frames and string data go on indented continuation lines, and the contents of an
/// experimental batch are printed as its data. <see cref="ExecTraceStats.Events"/> holds exactly those counts, as
/// <c>go tool trace -d=2 FILE | grep -v '^[[:space:]]' | awk '{print $1}' | sort | uniq -c</c> gives them (the
/// oracle in data/recordings/trace-v2). <c>-d=1</c> prints the parser's high-level events instead (StateTransition,
/// RangeBegin, Sync, …), whose kinds do not name event types; the kit does not count those.
/// </para>
/// <para>
/// <b>Duration</b> is the span of the parsed events, as <c>go tool trace -d=1</c> shows it: from the earliest event to
/// one nanosecond after the latest (the parser's closing Sync event, reader.go ReadEvent, takes lastTs+1), each time
/// converted with the generation's Frequency as batchcursor.go nextEvent and base.go frequency.mul do. The parser
/// also nudges equal timestamps apart by 1 ns when it orders events across Ms; the kit does not replay the ordering,
/// so its span can be a few nanoseconds shorter. <b>Procs</b> and <b>goroutines</b> are the distinct P and G IDs the
/// timed events name (p of ProcStart/ProcSteal/ProcStatus/GCSweepActive; g or new_g of the goroutine events).
/// </para>
/// <para>
/// <b>Errors.</b> Every structural check of Go's reader is made (batch.go readBatch; generation.go readGeneration,
/// addStrings, addStacks, addCPUSamples, parseFreq, validateStackStrings; batchcursor.go readTimedBaseEvent; event.go
/// validateTableIDs) and fails with an <see cref="ExecTraceFormatException"/> at the byte offset concerned. The
/// state machine of order.go (whether a goroutine may start, a P be stolen, …) is not replayed, so a file whose
/// structure is sound but whose events contradict each other reads here and fails in Go.
/// </para>
/// </remarks>
public sealed class V2TraceReader
{
    private readonly V2ByteSource _src;
    private readonly string _source;
    private readonly IReadOnlyList<V2EventSpec?> _specs;
    private readonly TimedTable _table;
    private readonly long[] _counts = new long[256];
    private readonly V2IdSet _goroutines = new();
    private readonly V2IdSet _procs = new();
    private readonly V2Generation _gen = new();
    private readonly byte[] _data = new byte[V2EventSpecs.MaxBatchSize];
    private List<ulong> _deltas;
    private bool _inGeneration;
    private long _min = long.MaxValue, _max = long.MinValue;

    private V2TraceReader(Stream stream, string source, int minor)
    {
        _src = new V2ByteSource(stream, ExecTraceHeader.Length);
        _source = source;
        _specs = V2EventSpecs.For(minor);
        _table = minor == 22 ? Table122 : Table123;
        _deltas = _gen.RentDeltas();
    }

    /// <summary>
    /// Reads the rest of a Go 1.22+ trace whose header was just read from <paramref name="stream"/>, and returns its
    /// statistics. Throws <see cref="ExecTraceFormatException"/> (with the byte offset) on a truncated or corrupt file.
    /// </summary>
    /// <param name="stream">The trace, positioned right after its 16-byte header.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <param name="header">The header read from the stream (go 1.22 or go 1.23).</param>
    public static ExecTraceStats ReadStats(Stream stream, string source, ExecTraceHeader header)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(header);
        if (header.Major != 1 || !V2EventSpecs.Supports(header.Minor))
            throw ExecTraceFormatException.At(source, 0, $"unsupported trace version go {header.Version}: the generation-based format is read for go 1.22 and 1.23");
        return new V2TraceReader(stream, source, header.Minor).Run(header);
    }

    private ExecTraceStats Run(ExecTraceHeader header)
    {
        while (ReadBatch())
        {
        }
        if (!_inGeneration) throw Error(_src.Offset, "the trace holds no batches (no frequency event found)");
        FinishGeneration(_src.Offset);

        var events = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var t = 0; t < _counts.Length; t++)
            if (_counts[t] > 0) events[_specs[t]!.Name] = _counts[t];
        var duration = _min == long.MaxValue ? 0 : unchecked(_max + 1 - _min);
        return new ExecTraceStats(header.Version, duration, _procs.Count, _goroutines.Count, events);
    }

    // batch.go readBatch and generation.go readGeneration: one batch header, its data, and the generation it belongs to.
    private bool ReadBatch()
    {
        var batchOffset = _src.Offset;
        var b = _src.ReadByte();
        if (b < 0) return false;
        var experimental = b == V2EventSpecs.EvExperimentalBatch && _specs.Count > b && _specs[b] is not null;
        if (b != V2EventSpecs.EvEventBatch && !experimental)
            throw Error(batchOffset, $"expected batch event, got {TypeName(b)}");
        if (experimental && _src.ReadByte() < 0) throw Error(_src.Offset, "file ends inside a batch header (experiment ID)");

        var genOffset = _src.Offset;
        var gen = Uvarint("batch gen");
        var m = Uvarint("batch M ID");
        var ts = Uvarint("batch timestamp");
        var sizeOffset = _src.Offset;
        var size = Uvarint("batch size");
        if (size > V2EventSpecs.MaxBatchSize)
            throw Error(sizeOffset, $"invalid batch size {size}, maximum is {V2EventSpecs.MaxBatchSize}");
        var dataOffset = _src.Offset;
        var n = experimental ? _src.Skip((long)size) : _src.ReadInto(_data.AsSpan(0, (int)size));
        if (n != (long)size) throw Error(dataOffset + n, $"failed to read full batch: read {n} but wanted {size}");

        if (gen == 0) throw Error(genOffset, "invalid generation number 0");
        if (!_inGeneration)
        {
            _gen.Reset(gen);
            _inGeneration = true;
        }
        else if (gen == _gen.Number + 1)
        {
            FinishGeneration(batchOffset);
            _gen.Reset(gen);
        }
        else if (gen != _gen.Number)
        {
            throw Error(genOffset, $"generations out of order: a batch of generation {gen} in generation {_gen.Number}");
        }

        _counts[b]++;
        if (!experimental) ProcessBatch(_data.AsSpan(0, (int)size), dataOffset, m, ts);
        return true;
    }

    // generation.go processBatch: the batch's first byte says what it holds.
    private void ProcessBatch(ReadOnlySpan<byte> data, long offset, ulong m, ulong baseTicks)
    {
        if (data.Length == 0) return;
        switch (data[0])
        {
            case V2EventSpecs.EvStrings: ReadStrings(data, offset); break;
            case V2EventSpecs.EvStacks: ReadStacks(data, offset); break;
            case V2EventSpecs.EvCPUSamples: ReadCpuSamples(data, offset); break;
            case V2EventSpecs.EvFrequency: ReadFrequency(data, offset); break;
            default: ReadTimedEvents(data, offset, m, baseTicks); break;
        }
    }

    // generation.go addStrings.
    private void ReadStrings(ReadOnlySpan<byte> data, long offset)
    {
        _counts[V2EventSpecs.EvStrings]++;
        var i = 1;
        while (i < data.Length)
        {
            var at = offset + i;
            if (data[i] != V2EventSpecs.EvString) throw Error(at, $"expected string event, got {TypeName(data[i])}");
            i++;
            var id = Arg(data, ref i, offset, "String", "id");
            var len = Arg(data, ref i, offset, "String", "length");
            if (len > V2EventSpecs.MaxStringSize) throw Error(offset + i, $"invalid string size {len}, maximum is {V2EventSpecs.MaxStringSize}");
            if ((ulong)(data.Length - i) < len) throw Error(offset + data.Length, $"failed to read full string: read {data.Length - i} but wanted {len}");
            i += (int)len;
            if (!_gen.AddString(id)) throw Error(at, $"multiple strings with the same ID: id={id}");
            _counts[V2EventSpecs.EvString]++;
        }
    }

    // generation.go addStacks.
    private void ReadStacks(ReadOnlySpan<byte> data, long offset)
    {
        _counts[V2EventSpecs.EvStacks]++;
        var i = 1;
        while (i < data.Length)
        {
            var at = offset + i;
            if (data[i] != V2EventSpecs.EvStack) throw Error(at, $"expected stack event, got {TypeName(data[i])}");
            i++;
            var id = Arg(data, ref i, offset, "Stack", "id");
            var nFrames = Arg(data, ref i, offset, "Stack", "nframes");
            if (nFrames > V2EventSpecs.MaxFramesPerStack)
                throw Error(offset + i, $"invalid stack size {nFrames}, maximum is {V2EventSpecs.MaxFramesPerStack}");
            for (var f = 0UL; f < nFrames; f++)
            {
                var frameAt = offset + i;
                var pc = Arg(data, ref i, offset, "Stack", "frame pc");
                var funcId = Arg(data, ref i, offset, "Stack", "frame func");
                var fileId = Arg(data, ref i, offset, "Stack", "frame file");
                Arg(data, ref i, offset, "Stack", "frame line");
                _gen.AddFrame(pc, funcId, fileId, frameAt);
            }
            if (!_gen.AddStack(id)) throw Error(at, $"multiple stacks with the same ID: id={id}");
            _counts[V2EventSpecs.EvStack]++;
        }
    }

    // generation.go addCPUSamples: [timestamp, M, P, G, stack].
    private void ReadCpuSamples(ReadOnlySpan<byte> data, long offset)
    {
        _counts[V2EventSpecs.EvCPUSamples]++;
        var i = 1;
        while (i < data.Length)
        {
            if (data[i] != V2EventSpecs.EvCPUSample) throw Error(offset + i, $"expected CPU sample event, got {TypeName(data[i])}");
            i++;
            var ts = Arg(data, ref i, offset, "CPUSample", "time");
            for (var a = 0; a < 4; a++) Arg(data, ref i, offset, "CPUSample", "m/p/g/stack");
            _gen.AddCpuSample(ts);
            _counts[V2EventSpecs.EvCPUSample]++;
        }
    }

    // generation.go parseFreq.
    private void ReadFrequency(ReadOnlySpan<byte> data, long offset)
    {
        var i = 1;
        var freq = Arg(data, ref i, offset, "Frequency", "freq");
        // Go reads the value and ignores what follows; go tool trace -d=2 would print what follows as events, so the
        // kit, which counts what -d=2 prints, refuses it. Go accepts 0 (and divides by it); the kit refuses that too.
        if (i != data.Length) throw Error(offset + i, $"{data.Length - i} unexpected bytes after the Frequency event");
        if (freq == 0) throw Error(offset + 1, "invalid frequency 0 ticks per second");
        if (!_gen.TrySetFrequency(freq)) throw Error(offset, "found multiple frequency events");
        _counts[V2EventSpecs.EvFrequency]++;
    }

    // batchcursor.go readTimedBaseEvent, over a whole batch; event.go validateTableIDs deferred to the generation's end.
    private void ReadTimedEvents(ReadOnlySpan<byte> data, long offset, ulong m, ulong baseTicks)
    {
        Span<ulong> args = stackalloc ulong[8];
        var table = _table;
        var i = 0;
        while (i < data.Length)
        {
            var at = offset + i;
            var typ = data[i];
            var nargs = table.ArgCount[typ];
            if (nargs == 0) throw Error(at, _specs.Count > typ && _specs[typ] is { } s ? $"found event without a timestamp: type={s.Name}" : $"found invalid event type: {typ}");
            i++;
            for (var a = 0; a < nargs; a++)
            {
                // Fast path: most arguments (deltas, small IDs) fit one byte.
                if (i < data.Length && data[i] < 0x80) args[a] = data[i++];
                else args[a] = Arg(data, ref i, offset, table.Names[typ], _specs[typ]!.Args[a]);
            }

            _counts[typ]++;
            _deltas.Add(args[0]);
            var g = table.GoroutineArg[typ];
            if (g > 0) _goroutines.Add(args[g]);
            var p = table.ProcArg[typ];
            if (p > 0) _procs.Add(args[p]);
            foreach (var k in table.StackArgs[typ]) _gen.ReferStack(args[k], at, table.Names[typ]);
            foreach (var k in table.StringArgs[typ]) _gen.ReferString(args[k], at, table.Names[typ]);
        }
        _deltas = _gen.AddBatch(m, baseTicks, _deltas);
        _deltas.Clear();
    }

    private void FinishGeneration(long endOffset)
    {
        if (_gen.Validate(endOffset) is { } bad) throw Error(bad.Offset, bad.What);
        if (_gen.TimeSpan() is { } span)
        {
            _min = Math.Min(_min, span.Min);
            _max = Math.Max(_max, span.Max);
        }
    }

    private ulong Uvarint(string what)
    {
        var at = _src.Offset;
        if (_src.TryReadUvarint(out var v, out var overflow)) return v;
        throw overflow
            ? Error(at, $"error reading {what}: varint overflows a 64-bit integer")
            : Error(_src.Offset, $"error reading {what}: unexpected end of file");
    }

    private ulong Arg(ReadOnlySpan<byte> data, ref int i, long offset, string ev, string arg)
    {
        var n = V2ByteSource.Uvarint(data[i..], out var v);
        if (n == 0) throw Error(offset + data.Length, $"{ev} {arg}: the batch ends inside the value (found invalid uvarint)");
        if (n < 0) throw Error(offset + i, $"{ev} {arg}: varint overflows a 64-bit integer");
        i += n;
        return v;
    }

    private string TypeName(int b) => b < _specs.Count && _specs[b] is { } s ? s.Name : $"Invalid({b})";

    private static readonly TimedTable Table122 = new(V2EventSpecs.For(22));
    private static readonly TimedTable Table123 = new(V2EventSpecs.For(23));

    /// <summary>The timed events of a spec table as flat arrays indexed by type byte, for the per-event loop.</summary>
    private sealed class TimedTable
    {
        public readonly int[] ArgCount = new int[256];
        public readonly int[] GoroutineArg = new int[256];
        public readonly int[] ProcArg = new int[256];
        public readonly int[][] StackArgs = new int[256][];
        public readonly int[][] StringArgs = new int[256][];
        public readonly string[] Names = new string[256];

        public TimedTable(IReadOnlyList<V2EventSpec?> specs)
        {
            for (var t = 0; t < 256; t++)
            {
                var s = t < specs.Count ? specs[t] : null;
                var timed = s is { IsTimed: true };
                ArgCount[t] = timed ? s!.Args.Count : 0;
                GoroutineArg[t] = timed ? s!.GoroutineArg : -1;
                ProcArg[t] = timed ? s!.ProcArg : -1;
                StackArgs[t] = timed ? [.. s!.StackArgs] : [];
                StringArgs[t] = timed ? [.. s!.StringArgs] : [];
                Names[t] = s?.Name ?? $"Invalid({t})";
            }
        }
    }

    private ExecTraceFormatException Error(long offset, string what) => ExecTraceFormatException.At(_source, offset, what);
}
