// Mirrors: nothing in Go; how V1Parser hands what it reads to a consumer (counts, or the in-memory analysis).
namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>What <see cref="V1Parser"/> reads, delivered as it reads it.</summary>
internal interface IV1Sink
{
    /// <summary>True when the string and stack tables are wanted (their contents cost memory; counting needs none).</summary>
    bool WantsTables { get; }

    /// <summary>A String dictionary entry (only when <see cref="WantsTables"/>).</summary>
    void String(ulong id, byte[] text);

    /// <summary>A Stack entry with id ≠ 0 and at least one frame: {PC, func string id, file string id, line} per frame (only when <see cref="WantsTables"/>).</summary>
    void Stack(ulong id, ReadOnlySpan<ulong> frames);

    /// <summary>An event other than Batch, Frequency, Stack, String and TimerGoroutine.</summary>
    void Event(in V1RawEvent e);

    /// <summary>A TimerGoroutine entry (parser.go moves that goroutine's unblocks to TimerP).</summary>
    void TimerGoroutine(ulong g);
}
