using GoRuntimeLab.ZeroCopy;

namespace GoRuntimeLab.Tests.ZeroCopy;

/// <summary>strace -c tables: the recorded sendfile and read/write paths of data/go/sendfile, and malformed tables.</summary>
public class StraceSummaryTests
{
    private const string Table = """
        % time     seconds  usecs/call     calls    errors syscall
        ------ ----------- ----------- --------- --------- ------------------
         41.94    0.006123         680         9         1 futex
          0.50    0.000073           4        16         3 sendfile
          0.25    0.000036           4         8           close
        ------ ----------- ----------- --------- --------- ------------------
        100.00    0.006232          18        33         4 total
        """;

    [Fact]
    public void A_table_reads_into_rows_with_blank_errors_as_zero()
    {
        var s = StraceSummary.Parse(Table, "t.txt");
        Assert.Equal(["futex", "sendfile", "close"], s.Rows.Select(r => r.Syscall));
        Assert.Equal((16L, 3L), (s.Calls("sendfile"), s.Errors("sendfile")));
        Assert.Equal((8L, 0L), (s.Calls("close"), s.Errors("close")));
        Assert.Equal((33L, 4L), (s.TotalCalls, s.TotalErrors));
        Assert.Equal(0, s.Calls("write"));
        Assert.Equal(4, s.Rows[1].Line);
    }

    [Theory]
    [InlineData("% time seconds calls syscall\n", 1, "header")]
    [InlineData("% time     seconds  usecs/call     calls    errors syscall\n------\n 1.0 0.1 4 x 1 read\n", 3, "not a count")]
    [InlineData("% time     seconds  usecs/call     calls    errors syscall\n------\n 1.0 0.1 4 5 1 read\n", 3, "no \"total\" row")]
    [InlineData("% time     seconds  usecs/call     calls    errors syscall\n------\n 1.0 0.1 4 5 1 read\n------\n100.00 0.1 4 6 1 total\n", 5, "add up")]
    [InlineData("% time     seconds  usecs/call     calls    errors syscall\n------\n 1.0 0.1 4 5 9 read\n", 3, "9 errors")]
    [InlineData("% time     seconds  usecs/call     calls    errors syscall\nread\n", 2, "dashed rule")]
    [InlineData("", 0, "no strace -c table")]
    public void A_malformed_table_is_refused_with_its_line(string text, int line, string reason)
    {
        var e = Assert.Throws<KitInputException>(() => StraceSummary.Parse(text, "bad.txt"));
        Assert.Equal("bad.txt", e.FilePath);
        if (line > 0) Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recorded_sendfile_path_makes_far_fewer_calls_than_the_32_KiB_loop_on_every_release()
    {
        foreach (var v in new[] { "go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5" })
        {
            var send = StraceSummary.Read(Path.Combine(ZeroCopyBenchTests.Recordings, $"strace-sendfile-{v}.txt"));
            var loop = StraceSummary.Read(Path.Combine(ZeroCopyBenchTests.Recordings, $"strace-loop-{v}.txt"));
            Assert.Contains(v, send.Note("go"), StringComparison.Ordinal);
            Assert.True(send.Calls("sendfile") > 0, v);
            Assert.Equal(0, loop.Calls("sendfile"));
            // 8 MiB through a 32 KiB buffer: at least 256 writes to the socket (plus the 8 writes that fill the file).
            Assert.True(loop.Calls("write") >= 256 + 8, $"{v}: {loop.Calls("write")} writes");
            Assert.True(send.Calls("write") < 32, $"{v}: {send.Calls("write")} writes");
        }
    }
}
