using System.Runtime.InteropServices;

namespace GoRuntimeLab.Benchmarks;

/// <summary>A counter alone in a pair of cache lines (the adjacent-line prefetcher moves lines in pairs).</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
public struct PaddedCounter128
{
    [FieldOffset(0)]
    public long Value;
}
