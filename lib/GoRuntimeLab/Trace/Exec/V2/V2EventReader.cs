// Mirrors: internal/trace/v2 reader.go Reader.ReadEvent and batchcursor.go (batchCursor.nextEvent, readTimedBaseEvent,
// heapInsert/heapUpdate/heapRemove) of Go 1.22.12; internal/trace reader.go of Go 1.23.5 is the same but for a queue
// of ordered events (order.go orderingQueue), which V2Order.Queue is. Differences: Go fills the first frontier in map
// order and re-sorts it with an unstable sort when the earliest event cannot advance; here Ms enter in file order and
// the sort is stable — they differ only for events of equal time on different Ms.
namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// The events of a Go 1.22+ trace in the order Go's reader returns them, one generation in memory at a time: per
/// generation the Ms' batches are merged by time, each event only once the ordering state machine says it may happen,
/// CPU samples interleaved by time, a Sync event after each generation, and times nudged to be strictly increasing.
/// </summary>
internal sealed class V2EventReader
{
    private sealed class Cursor(long m, List<V2Batch> batches)
    {
        public readonly long M = m;
        public readonly List<V2Batch> Batches = batches;
        public int Idx, Off;
        public long LastTs;
        public V2Event Ev = new();
    }

    private readonly V2GenerationReader _gens;
    private readonly V2Order _order;
    private readonly IReadOnlyList<V2EventSpec?> _specs;
    private readonly string _source;
    private readonly List<Cursor> _frontier = [];
    private V2Tables? _gen;
    private int _cpu;
    private bool _emittedSync = true, _done;
    private long _lastTs;

