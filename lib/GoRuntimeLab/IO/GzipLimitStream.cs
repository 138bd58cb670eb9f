// Mirrors: nothing in Go (pprof's profile.ParseData gunzips without a limit); an I/O helper of the kit.
using System.IO.Compression;

namespace GoRuntimeLab.IO;

/// <summary>
/// Decompresses gzip while counting: refuses more than <see cref="KitReadLimits.DecompressedLimit"/> bytes out, and
/// more than <see cref="KitReadLimits.MaxCompressionRatio"/> bytes out per compressed byte in (beyond
/// <see cref="KitReadLimits.RatioSlackBytes"/>). A bomb is refused after its first few kilobytes, never expanded in memory.
/// </summary>
internal sealed class GzipLimitStream : ReadOnlyStream
{
    private readonly LimitedReadStream _compressed;
    private readonly GZipStream _gzip;
    private readonly string _source;
    private readonly KitReadLimits _limits;

    /// <param name="input">The compressed bytes.</param>
    /// <param name="counter">The stream under <paramref name="input"/> that counts compressed bytes read.</param>
    /// <param name="source">Names the input in messages.</param>
    /// <param name="limits">Size and ratio limits.</param>
    public GzipLimitStream(Stream input, LimitedReadStream counter, string source, KitReadLimits limits)
    {
        _compressed = counter;
        _gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: false);
        _source = source;
        _limits = limits;
    }

    /// <summary>Decompressed bytes so far.</summary>
    public long BytesOut { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var limit = _limits.DecompressedLimit;
        var room = limit - BytesOut + 1;
        if (buffer.Length > room) buffer = buffer[..(int)room];
        var n = _gzip.Read(buffer);
        BytesOut += n;
        if (BytesOut > limit)
            throw KitInputLimitException.For($"decompresses to more than {KitReadLimits.Size(limit)}, the limit for a {_limits.What}", _source, limit);
        if (BytesOut > _limits.RatioSlackBytes && BytesOut > _limits.MaxCompressionRatio * Math.Max(1, _compressed.BytesRead))
            throw KitInputLimitException.For(
                $"gzip data expands more than {_limits.MaxCompressionRatio}× ({KitReadLimits.Size(_compressed.BytesRead)} → over {KitReadLimits.Size(BytesOut)}): a gzip bomb, not a {_limits.What}",
                _source, _limits.MaxCompressionRatio);
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }
}
