// Mirrors: runtime/mheap.go (mspan: nelems, elemsize, allocCount, freeindex), mbitmap.go (nextFreeIndex), Go 1.19–1.23.
// Simplified: one slot array instead of allocBits/gcmarkBits/allocCache; a slot records when its objects become unreachable.
namespace GoRuntimeLab.Alloc;

/// <summary>A span in the allocator model: a run of pages cut into equal slots of one size class (or one large object).</summary>
internal sealed class ModelSpan
{
    public const long Free = long.MinValue;

    public ModelSpan(int spanClass, long startPage, long pages, long elemSize, int nelems)
    {
        SpanClass = spanClass;
        StartPage = startPage;
        Pages = pages;
        ElemSize = elemSize;
        NElems = nelems;
        LastUse = new long[nelems];
        Requested = new long[nelems];
        Array.Fill(LastUse, Free);
    }

    public int SpanClass { get; }

    public int SizeClass => SpanClass >> 1;

    public long StartPage { get; }

    public long Pages { get; }

    public long ElemSize { get; }

    public int NElems { get; }

    /// <summary>Per slot: the last allocation index at which an object in it is still reachable (Free when empty).</summary>
    public long[] LastUse { get; }

    /// <summary>Per slot: bytes the objects in it asked for (a tiny block holds several).</summary>
    public long[] Requested { get; }

    public int AllocCount { get; set; }

    public int FreeIndex { get; set; }

    public bool Cached { get; set; }

    public long Bytes => Pages * SizeClasses.PageSize;

    public long TailWaste => Bytes - ElemSize * NElems;

    /// <summary>mspan.nextFreeIndex: the first free slot at or after freeindex (NElems when the span is full).</summary>
    public int NextFreeIndex()
    {
        while (FreeIndex < NElems && LastUse[FreeIndex] != Free) FreeIndex++;
        return FreeIndex;
    }
}
