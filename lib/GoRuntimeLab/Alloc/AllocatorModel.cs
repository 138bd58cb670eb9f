// Mirrors: runtime/malloc.go (mallocgc, nextFreeFast/nextFree), mcache.go (refill, allocLarge, releaseAll),
// mcentral.go (cacheSpan, uncacheSpan, grow), mheap.go (alloc, freeSpan), mgcsweep.go (sweep), Go 1.19–1.23.
// Simplified: GC is instantaneous at the heap goal (mark = "reachable by lifetime", then every span swept at once);
// no per-P page cache, scavenger, stacks or other off-heap memory; allocation i runs on P (i mod GOMAXPROCS).
namespace GoRuntimeLab.Alloc;

/// <summary>
/// The allocator's three levels driven by a stream of allocations: a per-P <b>mcache</b> (one cached span per span
/// class, plus the tiny block), one <b>mcentral</b> per span class (partial and full spans), and the <b>mheap</b>'s
/// page runs. Counts what Go's MemStats would (TotalAlloc, Mallocs, HeapInuse…) plus refills and span growth.
/// Deterministic: the same stream and config give the same result.
/// </summary>
public sealed class AllocatorModel
{
    private const int SampleTarget = 400;

    private readonly AllocatorConfig _config;
    private readonly PageHeap _heap = new();
    private readonly ModelSpan?[][] _cache;              // mcache.alloc[spanClass], per P
    private readonly TinyAllocator[] _tiny;              // mcache.tiny/tinyoffset, per P
    private readonly (ModelSpan Span, int Slot)?[] _tinyBlock; // the slot c.tiny points at, per P
    private readonly Queue<ModelSpan>[] _partial = NewQueues(); // mcentral.partial (swept)
    private readonly List<ModelSpan> _spans = [];        // every span in use, in creation order (≈ h.allspans)
    private readonly long[] _allocs = new long[SizeClasses.NumSpanClasses];
    private readonly long[] _refills = new long[SizeClasses.NumSpanClasses];
    private readonly long[] _grows = new long[SizeClasses.NumSpanClasses];
    private readonly long[] _spansNow = new long[SizeClasses.NumSpanClasses];
    private readonly long[] _peakSpans = new long[SizeClasses.NumSpanClasses];
    private readonly long[] _elemSize = new long[SizeClasses.NumSpanClasses];
    private readonly List<HeapSample> _samples = [];

    private long _index;          // allocations made so far
    private long _requested, _totalAlloc, _mallocs, _tinyAllocs, _tinyBlocks, _small, _large, _frees;
    private long _refillCount, _spansGrown, _spansFreed, _peakInUsePages;
    private long _objectBytes, _objectRequested;
    private long _marked;         // bytes that survived the last GC
    private long _allocatedSinceGc;
    private int _gcs;
    private long _sampleEvery = 1;

    /// <summary>A fresh heap (no spans, empty caches).</summary>
    public AllocatorModel(AllocatorConfig? config = null)
    {
        _config = (config ?? AllocatorConfig.Default).Validated();
        _cache = new ModelSpan?[_config.Procs][];
        _tiny = new TinyAllocator[_config.Procs];
        _tinyBlock = new (ModelSpan, int)?[_config.Procs];
        for (var p = 0; p < _config.Procs; p++)
        {
            _cache[p] = new ModelSpan?[SizeClasses.NumSpanClasses];
            _tiny[p] = new TinyAllocator();
        }
    }

    /// <summary>Runs a whole stream on a fresh heap.</summary>
    public static AllocatorResult Run(AllocationStream stream, AllocatorConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var model = new AllocatorModel(config) { _sampleEvery = Math.Max(1, stream.Requests.Count / SampleTarget) };
        model.Sample();
        foreach (var r in stream.Requests) model.Allocate(r);
        model.Sample();
        return model.Result(stream.Name);
    }

    /// <summary>
    /// What runtime.MemStats would show around a loop of <paramref name="objects"/> allocations of one size, started
    /// right after a ReadMemStats (which flushes the mcaches, emptying the tiny block): (TotalAlloc, Mallocs) deltas.
    /// The data/go/sizeclass recorder measures exactly this.
    /// </summary>
    public static (long TotalAlloc, long Mallocs) MemStatsDelta(long size, bool pointers, int objects, GoVersion? version = null)
    {
        var config = AllocatorConfig.Default.WithVersion(version ?? GoVersion.Latest).WithGogc(-1);
        var r = Run(AllocationStream.Constant(size, objects, pointers), config);
        return (r.TotalAllocBytes, r.Mallocs);
    }

