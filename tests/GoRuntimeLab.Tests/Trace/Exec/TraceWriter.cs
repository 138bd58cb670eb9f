namespace GoRuntimeLab.Tests.Trace.Exec;

/// <summary>
/// Port of internal/trace/writer.go (Go 1.19), which Go's parser tests use to build traces by hand: the header, then
/// each event as one byte of type and argument count, the arguments as base-128 values, with a length byte first
/// when there are four or more.
/// </summary>
internal sealed class TraceWriter
{
    private readonly List<byte> _bytes;

    public TraceWriter(string header = "go 1.9 trace\0\0\0\0") => _bytes = [.. System.Text.Encoding.ASCII.GetBytes(header)];

    /// <summary>Offset the next event will start at.</summary>
    public int Offset => _bytes.Count;

    public TraceWriter Emit(byte type, params ulong[] args)
    {
        var nargs = (byte)Math.Min(args.Length - 1, 3);
        var start = _bytes.Count;
        _bytes.Add((byte)(type | (nargs << 6)));
        if (nargs == 3) _bytes.Add(0);
        foreach (var a in args) AppendVarint(a);
        if (nargs == 3) _bytes[start + 1] = (byte)(_bytes.Count - start - 2);
        return this;
    }

    /// <summary>Raw bytes (e.g. a String entry, whose layout Emit does not make).</summary>
    public TraceWriter Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];

    public MemoryStream ToStream() => new(ToArray(), writable: false);

    private void AppendVarint(ulong v)
    {
        for (; v >= 0x80; v >>= 7) _bytes.Add((byte)(0x80 | (byte)v));
        _bytes.Add((byte)v);
    }
}
