using System.Text;
using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Trace.Exec;

/// <summary>
/// Bad traces: Go's own parser tests (internal/trace/parser_test.go, Go 1.19) where they apply, every truncation of a
/// real trace, and the byte offset an error names.
/// </summary>
public class ExecTraceErrorTests
{
    // Event types (internal/trace/parser.go).
    private const byte Batch = 1, Frequency = 2, Stack = 3, ProcStart = 5, GCSTWStart = 9, GoCreate = 13, GoStart = 14, FutileWakeup = 36, String = 37, GoStartLocal = 38;

    private static ExecTraceStats Read(byte[] data, string name = "t.trace") => ExecTrace.ReadStats(new MemoryStream(data, writable: false), name);

    private static ExecTraceFormatException Refused(byte[] data, string name = "t.trace") =>
        Assert.Throws<ExecTraceFormatException>(() => Read(data, name));

    [Theory] // TestCorruptedInputs: "These inputs crashed parser previously."
    [InlineData("gotrace\x00\x020")]
    [InlineData("gotrace\x00Q00\x020")]
    [InlineData("gotrace\x00T00\x020")]
    [InlineData("gotrace\x00\xc3\x0200")]
    [InlineData("go 1.5 trace\x00\x00\x00\x00\x020")]
    [InlineData("go 1.5 trace\x00\x00\x00\x00Q00\x020")]
    [InlineData("go 1.5 trace\x00\x00\x00\x00T00\x020")]
    [InlineData("go 1.5 trace\x00\x00\x00\x00\xc3\x0200")]
    public void Go_corrupted_inputs_are_refused(string input)
    {
        var e = Refused(Encoding.Latin1.GetBytes(input), "corrupt.trace");
        Assert.StartsWith("corrupt.trace: at byte ", e.Message, StringComparison.Ordinal);
    }

    [Theory] // TestParseVersion: the header's version as parseHeader reads it (1005 = Go 1.5).
    [InlineData("go 1.5 trace\x00\x00\x00\x00", 5)]
    [InlineData("go 1.7 trace\x00\x00\x00\x00", 7)]
    [InlineData("go 1.10 trace\x00\x00\x00", 10)]
    [InlineData("go 1.25 trace\x00\x00\x00", 25)]
    [InlineData("go 1.234 trace\x00\x00", 234)]
    [InlineData("go 1.2345 trace\x00", -1)]
    [InlineData("go 0.0 trace\x00\x00\x00\x00", -1)]
    [InlineData("go a.b trace\x00\x00\x00\x00", -1)]
    public void Header_versions_as_go_parses_them(string header, int minor)
    {
        var stream = new MemoryStream(Encoding.Latin1.GetBytes(header));
        if (minor < 0)
        {
            var e = Assert.Throws<ExecTraceFormatException>(() => ExecTraceHeader.Read(stream, "h"));
            Assert.Equal(0, e.Offset);
        }
        else
        {
            var h = ExecTraceHeader.Read(stream, "h");
            Assert.Equal((1, minor), (h.Major, h.Minor));
            Assert.Equal(minor >= 22, h.IsGenerational);
        }
    }

    [Fact] // TestTimestampOverflow: large timestamps (long tracing) parse.
    public void Timestamps_up_to_1e16_ticks_parse()
    {
        var w = new TraceWriter().Emit(Batch, 0, 0).Emit(Frequency, 1_000_000_000);
        var n = 0;
        for (ulong ts = 1; ts < 10_000_000_000_000_000; ts *= 2, n++) w.Emit(GoCreate, ts, ts, 0, 0);
        var stats = Read(w.ToArray());
        Assert.Equal(n, stats.Events["GoCreate"]);
        Assert.Equal("1.9", stats.GoVersion);
        // Each event's timestamp is a delta from the last, as parseEvents reads it: the last is the sum of all.
        var last = 0UL;
        for (ulong ts = 1; ts < 10_000_000_000_000_000; ts *= 2) last += ts;
        Assert.Equal((long)((double)(last - 1) * 1.0), stats.DurationNs);
    }

    [Fact]
    public void The_local_variants_are_counted_under_the_names_order1007_gives_them()
    {
        var w = new TraceWriter().Emit(Batch, 0, 0).Emit(Frequency, 1_000_000)
            .Emit(GoCreate, 1, 5, 0, 0).Emit(GoStartLocal, 1, 5).Emit(GoStart, 1, 5, 1);
        var stats = Read(w.ToArray());
        Assert.Equal(new SortedDictionary<string, long>(StringComparer.Ordinal) { ["GoCreate"] = 1, ["GoStart"] = 2 }, new SortedDictionary<string, long>(stats.Events.ToDictionary(), StringComparer.Ordinal));
        // 1e6 ticks per second: 2 ticks are 2 µs.
        Assert.Equal(2000, stats.DurationNs);
        Assert.Equal(1, stats.Procs);
        Assert.Equal(1, stats.Goroutines);
    }

    [Fact]
    public void A_truncated_event_is_reported_at_the_byte_where_it_starts()
    {
        var w = new TraceWriter().Emit(Batch, 0, 0).Emit(Frequency, 1_000_000).Emit(ProcStart, 1, 7);
        var goCreateAt = w.Offset;
        var data = w.Emit(GoCreate, 1, 300, 0, 0).ToArray();
        var e = Refused(data[..^2]);
        Assert.Equal(goCreateAt, e.Offset);
        Assert.Equal($"t.trace: at byte {goCreateAt}: the file ends (at byte {data.Length - 2}) inside a GoCreate event: the trace is truncated", e.Message);
        Assert.Equal("t.trace", e.FilePath);
    }

