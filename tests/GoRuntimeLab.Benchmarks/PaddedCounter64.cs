using System.Runtime.InteropServices;

namespace GoRuntimeLab.Benchmarks;

/// <summary>A counter alone in a 64-byte cache line: C#'s analogue of Go's <c>struct{ n uint64; _ [56]byte }</c>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 64)]
public struct PaddedCounter64
{
    [FieldOffset(0)]
    public long Value;
}
