using GoRuntimeLab.Binaries;

namespace GoRuntimeLab.Tests.Binaries;

/// <summary>
/// Damaged executables: bit flips, random bytes and truncations aimed at the headers and tables the reader reads
/// (ELF header, program and section headers, the name table, the build info; PE stub, COFF and section headers).
/// Every outcome is a result or a <see cref="BinaryFormatException"/> naming a byte offset (the field or the table the
/// reader was reading; past the end when a header points beyond a truncated file) — never another exception. The corrupt-header cases without Go run everywhere; the mutations need live builds.
/// </summary>
public sealed class ExecutableReaderFuzzTests
{
    [Theory]
    [InlineData(new byte[] { }, 0L, "too short")]
    [InlineData(new byte[] { 0x7f, (byte)'E', (byte)'L' }, 0L, "too short")]
    [InlineData(new byte[] { 0xca, 0xfe, 0xba, 0xbe, 0, 0 }, 0L, "bad magic number")]
    [InlineData(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 3, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 4L, "unknown ELF class 3")]
    [InlineData(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 0L, "ELF header: needs 64 bytes")]
    [InlineData(new byte[] { (byte)'M', (byte)'Z', 0, 0 }, 0L, "DOS header: needs 64 bytes")]
    public void CorruptHeader_TypedErrorWithOffset(byte[] bytes, long offset, string reason)
    {
        var e = Assert.Throws<BinaryFormatException>(() => ExecutableReader.Read(bytes, "bad.bin"));
        Assert.Equal(offset, e.Offset);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.bin: at byte {offset}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAFile_KitInputException()
    {
        var e = Assert.ThrowsAny<KitInputException>(() => ExecutableReader.Read(Path.Combine(Path.GetTempPath(), "golab-no-such-binary")));
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("hello", 1)]
    [InlineData("hello-mips", 2)]
    [InlineData("hello-windows.exe", 3)]
    public void Mutations_ResultOrTypedError(string name, int seed)
    {
        var original = File.ReadAllBytes(LiveBinaries.Path(name));
        var info = ExecutableReader.Read(original, name);
        // Where the reader looks: the first 4 KiB (headers), the section-header table (ELF: at e_shoff) and the start
        // of every section (names, build info, compression headers).
        var hot = new List<long> { 0, 64, 512 };
        hot.AddRange(info.Sections.Select(s => (long)s.Offset).Where(o => o > 0 && o < original.Length));
        if (info.Format == ExecutableFormat.Elf)
            hot.Add(info.Bits == 64 ? (long)ReadU64(original, 40, info.BigEndian) : ReadU32(original, 32, info.BigEndian));
        var rng = new Random(seed);
        var bytes = (byte[])original.Clone();
        int results = 0, refusals = 0;
        const int Iterations = 1200;
        for (var i = 0; i < Iterations; i++)
        {
            var undo = new List<(int At, byte Old)>();
            var length = bytes.Length;
            for (var edit = 1 + rng.Next(3); edit > 0; edit--)
            {
                var center = hot[rng.Next(hot.Count)];
                var at = (int)Math.Clamp(center + rng.Next(-256, 768), 0, bytes.Length - 1);
                switch (rng.Next(10))
                {
                    case < 5:
                        undo.Add((at, bytes[at]));
                        bytes[at] ^= (byte)(1 << rng.Next(8));
                        break;
                    case < 8:
                        undo.Add((at, bytes[at]));
                        bytes[at] = (byte)(rng.Next(3) == 0 ? 0xff : rng.Next(256));
                        break;
                    default:
                        length = Math.Min(length, at);
                        break;
                }
            }
            try
            {
                using var stream = new MemoryStream(bytes, 0, length, writable: false);
                var got = ExecutableReader.Read(stream, name);
                Assert.True(got.Sections.Count <= ExecutableReader.MaxSections);
                results++;
            }
            catch (BinaryFormatException e)
            {
                Assert.True(e.Offset >= 0, e.Message); // where the read was asked for: may lie past a truncated end
                Assert.StartsWith($"{name}: at byte {e.Offset}: ", e.Message, StringComparison.Ordinal);
                refusals++;
            }
            for (var u = undo.Count - 1; u >= 0; u--) bytes[undo[u].At] = undo[u].Old;
        }
        Assert.Equal(Iterations, results + refusals);
        Assert.True(refusals > Iterations / 10, $"only {refusals} of {Iterations} mutations refused: the mutations miss the headers");
        Assert.True(results > 0);
    }

    private static ulong ReadU64(byte[] b, int at, bool big) => big
        ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(at))
        : System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at));

    private static uint ReadU32(byte[] b, int at, bool big) => big
        ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at))
        : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));
}
