// Mirrors: nothing in Go; an I/O helper of the kit (bytes already read to sniff a format, then the rest).
namespace GoRuntimeLab.IO;

/// <summary>A read-only stream of <paramref name="prefix"/> followed by the rest of <paramref name="rest"/>.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : ReadOnlyStream
{
    private int _prefixPos;

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

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
