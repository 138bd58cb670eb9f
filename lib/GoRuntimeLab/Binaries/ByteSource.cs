// Mirrors: nothing in Go; the bounded random-access reads debug/elf and debug/pe do through io.ReaderAt
// (io.SectionReader, saferio.ReadDataAt: a read past the end is an error, not a short slice).
using System.Buffers.Binary;

namespace GoRuntimeLab.Binaries;

/// <summary>Random-access reads of a seekable stream; each read is bounded, and one past the end is a typed error.</summary>
internal sealed class ByteSource(Stream stream, string source)
{
    public string Source { get; } = source;

    public long Length { get; } = stream.Length;

    public bool BigEndian { get; set; }

    /// <summary>Reads exactly <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
    public byte[] Read(long offset, long count, string what)
    {
        if (count < 0 || count > ExecutableReader.MaxTableBytes)
            throw Error(offset, $"{what}: {count} bytes is more than the {ExecutableReader.MaxTableBytes} a table may take");
        if (offset < 0 || offset > Length || count > Length - offset)
            throw Error(offset, $"{what}: needs {count} bytes but the file ends at byte {Length} (truncated?)");
        var buffer = new byte[count];
        stream.Seek(offset, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        return buffer;
    }

    public ushort U16(ReadOnlySpan<byte> b, int at) => BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);

    public uint U32(ReadOnlySpan<byte> b, int at) => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);

    public ulong U64(ReadOnlySpan<byte> b, int at) => BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(b[at..]) : BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);

    public BinaryFormatException Error(long offset, string what) => BinaryFormatException.At(Source, offset, what);
}
