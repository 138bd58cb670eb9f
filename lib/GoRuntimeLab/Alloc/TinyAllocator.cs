// Mirrors: runtime/malloc.go (mallocgc tiny path), mcache.go (releaseAll clears c.tiny), Go 1.19–1.23.
// Simplified: 64-bit alignment rules only; blocks are numbers, not addresses; no race-detector variant.
namespace GoRuntimeLab.Alloc;

/// <summary>
/// One P's tiny allocator: pointer-free objects under 16 bytes share 16-byte blocks. Mutable, like the mcache it mirrors.
/// </summary>
public sealed class TinyAllocator
{
    private bool _hasBlock;       // c.tiny != 0
    private int _current;         // which block c.tiny points at
    private long _offset;         // c.tinyoffset
    private int _placed;

    /// <summary>Blocks opened so far (each a class-2 object charged 16 bytes).</summary>
    public int BlocksOpened { get; private set; }

    /// <summary>Objects that fitted into the current block (mcache.tinyAllocs: counted in Mallocs, not in TotalAlloc).</summary>
    public int PackedIntoCurrent { get; private set; }

    /// <summary>Places one object of <paramref name="size"/> bytes (1…15).</summary>
    /// <exception cref="KitInputException">The size is not tiny.</exception>
    public TinyPlacement Place(long size)
    {
        if (size is < 1 or >= SizeClasses.TinySize)
            throw KitInputException.For($"a tiny object is 1…{SizeClasses.TinySize - 1} bytes, got {size}", parameter: "size");

        // "Align tiny pointer for required (conservative) alignment": 8 if size%8==0, else 4 if %4, else 2 if %2.
        var align = SizeClasses.TinyAlignment(size);
        var off = (_offset + align - 1) / align * align;
        var index = _placed++;
        if (off + size <= SizeClasses.TinySize && _hasBlock)
        {
            // "The object fits into existing tiny block."
            _offset = off + size;
            PackedIntoCurrent++;
            return new TinyPlacement(index, size, _current, off, NewBlock: false, BecameCurrent: false);
        }

        // "Allocate a new maxTinySize block", then keep whichever block has more room left:
        // `if size < c.tinyoffset || c.tiny == 0 { c.tiny = x; c.tinyoffset = size }`.
        var block = BlocksOpened++;
        var replace = size < _offset || !_hasBlock;
        if (replace)
        {
            _hasBlock = true;
            _current = block;
            _offset = size;
        }
        return new TinyPlacement(index, size, block, 0, NewBlock: true, BecameCurrent: replace);
    }

    /// <summary>mcache.releaseAll (at every GC and ReadMemStats): <c>c.tiny = 0; c.tinyoffset = 0</c>.</summary>
    public void Flush()
    {
        _hasBlock = false;
        _offset = 0;
    }

    /// <summary>Places a sequence of tiny objects from an empty allocator (e.g. for the packing picture).</summary>
    public static IReadOnlyList<TinyPlacement> Pack(IEnumerable<long> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var tiny = new TinyAllocator();
        return sizes.Select(tiny.Place).ToList();
    }
}
