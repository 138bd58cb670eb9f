// Mirrors: internal/trace/v2 generation.go readGeneration, processBatch, addStrings, addStacks, addCPUSamples,
// parseFreq and batch.go readBatch (Go 1.22.12; internal/trace in Go 1.23.5 the same, plus experimental batches,
// which are skipped here as the summaries do not use them).
namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// Reads a Go 1.22+ trace one generation at a time: the batches of a generation until the first batch of the next
/// (which is kept, "spilled", for the next call), as Go's reader does; memory is bounded by one generation.
/// </summary>
internal sealed class V2GenerationReader
{
    private readonly V2ByteSource _src;
    private readonly string _source;
    private readonly IReadOnlyList<V2EventSpec?> _specs;
    private (ulong Gen, ulong M, ulong Time, byte[] Data, long Offset, long HeaderOffset, bool Experimental)? _spill;
    private bool _eof;
    private ExecTraceFormatException? _spillError;

    public V2GenerationReader(Stream stream, string source, int minor)
    {
        _src = new V2ByteSource(stream, ExecTraceHeader.Length);
        _source = source;
        _specs = V2EventSpecs.For(minor);
    }

    /// <summary>The next generation, or null at the end of the file.</summary>
    /// <exception cref="ExecTraceFormatException">A truncated or corrupt batch or table (with the byte offset).</exception>
    public V2Tables? Next()
    {
        if (_spillError is { } pending) throw pending;
        if (_eof && _spill is null) return null;
        V2Tables? g = null;
        if (_spill is { } s)
        {
            _spill = null;
            g = new V2Tables(s.Gen);
            Process(g, s.M, s.Time, s.Data, s.Offset, s.Experimental);
        }
        var end = _src.Offset;
        while (!_eof)
        {
            (ulong Gen, ulong M, ulong Time, byte[] Data, long Offset, long HeaderOffset, bool Experimental)? b;
            try
            {
                b = ReadBatch();
            }
            catch (ExecTraceFormatException e) when (g is not null)
            {
                // Go 1.23 reader.go spillErr: a generation whose following batch cannot be read is still returned
                // (and ordered); the error comes when the next generation is asked for.
                _spillError = e;
                _eof = true;
                break;
            }
            if (b is null)
            {
                _eof = true;
                break;
            }
            var (gen, m, time, data, offset, headerOffset, experimental) = b.Value;
            end = headerOffset;
            if (gen == 0) throw Error(headerOffset, "invalid generation number 0");
            g ??= new V2Tables(gen);
            if (gen == g.Number + 1)
            {
                _spill = b;
                break;
            }
            if (gen != g.Number) throw Error(headerOffset, $"generations out of order: a batch of generation {gen} in generation {g.Number}");
            Process(g, m, time, data, offset, experimental);
            end = _src.Offset;
        }
        if (g is null)
        {
            if (end == ExecTraceHeader.Length) throw Error(end, "the trace holds no batches (no frequency event found)");
            return null;
        }
        if (g.Frequency == 0) throw Error(end, $"generation {g.Number} has no frequency event (no frequency event found)");
        // generation.go validateStackStrings: every frame's func and file strings exist.
        foreach (var (id, frames) in g.RawStacks)
            foreach (var f in frames)
                if (g.Str(f.Func) is null || g.Str(f.File) is null)
                    throw Error(end, $"found invalid string ID for a frame of stack {id} at pc {f.Pc:x} (generation {g.Number})");
        g.Seal();
        return g;
    }

    // batch.go readBatch.
    private (ulong Gen, ulong M, ulong Time, byte[] Data, long Offset, long HeaderOffset, bool Experimental)? ReadBatch()
    {
        var at = _src.Offset;
        var b = _src.ReadByte();
        if (b < 0) return null;
        var experimental = b == V2EventSpecs.EvExperimentalBatch && _specs.Count > b && _specs[b] is not null;
        if (b != V2EventSpecs.EvEventBatch && !experimental) throw Error(at, $"expected batch event, got {TypeName(b)}");
        if (experimental && _src.ReadByte() < 0) throw Error(_src.Offset, "file ends inside a batch header (experiment ID)");
        var gen = Uvarint("batch gen");
        var m = Uvarint("batch M ID");
        var ts = Uvarint("batch timestamp");
        var sizeAt = _src.Offset;
        var size = Uvarint("batch size");
        if (size > V2EventSpecs.MaxBatchSize) throw Error(sizeAt, $"invalid batch size {size}, maximum is {V2EventSpecs.MaxBatchSize}");
        var dataAt = _src.Offset;
        var data = new byte[(int)size];
        var n = experimental ? (int)_src.Skip((long)size) : _src.ReadInto(data);
        if (n != (int)size) throw Error(dataAt + n, $"failed to read full batch: read {n} but wanted {size}");
        return (gen, m, ts, experimental ? [] : data, dataAt, at, experimental);
    }