    public V2EventReader(Stream stream, string source, ExecTraceHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Major != 1 || !V2EventSpecs.Supports(header.Minor))
            throw ExecTraceFormatException.At(source, 0, $"unsupported trace version go {header.Version}: the generation-based format is read for go 1.22 and 1.23");
        _gens = new V2GenerationReader(stream, source, header.Minor);
        _order = new V2Order(source);
        _specs = V2EventSpecs.For(header.Minor);
        _source = source;
    }

    /// <summary>The event table of the trace's version, indexed by type byte.</summary>
    public IReadOnlyList<V2EventSpec?> Specs => _specs;

    /// <summary>The next event, or null at the end of the trace.</summary>
    /// <exception cref="ExecTraceFormatException">Corrupt, truncated or inconsistent ("broken trace"), with the byte offset.</exception>
    public V2Event? Next()
    {
        var e = NextRaw();
        if (e is null) return null;
        Validate(e);
        if (e.Time <= _lastTs) e.Time = _lastTs + 1;
        _lastTs = e.Time;
        return e;
    }

    private V2Event? NextRaw()
    {
        if (_order.Queue.Count > 0) return _order.Queue.Dequeue();
        if (_done) return null;
        if (_frontier.Count == 0 && (_gen is null || _cpu >= _gen.CpuSamples.Count))
        {
            if (!_emittedSync)
            {
                _emittedSync = true;
                return new V2Event { Type = V2Event.Sync, Time = _lastTs, Table = _gen! };
            }
            _gen = _gens.Next();
            if (_gen is null)
            {
                _done = true;
                return null;
            }
            _cpu = 0;
            foreach (var (m, batches) in _gen.Batches)
            {
                var c = new Cursor((long)m, batches);
                if (NextEvent(c)) HeapInsert(c);
            }
            _emittedSync = false;
        }

        var g = _gen!;
        if (_cpu < g.CpuSamples.Count && (_frontier.Count == 0 || g.CpuSamples[_cpu].Time < _frontier[0].Ev.Time))
        {
            var s = g.CpuSamples[_cpu++];
            var e = new V2Event { Type = V2EventSpecs.EvCPUSample, Time = s.Time, M = s.M, P = s.P, G = s.G, Table = g };
            e.Args[0] = s.Stack;
            return e;
        }
        if (_frontier.Count == 0)
            throw ExecTraceFormatException.At(_source, 0, $"broken trace: frontier is empty in generation {g.Number}");

        if (TryAdvance(0)) return _order.Queue.Dequeue();
        // reader.go: sort the frontier by time and try the others in order.
        for (var i = 1; i < _frontier.Count; i++) // a stable insertion sort: the frontier holds one cursor per M
        {
            var c = _frontier[i];
            var j = i - 1;
            for (; j >= 0 && _frontier[j].Ev.Time > c.Ev.Time; j--) _frontier[j + 1] = _frontier[j];
            _frontier[j + 1] = c;
        }
        for (var i = 1; i < _frontier.Count; i++)
            if (TryAdvance(i)) return _order.Queue.Dequeue();
        var head = _frontier[0].Ev;
        throw ExecTraceFormatException.At(_source, head.Offset,
            $"broken trace: failed to advance: no M's next event can happen (generation {g.Number}, earliest: type {TypeName(head.Type)} at {head.Time} ns)");
    }

    private bool TryAdvance(int i)
    {
        var c = _frontier[i];
        if (!_order.Advance(c.Ev, c.M, _gen!.Number)) return false;
        if (NextEvent(c)) HeapUpdate(i);
        else HeapRemove(i);
        return true;
    }

    // event.go validateTableIDs: the stack and string IDs an event names exist in its generation's tables.
    private void Validate(V2Event e)
    {
        if (e.Type is V2Event.Sync or V2EventSpecs.EvCPUSample) return;
        var spec = _specs[e.Type]!;
        foreach (var k in spec.StackArgs)
            if (!e.Table.HasStack(e.Args[k - 1])) throw ExecTraceFormatException.At(_source, e.Offset, $"found invalid stack ID {e.Args[k - 1]} for event {spec.Name}");
        foreach (var k in spec.StringArgs)
            if (e.Table.Str(e.Args[k - 1]) is null) throw ExecTraceFormatException.At(_source, e.Offset, $"found invalid string ID {e.Args[k - 1]} for event {spec.Name}");
    }

    // batchcursor.go nextEvent + readTimedBaseEvent: the cursor's next event, its time the batch's base time plus deltas.
    private bool NextEvent(Cursor c)
    {
        while (c.Idx < c.Batches.Count && c.Batches[c.Idx].Data.Length == c.Off)
        {
            c.Idx++;
            c.Off = 0;
            c.LastTs = 0;
        }
        if (c.Idx == c.Batches.Count) return false;
        var b = c.Batches[c.Idx];
        if (c.LastTs == 0) c.LastTs = _gen!.Mul(b.Time);
        var data = b.Data;
        var at = b.Offset + c.Off;
        var typ = data[c.Off];
        var spec = typ < _specs.Count ? _specs[typ] : null;
        if (spec is null) throw ExecTraceFormatException.At(_source, at, $"found invalid event type: {typ}");
        if (!spec.IsTimed) throw ExecTraceFormatException.At(_source, at, $"found event without a timestamp: type={spec.Name}");
        var i = c.Off + 1;
        var ev = new V2Event { Type = typ, Offset = at, Table = _gen! };
        ulong ts = 0;
        for (var a = 0; a < spec.Args.Count; a++)
        {
            var n = V2ByteSource.Uvarint(data.AsSpan(i), out var v);
            if (n <= 0) throw ExecTraceFormatException.At(_source, b.Offset + i, $"{spec.Name} {spec.Args[a]}: found invalid uvarint");
            i += n;
            if (a == 0) ts = v;
            else if (a - 1 < ev.Args.Length) ev.Args[a - 1] = v;
        }
        ev.Time = unchecked(_gen!.Mul(ts) + c.LastTs);
        c.LastTs = ev.Time;
        c.Off = i;
        c.Ev = ev;
        return true;
    }

    private string TypeName(byte t) => t == V2Event.Sync ? "Sync" : t < _specs.Count && _specs[t] is { } s ? s.Name : t.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void HeapInsert(Cursor c)
    {
        _frontier.Add(c);
        SiftUp(_frontier.Count - 1);
    }

    private void HeapUpdate(int i)
    {
        if (SiftUp(i) != i) return;
        SiftDown(i);
    }

    private void HeapRemove(int i)
    {
        var h = _frontier;
        while (i > 0)
        {
            (h[(i - 1) / 2], h[i]) = (h[i], h[(i - 1) / 2]);
            i = (i - 1) / 2;
        }
        (h[0], h[^1]) = (h[^1], h[0]);
        h.RemoveAt(h.Count - 1);
        SiftDown(0);
    }

    private int SiftUp(int i)
    {
        var h = _frontier;
        while (i > 0 && h[(i - 1) / 2].Ev.Time > h[i].Ev.Time)
        {
            (h[(i - 1) / 2], h[i]) = (h[i], h[(i - 1) / 2]);
            i = (i - 1) / 2;
        }
        return i;
    }

    private void SiftDown(int i)
    {
        var h = _frontier;
        while (true)
        {
            var m = Min3(i, 2 * i + 1, 2 * i + 2);
            if (m == i) break;
            (h[i], h[m]) = (h[m], h[i]);
            i = m;
        }
    }

    private int Min3(int i0, int i1, int i2)
    {
        var h = _frontier;
        var minIdx = i0;
        var minT = long.MaxValue;
        if (i0 < h.Count) minT = h[i0].Ev.Time;
        if (i1 < h.Count && h[i1].Ev.Time < minT)
        {
            minT = h[i1].Ev.Time;
            minIdx = i1;
        }
        if (i2 < h.Count && h[i2].Ev.Time < minT) minIdx = i2;
        return minIdx;
    }
}
