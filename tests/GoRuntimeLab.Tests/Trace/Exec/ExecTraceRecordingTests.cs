using System.Globalization;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Trace.Exec;

/// <summary>
/// Event counts of real traces against their oracle: `go tool trace -d` of the Go release that wrote each trace,
/// reduced to per-type counts by data/go/tracegen/record.sh (data/recordings/trace/*.counts.tsv).
/// </summary>
public class ExecTraceRecordingTests
{
    internal static string Dir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "trace");

    /// <summary>Reads "Name&lt;TAB&gt;count" lines (and skips the "# durationNs N" line).</summary>
    internal static SortedDictionary<string, long> ReadCounts(string tsv)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(tsv).Where(l => l.Length > 0 && l[0] != '#'))
        {
            var parts = line.Split('\t');
            counts[parts[0]] = long.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>The "# durationNs N" line: the timestamp of the last event `go tool trace -d` printed.</summary>
    internal static long ReadDuration(string tsv) =>
        long.Parse(File.ReadLines(tsv).First(l => l.StartsWith("# durationNs ", StringComparison.Ordinal))["# durationNs ".Length..], CultureInfo.InvariantCulture);

    /// <summary>What `go tool trace -d` printed, reduced like record.sh does: the second field of each line, counted.</summary>
    internal static SortedDictionary<string, long> CountsOfDump(string dump)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in dump.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        return counts;
    }

    public static TheoryData<string> Traces()
    {
        var data = new TheoryData<string>();
        foreach (var tsv in Directory.EnumerateFiles(Dir, "*.counts.tsv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Dir, tsv[..^".counts.tsv".Length]));
        return data;
    }

    [Theory]
    [MemberData(nameof(Traces))]
    public void Counts_equal_go_tool_trace_d(string trace)
    {
        var path = Path.Combine(Dir, trace);
        var stats = ExecTrace.ReadStats(path);
        Assert.Equal(ReadCounts(path + ".counts.tsv"), new SortedDictionary<string, long>(stats.Events.ToDictionary(), StringComparer.Ordinal));
        Assert.Equal(ReadDuration(path + ".counts.tsv"), stats.DurationNs);
        Assert.True(stats.Procs >= 1);
        Assert.True(stats.Goroutines >= stats.Events.GetValueOrDefault("GoCreate"));
    }

    [Fact]
    public void Every_recording_and_every_canned_trace_has_an_oracle()
    {
        Assert.Equal(2, Directory.EnumerateFiles(Dir, "tracegen-*.trace.counts.tsv").Count());
        // parser_test.go TestParseCanned's *_good files of the formats the kit reads (1.7 and later).
        Assert.True(Directory.EnumerateFiles(Path.Combine(Dir, "go-testdata"), "*.counts.tsv").Count() >= 17);
    }

    [Fact]
    public void Tracegen_of_go_1_19_reports_its_version_procs_and_cpu_samples()
    {
        var stats = ExecTrace.ReadStats(Path.Combine(Dir, "tracegen-go1.19.trace"));
        Assert.Equal("1.19", stats.GoVersion);
        Assert.True(stats.Events["CPUSample"] > 0);
        Assert.True(stats.Events.ContainsKey("GCSTWStart"));
        Assert.InRange(stats.Procs, 1, Environment.ProcessorCount * 64);
        // The program runs for at least its 30 ms spin plus its sleeps; a few seconds at most.
        Assert.InRange(stats.DurationNs, 30_000_000, 30_000_000_000);
        Assert.Equal(stats.Events.Keys.Order(StringComparer.Ordinal), stats.Events.Keys);
    }

    [Fact]
    public void Go_1_21_names_the_stop_the_world_events_as_its_parser_does()
    {
        var stats = ExecTrace.ReadStats(Path.Combine(Dir, "tracegen-go1.21.trace"));
        Assert.Equal("1.21", stats.GoVersion);
        Assert.True(stats.Events.ContainsKey("STWStart"));
        Assert.False(stats.Events.ContainsKey("GCSTWStart"));
    }

    [Fact]
    public void A_go_1_5_trace_is_refused_as_go_tool_trace_refuses_it_without_the_binary()
    {
        var e = Assert.Throws<ExecTraceFormatException>(() => ExecTrace.ReadStats(Path.Combine(Dir, "go-testdata", "http_1_5_good")));
        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, e.Offset);
    }

    [Fact]
    public void Memory_does_not_grow_with_the_number_of_events()
    {
        // 2 million ProcStop events (4 MB) streamed from a generator: the reader keeps counts, not events.
        const int events = 2_000_000;
        byte[] prefix = [.. "go 1.19 trace\0\0\0"u8, 0x41, 0x00, 0x01, 0x02, 0x80, 0x94, 0xeb, 0xdc, 0x03];
        var before = GC.GetAllocatedBytesForCurrentThread();
        var stats = ExecTrace.ReadStats(new RepeatStream(prefix, [0x06, 0x01], events), "generated.trace");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(events, stats.Events["ProcStop"]);
        Assert.Equal(events - 1, stats.DurationNs); // one tick a event at 1e9 ticks/s
        Assert.True(allocated < (1 << 20), $"allocated {allocated} bytes for {events} events");
    }

    /// <summary><paramref name="prefix"/>, then <paramref name="unit"/> <paramref name="times"/> times, made as it is read.</summary>
    private sealed class RepeatStream(byte[] prefix, byte[] unit, long times) : Stream
    {
        private long _position;
        private readonly long _length = prefix.Length + unit.Length * times;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && _position < _length)
            {
                buffer[offset + n++] = _position < prefix.Length ? prefix[_position] : unit[(_position - prefix.Length) % unit.Length];
                _position++;
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