    [Fact]
    public void A_file_shorter_than_the_header_names_where_it_ends()
    {
        var e = Refused(Encoding.ASCII.GetBytes("go 1.19 tr"));
        Assert.Equal(10, e.Offset);
    }

    [Fact]
    public void Every_truncation_of_a_real_trace_is_refused_with_an_offset_inside_the_cut_file_or_reads_as_a_shorter_trace()
    {
        var data = File.ReadAllBytes(Path.Combine(ExecTraceRecordingTests.Dir, "go-testdata", "user_task_region_1_19_good"));
        var full = Read(data);
        int refused = 0, read = 0;
        for (var cut = 0; cut < data.Length; cut++)
        {
            try
            {
                // A cut between two events after the Frequency event (the runtime writes it when tracing stops, before
                // the stack and string tables) leaves a shorter trace that parser.go reads too: it has fewer events.
                var stats = Read(data[..cut], $"cut-{cut}");
                Assert.All(stats.Events, kv => Assert.InRange(kv.Value, 1, full.Events[kv.Key]));
                read++;
            }
            catch (ExecTraceFormatException e)
            {
                Assert.InRange(e.Offset, 0, cut);
                Assert.StartsWith($"cut-{cut}: at byte {e.Offset}: ", e.Message, StringComparison.Ordinal);
                refused++;
            }
        }
        Assert.True(refused > data.Length * 9 / 10, $"{refused} of {data.Length} cuts refused");
        Assert.True(read > 0);
        Assert.Equal(5, full.Events["UserRegion"]);
    }

    [Fact]
    public void Semantic_errors_of_parser_go_are_refused_at_the_event()
    {
        static TraceWriter Start() => new TraceWriter("go 1.19 trace\0\0\0").Emit(Batch, 0, 0);

        // unknown event type (0, 50 and above, or newer than the trace's version).
        var bad = Start().Raw(0x32).ToArray();
        Assert.Contains("unknown event type 50", Refused(bad).Message, StringComparison.Ordinal);
        Assert.Contains("unknown event type 49", Refused(new TraceWriter("go 1.11 trace\0\0\0").Emit(Batch, 0, 0).Emit(49, 1, 2, 3, 4, 5).ToArray()).Message, StringComparison.Ordinal);
        // wrong number of arguments.
        var at = Start().Offset;
        var e = Refused(Start().Emit(ProcStart, 1).Emit(Frequency, 1).ToArray());
        Assert.Equal((at, $"t.trace: at byte {at}: ProcStart has wrong number of arguments: want 2, got 1"), (e.Offset, e.Message));
        // string with id 0, duplicate id, length 0.
        Assert.Contains("invalid id 0", Refused(Start().Raw(String, 0, 1, (byte)'x').ToArray()).Message, StringComparison.Ordinal);
        Assert.Contains("duplicate id 1", Refused(Start().Raw(String, 1, 1, (byte)'x', String, 1, 1, (byte)'y').ToArray()).Message, StringComparison.Ordinal);
        Assert.Contains("invalid length 0", Refused(Start().Raw(String, 1, 0).ToArray()).Message, StringComparison.Ordinal);
        // a stack of more than 1000 frames, or whose size does not match its arguments.
        Assert.Contains("bad number of frames: 1001", Refused(Start().Emit(Stack, 1, 1001, 0, 0, 0, 0).ToArray()).Message, StringComparison.Ordinal);
        Assert.Contains("want 6, got 5", Refused(Start().Emit(Stack, 1, 1, 0, 0, 0).ToArray()).Message, StringComparison.Ordinal);
        // an unknown STW kind (before 1.21), a frequency of 0 or "negative", no frequency, no events.
        Assert.Contains("unknown STW kind 2", Refused(Start().Emit(GCSTWStart, 1, 2).ToArray()).Message, StringComparison.Ordinal);
        Assert.Contains("time stamps out of order", Refused(Start().Emit(Frequency, ulong.MaxValue).ToArray()).Message, StringComparison.Ordinal);
        Assert.Contains("no EvFrequency event", Refused(Start().Emit(ProcStart, 1, 2).ToArray()).Message, StringComparison.Ordinal);
        Assert.Contains("trace is empty", Refused(Start().Emit(Frequency, 100).ToArray()).Message, StringComparison.Ordinal);
        // an event whose length byte disagrees with its arguments.
        Assert.Contains("wrong length", Refused(Start().Raw(0xc0 | GoCreate, 3, 1, 1, 0x81, 0x01).ToArray()).Message, StringComparison.Ordinal);
        // a varint of more than 10 bytes.
        Assert.Contains("more than 10 bytes", Refused(Start().Raw(ProcStart, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).ToArray()).Message, StringComparison.Ordinal);
        // FutileWakeup: no runtime of these formats writes it, and removeFutile would need the whole trace in order.
        Assert.Contains("FutileWakeup", Refused(Start().Emit(FutileWakeup, 1).ToArray()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_1_22_and_later_are_left_to_the_generational_reader()
    {
        // Bytes that are no batch of the generation format: the V2 reader refuses them past the 16-byte header.
        var e = Refused(new TraceWriter("go 1.22 trace\0\0\0").Raw(0, 1, 2).ToArray());
        Assert.InRange(e.Offset, 16, 19);
    }

    [Fact]
    public void Unsupported_versions_between_are_refused_by_name()
    {
        var e = Refused(new TraceWriter("go 1.12 trace\0\0\0").Emit(Batch, 0, 0).ToArray());
        Assert.Contains("unsupported trace file version 1.12", e.Message, StringComparison.Ordinal);
    }
}
