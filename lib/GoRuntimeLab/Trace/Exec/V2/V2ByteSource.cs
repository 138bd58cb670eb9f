namespace GoRuntimeLab.Trace.Exec.V2;

/// <summary>
/// A forward-only reader over a trace stream with a fixed 64 KiB buffer that knows the file offset of every byte, so
/// errors name the byte where reading stopped. Varints follow encoding/binary (Uvarint / ReadUvarint).
/// </summary>
internal sealed class V2ByteSource
{
    private readonly Stream _stream;
    private readonly byte[] _buf = new byte[64 << 10];
    private int _pos, _len;
    private long _bufStart;

    public V2ByteSource(Stream stream, long startOffset)
    {
        _stream = stream;
        _bufStart = startOffset;
    }

    /// <summary>File offset of the next byte.</summary>
    public long Offset => _bufStart + _pos;

    /// <summary>The next byte, or -1 at the end of the file.</summary>
    public int ReadByte()
    {
        if (_pos == _len && !Fill()) return -1;
        return _buf[_pos++];
    }

    /// <summary>
    /// encoding/binary.ReadUvarint: false at the end of the file (<paramref name="overflow"/> false) or when the value
    /// does not fit 64 bits (<paramref name="overflow"/> true).
    /// </summary>
    public bool TryReadUvarint(out ulong value, out bool overflow)
    {
        value = 0;
        overflow = false;
        var shift = 0;
        for (var i = 0; i < MaxVarintLen64; i++)
        {
            var b = ReadByte();
            if (b < 0) return false;
            if (b < 0x80)
            {
                if (i == MaxVarintLen64 - 1 && b > 1)
                {
                    overflow = true;
                    return false;
                }
                value |= (ulong)b << shift;
                return true;
            }
            value |= (ulong)(b & 0x7f) << shift;
            shift += 7;
        }
        overflow = true;
        return false;
    }

    /// <summary>Copies up to <paramref name="dest"/>.Length bytes; returns how many the file still had.</summary>
    public int ReadInto(Span<byte> dest)
    {
        var n = 0;
        while (n < dest.Length)
        {
            if (_pos == _len && !Fill()) break;
            var take = Math.Min(dest.Length - n, _len - _pos);
            _buf.AsSpan(_pos, take).CopyTo(dest[n..]);
            _pos += take;
            n += take;
        }
        return n;
    }

    /// <summary>Skips up to <paramref name="count"/> bytes; returns how many the file still had.</summary>
    public long Skip(long count)
    {
        long n = 0;
        while (n < count)
        {
            if (_pos == _len && !Fill()) break;
            var take = (int)Math.Min(count - n, _len - _pos);
            _pos += take;
            n += take;
        }
        return n;
    }

    private const int MaxVarintLen64 = 10;

    /// <summary>
    /// encoding/binary.Uvarint over a span: the value and the number of bytes read; 0 bytes when the span ends first,
    /// a negative count when the value overflows 64 bits.
    /// </summary>
    public static int Uvarint(ReadOnlySpan<byte> buf, out ulong value)
    {
        value = 0;
        var shift = 0;
        for (var i = 0; i < buf.Length; i++)
        {
            if (i == MaxVarintLen64)
            {
                value = 0;
                return -(i + 1);
            }
            var b = buf[i];
            if (b < 0x80)
            {
                if (i == MaxVarintLen64 - 1 && b > 1)
                {
                    value = 0;
                    return -(i + 1);
                }
                value |= (ulong)b << shift;
                return i + 1;
            }
            value |= (ulong)(b & 0x7f) << shift;
            shift += 7;
        }
        value = 0;
        return 0;
    }

    private bool Fill()
    {
        _bufStart += _len;
        _pos = 0;
        _len = 0;
        var got = _stream.Read(_buf, 0, _buf.Length);
        if (got <= 0) return false;
        _len = got;
        return true;
    }
}