    // generation.go processBatch: the batch's first byte says what it holds.
    private void Process(V2Tables g, ulong m, ulong time, byte[] data, long offset, bool experimental)
    {
        if (experimental) return;
        if (data.Length == 0)
        {
            Add(g, m, time, data, offset);
            return;
        }
        switch (data[0])
        {
            case V2EventSpecs.EvStrings: Strings(g, data, offset); break;
            case V2EventSpecs.EvStacks: Stacks(g, data, offset); break;
            case V2EventSpecs.EvCPUSamples: CpuSamples(g, data, offset); break;
            case V2EventSpecs.EvFrequency:
                {
                    var i = 1;
                    var freq = Arg(data, ref i, offset, "Frequency freq");
                    if (freq == 0) throw Error(offset + 1, "invalid frequency 0 ticks per second");
                    if (g.Frequency != 0) throw Error(offset, "found multiple frequency events");
                    g.Frequency = freq;
                    break;
                }
            default: Add(g, m, time, data, offset); break;
        }
    }

    private static void Add(V2Tables g, ulong m, ulong time, byte[] data, long offset)
    {
        if (!g.Batches.TryGetValue(m, out var list)) g.Batches[m] = list = [];
        list.Add(new V2Batch(time, data, offset));
    }

    // generation.go addStrings.
    private void Strings(V2Tables g, byte[] data, long offset)
    {
        var i = 1;
        while (i < data.Length)
        {
            var at = offset + i;
            if (data[i] != V2EventSpecs.EvString) throw Error(at, $"expected string event, got {TypeName(data[i])}");
            i++;
            var id = Arg(data, ref i, offset, "String id");
            var len = Arg(data, ref i, offset, "String length");
            if (len > V2EventSpecs.MaxStringSize) throw Error(offset + i, $"invalid string size {len}, maximum is {V2EventSpecs.MaxStringSize}");
            if ((ulong)(data.Length - i) < len) throw Error(offset + data.Length, $"failed to read full string: read {data.Length - i} but wanted {len}");
            var s = System.Text.Encoding.UTF8.GetString(data, i, (int)len);
            i += (int)len;
            if (id == 0 || !g.Strings.TryAdd(id, s)) throw Error(at, $"multiple strings with the same ID: id={id}");
        }
    }

    // generation.go addStacks.
    private void Stacks(V2Tables g, byte[] data, long offset)
    {
        var i = 1;
        while (i < data.Length)
        {
            var at = offset + i;
            if (data[i] != V2EventSpecs.EvStack) throw Error(at, $"expected stack event, got {TypeName(data[i])}");
            i++;
            var id = Arg(data, ref i, offset, "Stack id");
            var n = Arg(data, ref i, offset, "Stack nframes");
            if (n > V2EventSpecs.MaxFramesPerStack) throw Error(offset + i, $"invalid stack size {n}, maximum is {V2EventSpecs.MaxFramesPerStack}");
            var frames = new (ulong, ulong, ulong, ulong)[(int)n];
            for (var f = 0; f < frames.Length; f++)
                frames[f] = (Arg(data, ref i, offset, "Stack frame pc"), Arg(data, ref i, offset, "Stack frame func"),
                    Arg(data, ref i, offset, "Stack frame file"), Arg(data, ref i, offset, "Stack frame line"));
            if (id == 0 || !g.RawStacks.TryAdd(id, frames)) throw Error(at, $"multiple stacks with the same ID: id={id}");
        }
    }

    // generation.go addCPUSamples: [timestamp, M, P, G, stack].
    private void CpuSamples(V2Tables g, byte[] data, long offset)
    {
        var i = 1;
        while (i < data.Length)
        {
            if (data[i] != V2EventSpecs.EvCPUSample) throw Error(offset + i, $"expected CPU sample event, got {TypeName(data[i])}");
            i++;
            var ts = Arg(data, ref i, offset, "CPUSample time");
            var m = Arg(data, ref i, offset, "CPUSample m");
            var p = Arg(data, ref i, offset, "CPUSample p");
            var gid = Arg(data, ref i, offset, "CPUSample g");
            var stk = Arg(data, ref i, offset, "CPUSample stack");
            g.CpuSamples.Add(((long)ts, (long)m, (long)p, (long)gid, stk));
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

    private ulong Arg(byte[] data, ref int i, long offset, string what)
    {
        var n = V2ByteSource.Uvarint(data.AsSpan(i), out var v);
        if (n == 0) throw Error(offset + data.Length, $"{what}: the batch ends inside the value (found invalid uvarint)");
        if (n < 0) throw Error(offset + i, $"{what}: varint overflows a 64-bit integer");
        i += n;
        return v;
    }

    private string TypeName(int b) => b < _specs.Count && _specs[b] is { } s ? s.Name : $"Invalid({b})";

    private ExecTraceFormatException Error(long offset, string what) => ExecTraceFormatException.At(_source, offset, what);
}
