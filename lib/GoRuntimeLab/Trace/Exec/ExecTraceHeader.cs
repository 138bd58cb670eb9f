namespace GoRuntimeLab.Trace.Exec;

/// <summary>
/// The 16-byte header every execution trace starts with: "go 1.NN trace" padded with NUL bytes
/// (runtime/trace.go traceHeader before Go 1.22; runtime/trace2.go / internal/trace/v2/version since 1.22).
/// </summary>
/// <param name="Major">Always 1.</param>
/// <param name="Minor">The Go minor version whose format the trace uses (e.g. 19, 22).</param>
public sealed record ExecTraceHeader(int Major, int Minor)
{
    /// <summary>Length of the header in bytes.</summary>
    public const int Length = 16;

    /// <summary>"1.NN", as go tool trace prints it.</summary>
    public string Version => $"{Major}.{Minor}";

    /// <summary>True for the generation-based format of Go 1.22 and later (internal/trace/v2).</summary>
    public bool IsGenerational => Major == 1 && Minor >= 22;

    /// <summary>Reads and checks the header at the start of <paramref name="stream"/>; the stream is left just after it.</summary>
    public static ExecTraceHeader Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> buf = stackalloc byte[Length];
        var n = 0;
        while (n < Length)
        {
            var got = stream.Read(buf[n..]);
            if (got == 0) throw ExecTraceFormatException.At(source, n, $"file ends inside the 16-byte trace header (is this a Go execution trace?)");
            n += got;
        }

        // internal/trace/parser.go parseHeader (Go 1.19): "go 1." then 1 to 3 digits, the first not 0, then " trace" and
        // NUL bytes to 16 ("go 1.2345 trace\x00" and "go 0.0 trace" are not traces).
        var i = 6;
        while (i < 8 && buf[i] is >= (byte)'0' and <= (byte)'9') i++;
        ReadOnlySpan<byte> tail = " trace\0\0\0\0"u8;
        if (buf[0] != 'g' || buf[1] != 'o' || buf[2] != ' ' || buf[3] != '1' || buf[4] != '.' || buf[5] is < (byte)'1' or > (byte)'9'
            || !buf[i..].SequenceEqual(tail[..(Length - i)]))
            throw ExecTraceFormatException.At(source, 0, "not a Go execution trace: the file does not start with \"go 1.NN trace\"");
        var minor = 0;
        for (var d = 5; d < i; d++) minor = minor * 10 + (buf[d] - '0');
        return new ExecTraceHeader(1, minor);
    }
}
