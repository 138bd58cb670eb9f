// Mirrors: nothing in Go; the C# counterpart of data/go/zerocopy's onlyReader (a wrapper that hides io.WriterTo):
// a read-only Stream that does not override CopyTo, so Stream.CopyTo's generic buffered loop runs.
namespace GoRuntimeLab.Benchmarking.ZeroCopy;

/// <summary>Reads from an array through Stream.Read only (MemoryStream's own CopyTo fast path is hidden).</summary>
internal sealed class PlainReadStream(byte[] data) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Back to the first byte (between benchmark invocations).</summary>
    public void Rewind() => _position = 0;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
