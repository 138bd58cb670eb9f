// Mirrors: internal/trace/parser.go readVal (Go 1.19): unsigned base-128 values, at most 10 bytes.
namespace GoRuntimeLab.Trace.Exec.V1;

/// <summary>
/// A forward-only reader of a trace's bytes with its own 64 KiB buffer and the absolute file offset of the next
/// byte, so every error can name where it happened. It holds nothing but the buffer: memory does not grow with the file.
/// </summary>
internal sealed class V1ByteReader(Stream stream, string source, long startOffset)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _pos;
    private int _len;

    /// <summary>Offset in the file of the next byte to read.</summary>
    public long Offset { get; private set; } = startOffset;

    /// <summary>The next byte, or -1 at the end of the file.</summary>
    public int ReadByte()
    {
        if (_pos == _len && !Fill()) return -1;
        Offset++;
        return _buffer[_pos++];
    }

    /// <summary>
    /// One base-128 value (readVal): 7 bits a byte, low bits first, at most 10 bytes. The end of the file inside it is
    /// an error at <paramref name="eventOffset"/>, the start of the event being read.
    /// </summary>
    public ulong ReadValue(long eventOffset, string what)
    {
        var start = Offset;
        ulong v = 0;
        for (var i = 0; i < 10; i++)
        {
            var b = ReadByte();
            if (b < 0) throw Truncated(eventOffset, what);
            v |= (ulong)(b & 0x7f) << (i * 7);
            if ((b & 0x80) == 0) return v;
        }
        throw ExecTraceFormatException.At(source, start, $"bad value: more than 10 bytes of base-128 varint in {what}");
    }

    /// <summary>Skips <paramref name="count"/> bytes (a string's text), or fails when the file ends first.</summary>
    public void Skip(ulong count, long eventOffset, string what)
    {
        while (count > 0)
        {
            if (_pos == _len && !Fill()) throw Truncated(eventOffset, what);
            var n = (int)Math.Min(count, (ulong)(_len - _pos));
            _pos += n;
            Offset += n;
            count -= (ulong)n;
        }
    }

    /// <summary>Reads <paramref name="count"/> bytes (a string's text), or fails when the file ends first.</summary>
    public byte[] ReadBytes(int count, long eventOffset, string what)
    {
        var bytes = new byte[count];
        for (var n = 0; n < count;)
        {
            if (_pos == _len && !Fill()) throw Truncated(eventOffset, what);
            var k = Math.Min(count - n, _len - _pos);
            Array.Copy(_buffer, _pos, bytes, n, k);
            _pos += k;
            Offset += k;
            n += k;
        }
        return bytes;
    }

    /// <summary>The error for a file that ends inside the event starting at <paramref name="eventOffset"/>.</summary>
    public ExecTraceFormatException Truncated(long eventOffset, string what) =>
        ExecTraceFormatException.At(source, eventOffset, $"the file ends (at byte {Offset}) inside {what}: the trace is truncated");

    private bool Fill()
    {
        _pos = 0;
        _len = stream.Read(_buffer, 0, _buffer.Length);
        return _len > 0;
    }
}