    /// <summary>mallocgc for one request.</summary>
    public void Allocate(AllocationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var t = _index++;
        var lastUse = request.LiveFor >= long.MaxValue - t ? long.MaxValue : t + request.LiveFor;
        var c = SizeClasses.Lookup(request.Size, request.Pointers, _config.Version);
        var p = (int)(t % _config.Procs);
        _requested += request.Size;
        var shouldHelpGc = false;
        switch (c.Path)
        {
            case AllocPath.ZeroBase:
                break; // &zerobase: not counted in Mallocs
            case AllocPath.Tiny:
                shouldHelpGc = AllocTiny(p, request.Size, lastUse);
                break;
            case AllocPath.Small:
            {
                var (span, slot, refilled) = NextFree(p, c.SpanClass);
                Occupy(span, slot, lastUse, request.Size);
                _small++;
                _mallocs++;
                shouldHelpGc = refilled;
                break;
            }
            default:
                AllocLarge(c, lastUse, request.Size);
                shouldHelpGc = true;
                break;
        }

        // mallocgc: `if shouldhelpgc { if t := (gcTrigger{kind: gcTriggerHeap}); t.test() { gcStart(t) } }` — the
        // heap trigger is only checked after a refill or a large allocation.
        if (shouldHelpGc && _config.Gogc >= 0 && _marked + _allocatedSinceGc >= HeapGoal()) Gc();
        if (_index % _sampleEvery == 0) Sample();
    }

    /// <summary>The heap goal: live × (1 + GOGC/100), at least heapMinimum.</summary>
    public long HeapGoal() => _config.Gogc < 0
        ? long.MaxValue
        : Math.Max(_config.HeapMinimum, (long)Int128.Min(_marked + (Int128)_marked * _config.Gogc / 100, long.MaxValue)); // GOGC up to int32 max must not overflow

    /// <summary>A whole GC cycle at this point: flush every mcache, free unreachable objects, sweep every span.</summary>
    public void Gc()
    {
        Sample();
        var now = _index - 1; // the allocation that triggered the GC is still reachable (mallocgc returns it)

        // gcMarkTermination → mcache.prepareForSweep → releaseAll: cached spans go back to mcentral, tiny block dropped.
        for (var p = 0; p < _config.Procs; p++)
        {
            for (var spc = 0; spc < SizeClasses.NumSpanClasses; spc++)
            {
                if (_cache[p][spc] is { } s) s.Cached = false;
                _cache[p][spc] = null;
            }
            _tiny[p].Flush();
            _tinyBlock[p] = null;
        }

        // Sweep (mspan.sweep): unmarked slots are freed; an empty span goes back to the heap (mheap.freeSpan); the
        // others restart allocation at slot 0 and sit in mcentral's partial (or full) set.
        foreach (var q in _partial) q.Clear();
        _marked = 0;
        var kept = new List<ModelSpan>(_spans.Count);
        foreach (var s in _spans)
        {
            for (var i = 0; i < s.NElems; i++)
            {
                if (s.LastUse[i] == ModelSpan.Free) continue;
                if (s.LastUse[i] >= now)
                {
                    _marked += s.ElemSize;
                    continue;
                }
                s.LastUse[i] = ModelSpan.Free;
                s.AllocCount--;
                _frees++;
                _objectBytes -= s.ElemSize;
                _objectRequested -= s.Requested[i];
                s.Requested[i] = 0;
            }
            s.FreeIndex = 0;
            if (s.AllocCount == 0)
            {
                _heap.Free(s.StartPage, s.Pages);
                _spansFreed++;
                _spansNow[s.SpanClass]--;
                continue;
            }
            kept.Add(s);
            if (s.SizeClass != 0 && s.AllocCount < s.NElems) _partial[s.SpanClass].Enqueue(s);
        }
        _spans.Clear();
        _spans.AddRange(kept);
        _allocatedSinceGc = 0;
        _gcs++;
        Sample();
    }

    /// <summary>The counters so far.</summary>
    public AllocatorResult Result(string streamName)
    {
        long freeSlots = 0, tails = 0;
        foreach (var s in _spans)
        {
            freeSlots += (long)(s.NElems - s.AllocCount) * s.ElemSize;
            tails += s.TailWaste;
        }
        var classes = new List<SpanClassStats>();
        for (var spc = 0; spc < SizeClasses.NumSpanClasses; spc++)
        {
            if (_allocs[spc] == 0) continue;
            classes.Add(new SpanClassStats(spc, spc >> 1, (spc & 1) == 1, _elemSize[spc], _allocs[spc], _refills[spc], _grows[spc], _spansNow[spc], _peakSpans[spc]));
        }
        return new AllocatorResult(_config, streamName, _index, _mallocs, _tinyAllocs, _tinyBlocks, _small, _large,
            _totalAlloc, _requested, _frees, _refillCount, _spansGrown, _spansFreed, _gcs,
            _heap.InUsePages * SizeClasses.PageSize, _peakInUsePages * SizeClasses.PageSize, _heap.MappedPages * SizeClasses.PageSize,
            _objectBytes, _objectRequested, freeSlots, tails, classes, _samples.ToList());
    }

