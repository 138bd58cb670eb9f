using GoRuntimeLab.Labs;

namespace GoRuntimeLab.Tests.ZeroCopy;

/// <summary>The section 4.1 lab answers, worked out from the Go source the recordings exercise.</summary>
public sealed class ZeroCopyLabTests
{
    [Theory]
    // io/io.go copyBuffer: buf == nil → size := 32 * 1024; make([]byte, size) — one 32768-byte allocation per call.
    [InlineData("04.1-copybuffer-nil", 32768L)]
    // runtime/string.go: a non-escaping string(b) of ≤ tmpStringBufSize (32) bytes is built in the stack tmpBuf.
    [InlineData("04.1-local-string", 0L)]
    public void The_answer_matches_the_go_source(string id, long expected)
    {
        Assert.Equal(expected, LabCatalog.AnswerFor(id));
        Assert.Equal(LabStatus.Right, Lab.Check(id, expected).Status);
        Assert.Equal(LabStatus.Wrong, Lab.Check(id, expected + 1).Status);
    }
}
