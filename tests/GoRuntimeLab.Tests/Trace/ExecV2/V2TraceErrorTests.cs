using GoRuntimeLab.Trace.Exec;
using GoRuntimeLab.Trace.Exec.V2;

namespace GoRuntimeLab.Tests.Trace.ExecV2;

/// <summary>
/// Each structural check of Go's reader (batch.go readBatch, generation.go, batchcursor.go readTimedBaseEvent,
/// event.go validateTableIDs) fails with a typed error naming the exact byte offset.
/// </summary>
public class V2TraceErrorTests
{
    private static readonly byte[] Freq = [V2EventSpecs.EvFrequency, .. TraceBuilder.Varint(15_625_000)];

    private static ExecTraceFormatException Fails(byte[] bytes, string contains)
    {
        var e = Assert.Throws<ExecTraceFormatException>(() => V2TraceReaderTests.Read(bytes, "bad.trace"));
        Assert.Contains(contains, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.trace: at byte {e.Offset}: ", e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void A_minimal_trace_reads()
    {
        var stats = V2TraceReaderTests.Read(new TraceBuilder(23).Batch(1, 0, 0, Freq).Bytes());
        Assert.Equal(new Dictionary<string, long> { ["EventBatch"] = 1, ["Frequency"] = 1 }, stats.Events);
        Assert.Equal(0, stats.DurationNs);
    }

    [Fact]
    public void A_header_alone_has_no_batches() => Assert.Equal(16, Fails(new TraceBuilder(22).Bytes(), "no batches").Offset);

    [Fact]
    public void A_byte_that_is_not_a_batch_header_is_refused_where_it_stands()
    {
        var b = new TraceBuilder(22).Batch(1, 0, 0, Freq).Bytes();
        Assert.Equal(b.Length, Fails([.. b, 14], "expected batch event, got GoCreate").Offset);
        // ExperimentalBatch (49) exists only from Go 1.23.
        Assert.Equal(16, Fails([.. new TraceBuilder(22).Bytes(), 49], "expected batch event, got Invalid(49)").Offset);
    }

    [Fact]
    public void Batch_sizes_over_64_KiB_and_short_batches_are_refused()
    {
        byte[] big = [.. new TraceBuilder(22).Bytes(), V2EventSpecs.EvEventBatch, 1, 0, 0, .. TraceBuilder.Varint(65537)];
        Assert.Equal(20, Fails(big, "invalid batch size 65537, maximum is 65536").Offset);
        byte[] shortBatch = [.. new TraceBuilder(22).Bytes(), V2EventSpecs.EvEventBatch, 1, 0, 0, 10, 1, 2];
        Assert.Equal(23, Fails(shortBatch, "failed to read full batch: read 2 but wanted 10").Offset);
    }

    [Fact]
    public void A_varint_of_more_than_64_bits_is_refused_at_its_first_byte()
    {
        byte[] b = [.. new TraceBuilder(22).Bytes(), V2EventSpecs.EvEventBatch, 1, .. Enumerable.Repeat((byte)0xFF, 10), 1];
        Assert.Equal(18, Fails(b, "error reading batch M ID: varint overflows").Offset);
    }

    [Fact]
    public void Generation_zero_and_generations_out_of_order_are_refused()
    {
        Assert.Equal(17, Fails(new TraceBuilder(22).Batch(0, 0, 0, Freq).Bytes(), "invalid generation number 0").Offset);
        var b = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(3, 0, 0, Freq).Bytes();
        Assert.Equal(16 + 5 + Freq.Length + 1, Fails(b, "generations out of order").Offset);
    }

    [Fact]
    public void Every_generation_needs_exactly_one_frequency()
    {
        var none = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(2, 0, 0, TraceBuilder.Ev(37, 1, 100)).Bytes();
        Assert.Equal(none.Length, Fails(none, "generation 2 has no frequency event").Offset);
        var two = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 0, 0, Freq).Bytes();
        Assert.Equal(16 + 5 + Freq.Length + 5, Fails(two, "found multiple frequency events").Offset);
    }

    [Fact]
    public void An_unknown_or_structural_type_inside_an_M_batch_is_refused_at_its_byte()
    {
        // Batch header at 16..20 (5 bytes), then HeapAlloc (3 bytes) at 21, then the bad byte at 24.
        var bad = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 1, 0, TraceBuilder.Ev(37, 1, 100), [45]).Bytes();
        Assert.Equal(16 + 5 + Freq.Length + 5 + 3, Fails(bad, "found invalid event type: 45").Offset);
        var structural = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 1, 0, TraceBuilder.Ev(37, 1, 100), [V2EventSpecs.EvString]).Bytes();
        Assert.Equal(16 + 5 + Freq.Length + 5 + 3, Fails(structural, "found event without a timestamp: type=String").Offset);
        // The same type 45 is GoSwitch in Go 1.23.
        var ok = new TraceBuilder(23).Batch(1, 0, 0, Freq).Batch(1, 1, 0, TraceBuilder.Ev(45, 1, 7, 1)).Bytes();
        Assert.Equal(1, V2TraceReaderTests.Read(ok).Events["GoSwitch"]);
    }

    [Fact]
    public void An_event_cut_by_its_batch_end_is_refused_at_the_batch_end()
    {
        // GoCreate needs 4 arguments; the batch holds 2.
        var b = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 1, 0, [14, 1, 5]).Bytes();
        Assert.Equal(b.Length, Fails(b, "GoCreate new_stack: the batch ends inside the value").Offset);
    }

    [Fact]
    public void Table_IDs_an_event_names_must_exist_in_its_generation()
    {
        // GoBlock reason_string=9 stack=0 after the header (16), the frequency batch (5 + 5) and its batch header (5):
        // byte 31. No string 9 in the generation.
        var noString = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 1, 0, TraceBuilder.Ev(20, 1, 9, 0)).Bytes();
        Assert.Equal(31, Fails(noString, "found invalid string ID 9 for event GoBlock").Offset);
        var noStack = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 1, 0, TraceBuilder.Ev(20, 1, 0, 4)).Bytes();
        Assert.Equal(31, Fails(noStack, "found invalid stack ID 4 for event GoBlock").Offset);
        var withTables = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 1, 0, TraceBuilder.Ev(20, 1, 9, 4))
            .Batch(1, 0, 0, [V2EventSpecs.EvStrings, V2EventSpecs.EvString, 9, 2, (byte)'h', (byte)'i', V2EventSpecs.EvString, 10, 0])
            .Batch(1, 0, 0, [V2EventSpecs.EvStacks, V2EventSpecs.EvStack, 4, 1, 0x80, 0x01, 9, 10, 42])
            .Bytes();
        var stats = V2TraceReaderTests.Read(withTables);
        Assert.Equal(2, stats.Events["String"]);
        Assert.Equal(1, stats.Events["Stack"]);
    }

    [Fact]
    public void String_and_stack_tables_are_checked_as_Go_checks_them()
    {
        // Tables start after the header (16), the frequency batch (5 + 5) and their own batch header (5): byte 31.
        var dup = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 0, 0, [V2EventSpecs.EvStrings, V2EventSpecs.EvString, 3, 0, V2EventSpecs.EvString, 3, 0]).Bytes();
        Assert.Equal(31 + 4, Fails(dup, "multiple strings with the same ID: id=3").Offset);
        var zero = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 0, 0, [V2EventSpecs.EvStacks, V2EventSpecs.EvStack, 0, 0]).Bytes();
        Assert.Equal(32, Fails(zero, "multiple stacks with the same ID: id=0").Offset);
        var longString = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 0, 0, [V2EventSpecs.EvStrings, V2EventSpecs.EvString, 3, .. TraceBuilder.Varint(1025)]).Bytes();
        Assert.Contains("invalid string size 1025, maximum is 1024", Fails(longString, "string size").Message, StringComparison.Ordinal);
        var deep = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 0, 0, [V2EventSpecs.EvStacks, V2EventSpecs.EvStack, 1, .. TraceBuilder.Varint(129)]).Bytes();
        Fails(deep, "invalid stack size 129, maximum is 128");
        var wrongEntry = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 0, 0, [V2EventSpecs.EvStacks, V2EventSpecs.EvString]).Bytes();
        Assert.Equal(32, Fails(wrongEntry, "expected stack event, got String").Offset);
        // A frame's func string must exist: the frame (pc 1, func 7, file 0, line 1) starts at byte 35.
        var frame = new TraceBuilder(22).Batch(1, 0, 0, Freq).Batch(1, 0, 0, [V2EventSpecs.EvStacks, V2EventSpecs.EvStack, 1, 1, 1, 7, 0, 1]).Bytes();
        Assert.Equal(35, Fails(frame, "found invalid func string ID 7").Offset);
    }
}
