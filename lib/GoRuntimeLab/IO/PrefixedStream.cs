// Mirrors: nothing in Go; an I/O helper of the kit (bytes already read to sniff a format, then the rest).
namespace GoRuntimeLab.IO;

/// <summary>A read-only stream of <paramref name="prefix"/> followed by the rest of <paramref name="rest"/>.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
{
    private int _prefixPos;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPos < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _prefixPos);
            prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
            _prefixPos += n;
            return n;
        }
        return rest.Read(buffer);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
