// Mirrors: runtime/mheap.go (mheap.alloc, mheap.grow, mheap.freeSpan), mpagealloc.go (pageAlloc.alloc: lowest-address
// first fit), Go 1.19–1.23. Simplified: no per-P page cache, no scavenger, no arenas (one address space of pages).
namespace GoRuntimeLab.Alloc;

/// <summary>The model's page heap: free page runs kept in address order, grown in 4 MiB (512-page) chunks.</summary>
internal sealed class PageHeap
{
    /// <summary>pallocChunkPages: mheap.grow asks for whole 512-page (4 MiB) chunks.</summary>
    public const long ChunkPages = 512;

    private readonly List<(long Start, long Pages)> _free = [];

    public long MappedPages { get; private set; }

    public long InUsePages { get; private set; }

    public int Grows { get; private set; }

    /// <summary>mheap.alloc → pageAlloc.alloc: the lowest-addressed free run that fits; else mheap.grow and retry.</summary>
    public long Alloc(long pages)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            for (var i = 0; i < _free.Count; i++)
            {
                var (start, n) = _free[i];
                if (n < pages) continue;
                if (n == pages) _free.RemoveAt(i);
                else _free[i] = (start + pages, n - pages);
                InUsePages += pages;
                return start;
            }
            Grow(pages);
        }
        throw new InvalidOperationException("page heap: no fit after growing (model bug)");
    }

    /// <summary>mheap.freeSpan: the pages become a free run again, merged with free neighbours.</summary>
    public void Free(long start, long pages)
    {
        InUsePages -= pages;
        Insert(start, pages);
    }

    // mheap.grow: `ask := alignUp(npage, pallocChunkPages) * pageSize`, mapped at the end of the current arena.
    private void Grow(long pages)
    {
        var ask = (pages + ChunkPages - 1) / ChunkPages * ChunkPages;
        Grows++;
        Insert(MappedPages, ask);
        MappedPages += ask;
    }

    private void Insert(long start, long pages)
    {
        var i = 0;
        while (i < _free.Count && _free[i].Start < start) i++;
        _free.Insert(i, (start, pages));
        if (i + 1 < _free.Count && _free[i].Start + _free[i].Pages == _free[i + 1].Start)
        {
            _free[i] = (_free[i].Start, _free[i].Pages + _free[i + 1].Pages);
            _free.RemoveAt(i + 1);
        }
        if (i > 0 && _free[i - 1].Start + _free[i - 1].Pages == _free[i].Start)
        {
            _free[i - 1] = (_free[i - 1].Start, _free[i - 1].Pages + _free[i].Pages);
            _free.RemoveAt(i);
        }
    }
}
