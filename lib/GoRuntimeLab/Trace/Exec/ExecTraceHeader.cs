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

        // internal/trace/parser.go readHeader (Go 1.19): "go 1.%d trace\x00\x00\x00..." with the version in 1.5..1.21.
        var text = System.Text.Encoding.ASCII.GetString(buf).TrimEnd('\0');
        var parts = text.Split(' ');
        if (parts.Length != 3 || parts[0] != "go" || parts[2] != "trace" || !parts[1].StartsWith("1.", StringComparison.Ordinal)
            || !int.TryParse(parts[1].AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor))
            throw ExecTraceFormatException.At(source, 0, "not a Go execution trace: the file does not start with \"go 1.NN trace\"");
        return new ExecTraceHeader(1, minor);
    }
}
