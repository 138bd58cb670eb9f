namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// What the stats reader keeps of one generation while it streams through it: the IDs of its string and stack
/// tables and the table IDs its events refer to (to validate them as internal/trace/v2 generation.go
/// validateStackStrings and event.go validateTableIDs do), its frequency, and per M the batches whose first and last
/// events bound the generation's time span. Everything is cleared when the next generation starts, so memory is
/// bounded by one generation, as in Go's reader (generation.go readGeneration), and far less than it.
/// </summary>
internal sealed class V2Generation
{
    private readonly V2IdSet _strings = new();
    private readonly V2IdSet _stacks = new();
    private readonly V2IdSet _stackRefSeen = new();
    private readonly V2IdSet _stringRefSeen = new();
    private readonly Dictionary<ulong, (ulong Func, ulong File, long Offset)> _pcs = [];
    private readonly Dictionary<ulong, (long Offset, string Event)> _stackRefs = [];
    private readonly Dictionary<ulong, (long Offset, string Event)> _stringRefs = [];
    private readonly Dictionary<ulong, Span> _ms = [];
    private readonly Stack<List<ulong>> _pool = new();
    private ulong _cpuMin = ulong.MaxValue, _cpuMax;
    private bool _anyCpu;

    /// <summary>The generation number every batch of this generation carries.</summary>
    public ulong Number { get; private set; }

    /// <summary>Ticks per second from the generation's Frequency batch (0 before it was read).</summary>
    public ulong Frequency { get; private set; }

    public void Reset(ulong number)
    {
        Number = number;
        Frequency = 0;
        _strings.Clear();
        _stacks.Clear();
        _pcs.Clear();
        _stackRefs.Clear();
        _stringRefs.Clear();
        _stackRefSeen.Clear();
        _stringRefSeen.Clear();
        foreach (var s in _ms.Values)
        {
            s.LastDts.Clear();
            _pool.Push(s.LastDts);
        }
        _ms.Clear();
        _cpuMin = ulong.MaxValue;
        _cpuMax = 0;
        _anyCpu = false;
    }

    /// <summary>A fresh list for a batch's timestamp deltas (recycled from earlier batches).</summary>
    public List<ulong> RentDeltas() => _pool.Count > 0 ? _pool.Pop() : new List<ulong>(256);

    /// <summary>Returns a list that is no longer needed.</summary>
    public void ReturnDeltas(List<ulong> list)
    {
        list.Clear();
        _pool.Push(list);
    }

    /// <summary>generation.go parseFreq: one Frequency batch per generation.</summary>
    public bool TrySetFrequency(ulong ticksPerSecond)
    {
        if (Frequency != 0) return false;
        Frequency = ticksPerSecond;
        return true;
    }

    /// <summary>base.go dataTable.insert: an ID may be inserted once, and ID 0 is always taken (get(0) succeeds).</summary>
    public bool AddString(ulong id) => id != 0 && _strings.Add(id);

    /// <inheritdoc cref="AddString"/>
    public bool AddStack(ulong id) => id != 0 && _stacks.Add(id);

    /// <summary>generation.go addStacks: the first frame seen for a PC is the one validated.</summary>
    public void AddFrame(ulong pc, ulong funcId, ulong fileId, long offset) => _pcs.TryAdd(pc, (funcId, fileId, offset));

    /// <summary>An event's reference to a stack-table ID (0 means "no stack" and is always valid).</summary>
    public void ReferStack(ulong id, long offset, string ev)
    {
        if (id != 0 && _stackRefSeen.Add(id)) _stackRefs.Add(id, (offset, ev));
    }

    /// <summary>An event's reference to a string-table ID (0 is always valid).</summary>
    public void ReferString(ulong id, long offset, string ev)
    {
        if (id != 0 && _stringRefSeen.Add(id)) _stringRefs.Add(id, (offset, ev));
    }

    public void AddCpuSample(ulong ticks)
    {
        _anyCpu = true;
        _cpuMin = Math.Min(_cpuMin, ticks);
        _cpuMax = Math.Max(_cpuMax, ticks);
    }

