using GoRuntimeLab.Trace.Exec.V2;

namespace GoRuntimeLab.Tests.Trace.ExecV2;

/// <summary>
/// A long trace made on the fly from a one-generation recording: its batches replayed as generations 1, 2, … N, each
/// batch's base time shifted by the generation's start, so a test can stream hundreds of megabytes without holding them.
/// </summary>
internal sealed class ReplayedTraceStream : Stream
{
    private readonly byte[] _header;
    private readonly List<(ulong M, ulong Time, byte[] Data)> _batches = [];
    private readonly ulong _shift;
    private readonly int _generations;
    private byte[] _chunk;
    private int _chunkPos;
    private int _gen, _batch;
    private long _position;

    public ReplayedTraceStream(byte[] oneGeneration, int generations)
    {
        _header = oneGeneration[..16];
        _generations = generations;
        var i = 16;
        ulong min = ulong.MaxValue, max = 0;
        while (i < oneGeneration.Length)
        {
            Assert.Equal(V2EventSpecs.EvEventBatch, oneGeneration[i++]);
            var gen = Next(oneGeneration, ref i);
            Assert.Equal(1UL, gen);
            var m = Next(oneGeneration, ref i);
            var time = Next(oneGeneration, ref i);
            var size = (int)Next(oneGeneration, ref i);
            _batches.Add((m, time, oneGeneration[i..(i + size)]));
            i += size;
            min = Math.Min(min, time);
            max = Math.Max(max, time);
        }
        _shift = max - min + 1_000_000_000;
        _chunk = _header;
    }

    /// <summary>Bytes the whole replay holds.</summary>
    public long TotalLength => 16 + Enumerable.Range(0, _generations)
        .Sum(g => _batches.Sum(b => (long)HeaderOf((ulong)g + 1, b.M, b.Time + (ulong)g * _shift, b.Data.Length).Length + b.Data.Length));

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = 0;
        while (n < count)
        {
            if (_chunkPos == _chunk.Length && !NextChunk()) break;
            var take = Math.Min(count - n, _chunk.Length - _chunkPos);
            Array.Copy(_chunk, _chunkPos, buffer, offset + n, take);
            _chunkPos += take;
            n += take;
        }
        _position += n;
        return n;
    }

    private bool NextChunk()
    {
        if (_gen >= _generations) return false;
        var (m, time, data) = _batches[_batch];
        // Alternate header and data chunks: a header chunk is followed by its batch's data.
        if (_chunk == data || _chunk == _header)
        {
            if (_chunk == data && ++_batch == _batches.Count)
            {
                _batch = 0;
                if (++_gen >= _generations) return false;
            }
            (m, time, data) = _batches[_batch];
            _chunk = HeaderOf((ulong)_gen + 1, m, time + (ulong)_gen * _shift, data.Length);
        }
        else
        {
            _chunk = data;
        }
        _chunkPos = 0;
        return true;
    }

    private static byte[] HeaderOf(ulong gen, ulong m, ulong time, int size) =>
        [V2EventSpecs.EvEventBatch, .. TraceBuilder.Varint(gen), .. TraceBuilder.Varint(m), .. TraceBuilder.Varint(time), .. TraceBuilder.Varint((ulong)size)];

    private static ulong Next(byte[] b, ref int i)
    {
        ulong v = 0;
        for (var shift = 0; ; shift += 7)
        {
            var x = b[i++];
            v |= (ulong)(x & 0x7f) << shift;
            if (x < 0x80) return v;
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
