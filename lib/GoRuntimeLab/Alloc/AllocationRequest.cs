// Mirrors: the arguments of runtime.mallocgc (size, typ.ptrdata != 0), Go 1.19–1.23.
// Simplified: an object's reachability is a count of later allocations instead of a pointer graph.
namespace GoRuntimeLab.Alloc;

/// <summary>One heap allocation of an <see cref="AllocationStream"/>.</summary>
/// <param name="Size">Bytes requested (≥ 0).</param>
/// <param name="Pointers">The type has pointers (scan span class); false = noscan.</param>
/// <param name="LiveFor">
/// How many later allocations the object stays reachable for: 0 = garbage at once (freed by the next GC),
/// <see cref="Forever"/> = never freed.
/// </param>
public sealed record AllocationRequest(long Size, bool Pointers = false, long LiveFor = 0)
{
    /// <summary>A lifetime that never ends.</summary>
    public const long Forever = long.MaxValue;
}