    /// <summary>
    /// Offers one M's batch of timed events (its base time and deltas). Keeps, per M, the batch whose first event is
    /// earliest and the one whose last event is latest (judged in raw ticks; converted exactly at the end). Returns the
    /// list the caller may reuse (the given one, or the one it replaced).
    /// </summary>
    public List<ulong> AddBatch(ulong m, ulong baseTicks, List<ulong> deltas)
    {
        if (deltas.Count == 0) return deltas;
        var first = Add(baseTicks, deltas[0]);
        var last = baseTicks;
        foreach (var d in deltas) last = Add(last, d);
        if (!_ms.TryGetValue(m, out var s))
        {
            _ms[m] = new Span(baseTicks, deltas[0], first, baseTicks, last, deltas);
            return RentDeltas();
        }

        if (first < s.FirstRaw) (s.FirstBase, s.FirstDelta, s.FirstRaw) = (baseTicks, deltas[0], first);
        if (last < s.LastRaw) return deltas;
        var old = s.LastDts;
        (s.LastBase, s.LastRaw, s.LastDts) = (baseTicks, last, deltas);
        old.Clear();
        return old;
    }

    /// <summary>
    /// The checks Go makes once a generation is complete (generation.go readGeneration: a frequency,
    /// validateStackStrings; event.go validateTableIDs, which Go makes as each event is emitted): null when all pass,
    /// else the offset and text of the first failure.
    /// </summary>
    public (long Offset, string What)? Validate(long endOffset)
    {
        if (Frequency == 0) return (endOffset, $"generation {Number} has no frequency event (ends at byte {endOffset})");
        foreach (var (pc, f) in _pcs)
        {
            if (f.Func != 0 && !_strings.Contains(f.Func)) return (f.Offset, $"found invalid func string ID {f.Func} for a stack frame at pc {pc:x}");
            if (f.File != 0 && !_strings.Contains(f.File)) return (f.Offset, $"found invalid file string ID {f.File} for a stack frame at pc {pc:x}");
        }
        foreach (var (id, r) in _stackRefs)
            if (!_stacks.Contains(id)) return (r.Offset, $"found invalid stack ID {id} for event {r.Event}");
        foreach (var (id, r) in _stringRefs)
            if (!_strings.Contains(id)) return (r.Offset, $"found invalid string ID {id} for event {r.Event}");
        return null;
    }

    /// <summary>
    /// The earliest and latest event times of the generation in nanoseconds, converted as Go's parser does
    /// (base.go frequency.mul; batchcursor.go nextEvent: base time, then each delta converted and added), or null
    /// when the generation has no events. Call after <see cref="Validate"/> passed.
    /// </summary>
    public (long Min, long Max)? TimeSpan()
    {
        if (_ms.Count == 0 && !_anyCpu) return null;
        var nsPerTick = 1.0 / (Frequency / 1e9); // generation.go parseFreq
        var min = long.MaxValue;
        var max = long.MinValue;
        foreach (var s in _ms.Values)
        {
            min = Math.Min(min, unchecked(Mul(s.FirstDelta, nsPerTick) + Mul(s.FirstBase, nsPerTick)));
            var t = Mul(s.LastBase, nsPerTick);
            foreach (var d in s.LastDts) t = unchecked(Mul(d, nsPerTick) + t);
            max = Math.Max(max, t);
        }
        if (_anyCpu)
        {
            min = Math.Min(min, Mul(_cpuMin, nsPerTick));
            max = Math.Max(max, Mul(_cpuMax, nsPerTick));
        }
        return (min, max);
    }

    // base.go: func (f frequency) mul(t timestamp) Time { return Time(float64(t) * float64(f)) }
    private static long Mul(ulong ticks, double nsPerTick) => (long)(ticks * nsPerTick);

    private static ulong Add(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    private sealed class Span(ulong firstBase, ulong firstDelta, ulong firstRaw, ulong lastBase, ulong lastRaw, List<ulong> lastDts)
    {
        public ulong FirstBase = firstBase, FirstDelta = firstDelta, FirstRaw = firstRaw, LastBase = lastBase, LastRaw = lastRaw;
        public List<ulong> LastDts = lastDts;
    }
}
