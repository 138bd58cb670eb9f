using System.Text;
using GoRuntimeLab.Trace.Exec.V2;

namespace GoRuntimeLab.Tests.Trace.ExecV2;

/// <summary>Builds small binary Go 1.22+ traces batch by batch (runtime/trace2buf.go traceWriter layout).</summary>
internal sealed class TraceBuilder(int minor)
{
    private readonly List<byte> _bytes = [.. Encoding.ASCII.GetBytes($"go 1.{minor} trace\0\0\0")];

    /// <summary>An EventBatch header [gen, M, time, size] followed by the concatenated events.</summary>
    public TraceBuilder Batch(ulong gen, ulong m, ulong time, params byte[][] events)
    {
        var data = events.SelectMany(e => e).ToArray();
        _bytes.Add(V2EventSpecs.EvEventBatch);
        foreach (var v in new[] { gen, m, time, (ulong)data.Length }) _bytes.AddRange(Varint(v));
        _bytes.AddRange(data);
        return this;
    }

    public byte[] Bytes() => [.. _bytes];

    public static byte[] Ev(byte type, params ulong[] args) => [type, .. args.SelectMany(Varint)];

    public static byte[] Varint(ulong v)
    {
        var b = new List<byte>();
        while (v >= 0x80)
        {
            b.Add((byte)(v | 0x80));
            v >>= 7;
        }
        b.Add((byte)v);
        return [.. b];
    }
}
