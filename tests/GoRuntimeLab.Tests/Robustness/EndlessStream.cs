namespace GoRuntimeLab.Tests.Robustness;

/// <summary>
/// A stream that never ends (like /dev/zero): <paramref name="prefix"/> once, then <paramref name="pattern"/> over and
/// over; counts what it served.
/// </summary>
internal sealed class EndlessStream(byte[] pattern, byte[]? prefix = null) : Stream
{
    private readonly byte[] _prefix = prefix ?? [];

    private long _served;

    /// <summary>Bytes handed out so far.</summary>
    public long Served => _served;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _served; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            var at = _served + i;
            buffer[i] = at < _prefix.Length ? _prefix[at] : pattern[(int)((at - _prefix.Length) % pattern.Length)];
        }
        _served += buffer.Length;
        return buffer.Length;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
