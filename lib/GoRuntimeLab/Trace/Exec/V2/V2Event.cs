// Mirrors: internal/trace/v2 event.go Event / baseEvent and resources.go (Go 1.22.12; internal/trace in 1.23.5).
using GoRuntimeLab.Trace.Exec.V1;

namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// One event as Go's reader returns it: its wire type (or <see cref="Sync"/>), its time in ns (Go's Time: ticks
/// converted with the generation's frequency, not relative to the trace's start), its arguments after the timestamp,
/// the two "extra" slots the ordering fills in, and the scheduling context (M, P, G; -1 for none).
/// </summary>
internal sealed class V2Event
{
    /// <summary>event.go evSync: the end of a generation (the reader's own event).</summary>
    public const byte Sync = 255;

    /// <summary>resources.go NoGoroutine, NoProc, NoThread.</summary>
    public const long None = -1;

    /// <summary>event.go NoTask; BackgroundTask is 0.</summary>
    public const ulong NoTask = ulong.MaxValue;

    public byte Type;
    public long Time;
    public readonly ulong[] Args = new ulong[4];
    public ulong Extra0, Extra1;
    public long M = None, P = None, G = None;
    public V2Tables Table = null!;
    public long Offset;

    public V2Event Copy()
    {
        var e = new V2Event { Type = Type, Time = Time, Extra0 = Extra0, Extra1 = Extra1, M = M, P = P, G = G, Table = Table, Offset = Offset };
        Args.CopyTo(e.Args, 0);
        return e;
    }

    /// <summary>event.go Stack: the first stack argument of the type's spec (the event's own context), or 0.</summary>
    public ulong StackId(IReadOnlyList<V2EventSpec?> specs)
    {
        if (Type == Sync) return 0;
        if (Type == V2EventSpecs.EvCPUSample) return Args[0];
        var spec = specs[Type];
        return spec is null || spec.StackArgs.Count == 0 ? 0 : Args[spec.StackArgs[0] - 1];
    }

    /// <summary>The string of argument slot <paramref name="i"/> (string table id), as Go's mustGet.</summary>
    public string Str(int i) => Table.Str(Args[i]) ?? "";

    public V1Frame[] Frames(ulong stackId) => Table.Frames(stackId);
}