    // mallocgc's tiny path: pack into the current block, or take a new 16-byte slot of span class 5 (class 2, noscan).
    private bool AllocTiny(int p, long size, long lastUse)
    {
        var placement = _tiny[p].Place(size);
        _mallocs++;
        if (!placement.NewBlock)
        {
            var (span, slot) = _tinyBlock[p]!.Value;
            span.LastUse[slot] = Math.Max(span.LastUse[slot], lastUse);
            span.Requested[slot] += size;
            _objectRequested += size;
            _tinyAllocs++; // mcache.tinyAllocs: counted in Mallocs, not in TotalAlloc
            return false;
        }
        var tinySpanClass = SizeClasses.MakeSpanClass(SizeClasses.TinySizeClass, noscan: true);
        var (s, i, refilled) = NextFree(p, tinySpanClass);
        Occupy(s, i, lastUse, size);
        _tinyBlocks++;
        if (placement.BecameCurrent) _tinyBlock[p] = (s, i);
        return refilled;
    }

    // nextFreeFast/mcache.nextFree: the next free slot of the cached span; when it is full, mcache.refill.
    private (ModelSpan Span, int Slot, bool Refilled) NextFree(int p, int spanClass)
    {
        var s = _cache[p][spanClass];
        var refilled = false;
        if (s is null || s.NextFreeIndex() == s.NElems)
        {
            s = Refill(p, spanClass);
            refilled = true;
        }
        var slot = s.NextFreeIndex();
        s.FreeIndex = slot + 1;
        s.AllocCount++;
        _allocs[spanClass]++;
        return (s, slot, refilled);
    }

    // mcache.refill: hand the full span back (mcentral.uncacheSpan → full set), then mcentral.cacheSpan.
    private ModelSpan Refill(int p, int spanClass)
    {
        if (_cache[p][spanClass] is { } old) old.Cached = false;
        _refills[spanClass]++;
        _refillCount++;
        var s = CacheSpan(spanClass);
        s.Cached = true;
        _cache[p][spanClass] = s;
        return s;
    }

    // mcentral.cacheSpan: a partial swept span if there is one (spanSet.pop: oldest first), else mcentral.grow.
    private ModelSpan CacheSpan(int spanClass)
    {
        var q = _partial[spanClass];
        while (q.Count > 0)
        {
            var s = q.Dequeue();
            if (!s.Cached && s.NextFreeIndex() < s.NElems) return s;
        }
        return Grow(spanClass);
    }

    // mcentral.grow: mheap.alloc(class_to_allocnpages) and cut the span into class_to_size slots.
    private ModelSpan Grow(int spanClass)
    {
        var sizeClass = spanClass >> 1;
        var pages = SizeClasses.ClassPages(sizeClass);
        var size = SizeClasses.ClassSize(sizeClass);
        var start = _heap.Alloc(pages);
        // initSpan: nelems, less the in-span pointer bitmap of small pointerful spans in 1.22+.
        var s = new ModelSpan(spanClass, start, pages, size, SizeClasses.ObjectsPerSpan(sizeClass, (spanClass & 1) == 0, _config.Version));
        AddSpan(s);
        _grows[spanClass]++;
        _spansGrown++;
        return s;
    }

    // mcache.allocLarge: mheap.alloc(npages, spanClass(0, noscan)); counted as largeAlloc += npages*pageSize.
    private void AllocLarge(AllocClass c, long lastUse, long requested)
    {
        var start = _heap.Alloc(c.Pages);
        var s = new ModelSpan(c.SpanClass, start, c.Pages, c.Size, 1);
        AddSpan(s);
        s.AllocCount = 1;
        s.FreeIndex = 1;
        _allocs[c.SpanClass]++;
        _grows[c.SpanClass]++;
        Occupy(s, 0, lastUse, requested);
        _large++;
        _mallocs++;
    }

    private void AddSpan(ModelSpan s)
    {
        _spans.Add(s);
        _elemSize[s.SpanClass] = s.ElemSize;
        _spansNow[s.SpanClass]++;
        _peakSpans[s.SpanClass] = Math.Max(_peakSpans[s.SpanClass], _spansNow[s.SpanClass]);
        _peakInUsePages = Math.Max(_peakInUsePages, _heap.InUsePages);
    }

    private void Occupy(ModelSpan s, int slot, long lastUse, long requested)
    {
        s.LastUse[slot] = lastUse;
        s.Requested[slot] = requested;
        _objectBytes += s.ElemSize;
        _objectRequested += requested;
        _totalAlloc += s.ElemSize;
        _allocatedSinceGc += s.ElemSize;
    }

    private void Sample()
    {
        var sample = new HeapSample(_index, _gcs, _heap.InUsePages * SizeClasses.PageSize, _heap.MappedPages * SizeClasses.PageSize, _objectBytes, _objectRequested);
        if (_samples.Count == 0 || _samples[^1] != sample) _samples.Add(sample);
    }

    private static Queue<ModelSpan>[] NewQueues()
    {
        var queues = new Queue<ModelSpan>[SizeClasses.NumSpanClasses];
        for (var i = 0; i < queues.Length; i++) queues[i] = new Queue<ModelSpan>();
        return queues;
    }
}
