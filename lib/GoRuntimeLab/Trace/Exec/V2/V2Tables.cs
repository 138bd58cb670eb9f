// Mirrors: internal/trace/v2 generation.go (Go 1.22.12) generation/evTable and internal/trace generation.go (Go 1.23.5):
// one generation's string and stack tables, frequency, the timed-event batches of each M and the CPU samples.
using GoRuntimeLab.Trace.Exec.V1;

namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>One generation of a Go 1.22+ trace, held whole while its events are ordered (as Go's reader holds it).</summary>
internal sealed class V2Tables
{
    public V2Tables(ulong number) => Number = number;

    /// <summary>The generation number its batches carry.</summary>
    public ulong Number { get; }

    /// <summary>Ticks per second (the Frequency batch), 0 before it was read.</summary>
    public ulong Frequency { get; set; }

    /// <summary>String table: id → string (base.go dataTable; id 0 is the empty string).</summary>
    public Dictionary<ulong, string> Strings { get; } = [];

    /// <summary>Stack table as read: id → frames of (pc, func string id, file string id, line), innermost first.</summary>
    public Dictionary<ulong, (ulong Pc, ulong Func, ulong File, ulong Line)[]> RawStacks { get; } = [];

    /// <summary>The M's batches of timed events in file order (generation.go: gen.batches[m]).</summary>
    public Dictionary<ulong, List<V2Batch>> Batches { get; } = [];

    /// <summary>CPU samples as read (time still in ticks until <see cref="Seal"/>), then sorted by time in ns.</summary>
    public List<(long Time, long M, long P, long G, ulong Stack)> CpuSamples { get; } = [];

    /// <summary>The names of tasks ended in this generation (base.go evTable.addExtraString).</summary>
    public List<string> ExtraStrings { get; } = [""];

    private readonly Dictionary<ulong, V1Frame[]> _stacks = [];
    private double _nsPerTick;

    /// <summary>base.go frequency.mul: Time(float64(t) * float64(f)), f = 1/(freq/1e9) ns per tick (generation.go parseFreq).</summary>
    public long Mul(ulong ticks) => (long)(ticks * _nsPerTick);

    /// <summary>The generation is complete: converts CPU sample times and sorts them (generation.go readGeneration).</summary>
    public void Seal()
    {
        _nsPerTick = 1.0 / (Frequency / 1e9);
        for (var i = 0; i < CpuSamples.Count; i++)
        {
            var s = CpuSamples[i];
            CpuSamples[i] = s with { Time = Mul((ulong)s.Time) };
        }
        // slices.SortFunc by time; a stable sort keeps equal times in file order.
        var sorted = CpuSamples.Select((s, i) => (s, i)).OrderBy(x => x.s.Time).ThenBy(x => x.i).Select(x => x.s).ToList();
        CpuSamples.Clear();
        CpuSamples.AddRange(sorted);
    }

    /// <summary>The string with <paramref name="id"/>, or null when the table has none (id 0 is "").</summary>
    public string? Str(ulong id) => id == 0 ? "" : Strings.GetValueOrDefault(id);

    /// <summary>True when the stack table has <paramref name="id"/> (0, "no stack", always).</summary>
    public bool HasStack(ulong id) => id == 0 || RawStacks.ContainsKey(id);

    /// <summary>The frames of stack <paramref name="id"/>, innermost first (empty for 0 or an unknown id).</summary>
    public V1Frame[] Frames(ulong id)
    {
        if (id == 0 || !RawStacks.TryGetValue(id, out var raw)) return [];
        if (_stacks.TryGetValue(id, out var frames)) return frames;
        frames = new V1Frame[raw.Length];
        for (var i = 0; i < raw.Length; i++)
            frames[i] = new V1Frame(raw[i].Pc, Str(raw[i].Func) ?? "", Str(raw[i].File) ?? "", (long)raw[i].Line);
        _stacks[id] = frames;
        return frames;
    }
}
