// Mirrors: nothing in Go; the C# side of data/go/zerocopy (chapter 4.1) — the same principle (share memory instead
// of copying it, reuse buffers instead of allocating them) in .NET: Span<T> slicing against Substring/ToArray,
// ArrayPool<T>.Shared against new byte[], string.Create against concatenation, Stream.CopyTo buffer sizes.
using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace GoRuntimeLab.Benchmarking.ZeroCopy;

/// <summary>
/// BenchmarkDotNet cases (with MemoryDiagnoser: Allocated per operation is exact, like Go's B/op). Run in a notebook:
/// <c>Bench.Short&lt;ZeroCopyCsBenchmarks&gt;("SpanSlice", "Substring")</c>; the full run:
/// <c>dotnet run -c Release --project tests/GoRuntimeLab.Benchmarks -- --filter *ZeroCopy*</c>.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A MemoryStream over an array holds no unmanaged resource; BenchmarkDotNet creates one instance per run.")]
public class ZeroCopyCsBenchmarks
{
    private const int Size = 64 << 10;
    private readonly string _text = new('a', 64);
    private readonly byte[] _data = CreateData(Size);
    private readonly MemoryStream _source = new(CreateData(Size), writable: false);
    private readonly PlainReadStream _plain = new(CreateData(Size));
    private readonly Stream _sink = Stream.Null;

    private static byte[] CreateData(int n)
    {
        var b = new byte[n];
        for (var i = 0; i < n; i++) b[i] = (byte)('a' + i % 26);
        return b;
    }

    /// <summary>string.Substring: a new string, the characters copied (like Go's string(b) when it escapes).</summary>
    [Benchmark(Description = "Substring(6, 40)")]
    public string Substring() => _text.Substring(6, 40);

    /// <summary>AsSpan(6, 40): a view of the same characters, no allocation (like Go's s[6:46]).</summary>
    [Benchmark(Description = "AsSpan(6, 40)")]
    public int SpanSlice() => _text.AsSpan(6, 40).Length + _text.AsSpan(6, 40)[0];

    /// <summary>Span.ToArray: copies the slice into a new array (like Go's []byte(s) or append([]byte(nil), b...)).</summary>
    [Benchmark(Description = "AsSpan(6, 40).ToArray()")]
    public char[] SpanToArray() => _text.AsSpan(6, 40).ToArray();

    /// <summary>new byte[4096] per use: the garbage collector gets 4 KiB more each time.</summary>
    [Benchmark(Description = "new byte[4096]")]
    public byte[] NewArray() => new byte[4096];

    /// <summary>ArrayPool.Shared.Rent/Return: a pooled array, no allocation once warm (like a sync.Pool of buffers).</summary>
    [Benchmark(Description = "ArrayPool.Rent(4096)+Return")]
    public int PoolRent()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var n = buffer.Length;
        ArrayPool<byte>.Shared.Return(buffer);
        return n;
    }

    /// <summary>"id-" + a + "-" + b: intermediate strings for ToString and the concatenation result.</summary>
    [Benchmark(Description = "concatenation with +")]
    public string Concat() => "id-" + Size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + _text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>string.Create: one allocation, the characters written in place (like strings.Builder's String()).</summary>
    [Benchmark(Description = "string.Create")]
    public string StringCreate() => string.Create(16, (Size, _text.Length), static (span, s) =>
    {
        "id-".AsSpan().CopyTo(span);
        s.Size.TryFormat(span[3..], out var w, provider: System.Globalization.CultureInfo.InvariantCulture);
        span[3 + w] = '-';
        s.Length.TryFormat(span[(4 + w)..], out var w2, provider: System.Globalization.CultureInfo.InvariantCulture);
        span[(4 + w + w2)..].Fill(' ');
    });

    /// <summary>Stream.CopyTo(512) through a stream without a CopyTo override: Stream's loop, 128 Read/Write pairs for 64 KiB.</summary>
    [Benchmark(Description = "CopyTo(512), plain stream")]
    public long CopyTo512() => CopyPlain(512);

    /// <summary>Stream.CopyTo(81920) (the default size) through the same stream: one Read/Write pair; the buffer is rented from ArrayPool.</summary>
    [Benchmark(Description = "CopyTo(81920), plain stream")]
    public long CopyTo81920() => CopyPlain(81920);

    /// <summary>MemoryStream.CopyTo: its override writes its own array to the destination, whatever the buffer size (like Go's WriterTo).</summary>
    [Benchmark(Description = "MemoryStream.CopyTo (override)")]
    public long MemoryStreamCopyTo()
    {
        _source.Position = 0;
        _source.CopyTo(_sink, 512);
        return _source.Position;
    }

    /// <summary>Span slicing of a byte array (like Go's data[6:11]).</summary>
    [Benchmark(Description = "bytes AsSpan(6, 5)")]
    public int ByteSpanSlice() => _data.AsSpan(6, 5)[4];

    private long CopyPlain(int bufferSize)
    {
        _plain.Rewind();
        _plain.CopyTo(_sink, bufferSize);
        return _plain.Position;
    }
}
