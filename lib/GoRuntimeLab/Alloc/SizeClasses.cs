// Mirrors: runtime/sizeclasses.go (class_to_size, class_to_allocnpages, size_to_class8, size_to_class128; the comment
// table printed by mksizeclasses.go printComment), Go 1.19–1.23 (identical tables). Simplified: 64-bit only (8 KiB pages).
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Alloc;

/// <summary>
/// Go's 67 small-object size classes (plus class 0 for large objects), copied as data from runtime/sizeclasses.go,
/// and the lookup mallocgc does (<see cref="Lookup"/>). The same tables serve Go 1.19 to 1.23: mksizeclasses.go did
/// not change them (a test diffs them against both releases' sources).
/// </summary>
public static class SizeClasses
{
    /// <summary>_NumSizeClasses: 67 small classes and class 0 (large objects).</summary>
    public const int NumSizeClasses = 68;

    /// <summary>_MaxSmallSize: the largest small object (class 67).</summary>
    public const int MaxSmallSize = 32768;

    /// <summary>_PageShift: the heap's page is 8 KiB.</summary>
    public const int PageShift = 13;

    /// <summary>_PageSize = 1 &lt;&lt; _PageShift.</summary>
    public const int PageSize = 1 << PageShift;

    /// <summary>smallSizeDiv: below smallSizeMax the class is looked up in 8-byte steps.</summary>
    public const int SmallSizeDiv = 8;

    /// <summary>smallSizeMax: from here on the class is looked up in 128-byte steps.</summary>
    public const int SmallSizeMax = 1024;

    /// <summary>largeSizeDiv.</summary>
    public const int LargeSizeDiv = 128;

    /// <summary>maxTinySize (_TinySize): pointer-free objects below this share 16-byte blocks.</summary>
    public const int TinySize = 16;

    /// <summary>tinySizeClass: the class of the tiny allocator's 16-byte blocks.</summary>
    public const int TinySizeClass = 2;

    /// <summary>mallocHeaderSize (Go 1.22+ mbitmap.go): the type pointer stored before a larger pointerful object.</summary>
    public const int MallocHeaderSize = 8;

    /// <summary>minSizeForMallocHeader (Go 1.22+): pointerful objects larger than this (exclusive) get a header.</summary>
    public const int MinSizeForMallocHeader = 512;

    /// <summary>maxObjsPerSpan: class 1 (8 B in an 8 KiB span) has the most objects.</summary>
    public const int MaxObjsPerSpan = 1024;

    /// <summary>numSpanClasses = _NumSizeClasses &lt;&lt; 1 (a scan and a noscan span class per size class).</summary>
    public const int NumSpanClasses = NumSizeClasses << 1;

    // class_to_size: bytes per object of each class (class 0 unused).
    private static readonly int[] ClassToSize =
    [
        0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224,
        240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152,
        1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912,
        8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
    ];

    // class_to_allocnpages: 8 KiB pages per span of each class.
    private static readonly int[] ClassToAllocNPages =
    [
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3,
        4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10, 7, 4,
    ];

    // size_to_class8[ceil(size/8)] for size <= 1016 (smallSizeMax-8).
    private static readonly byte[] SizeToClass8 =
    [
        0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18,
        19, 19, 19, 19, 20, 20, 20, 20, 21, 21, 21, 21, 22, 22, 22, 22, 23, 23, 23, 23, 24, 24, 24, 24, 25, 25, 25, 25, 26, 26, 26, 26, 27,
        27, 27, 27, 27, 27, 27, 27, 28, 28, 28, 28, 28, 28, 28, 28, 29, 29, 29, 29, 29, 29, 29, 29, 30, 30, 30, 30, 30, 30, 30, 30, 31, 31,
        31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
    ];

    // size_to_class128[ceil((size-1024)/128)] for 1016 < size <= 32768.
    private static readonly byte[] SizeToClass128 =
    [
        32, 33, 34, 35, 36, 37, 37, 38, 38, 39, 39, 40, 40, 40, 41, 41, 41, 42, 43, 43, 44, 44, 44, 44, 44, 45, 45, 45, 45, 45, 45,
        46, 46, 46, 46, 47, 47, 47, 47, 47, 47, 48, 48, 48, 49, 49, 50, 51, 51, 51, 51, 51, 51, 51, 51, 51, 51, 52, 52, 52, 52, 52,
        52, 52, 52, 52, 52, 53, 53, 54, 54, 54, 54, 55, 55, 55, 55, 55, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 57, 57, 57, 57,
        57, 57, 57, 57, 57, 57, 58, 58, 58, 58, 58, 58, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 60, 60, 60,
        60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 61, 61, 61, 61, 61, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 63, 63,
        63, 63, 63, 63, 63, 63, 63, 63, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 65,
        65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66,
        67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67,
        67,
    ];

    private static readonly SizeClassRow[] RowsTable = BuildRows();

    /// <summary>The 67 small classes (1…67) with the columns of sizeclasses.go's comment table.</summary>
    public static IReadOnlyList<SizeClassRow> Rows => RowsTable;

    /// <summary>class_to_size[sizeClass]: bytes per object; 0 for class 0 (large objects have no fixed size).</summary>
    public static int ClassSize(int sizeClass) => ClassToSize[CheckClass(sizeClass)];

    /// <summary>class_to_allocnpages[sizeClass]: 8 KiB pages in one span of the class.</summary>
    public static int ClassPages(int sizeClass) => ClassToAllocNPages[CheckClass(sizeClass)];

    /// <summary>The comment-table row of a small class (1…67).</summary>
    public static SizeClassRow Row(int sizeClass)
    {
        if (sizeClass is < 1 or >= NumSizeClasses)
            throw KitInputException.For($"a small size class is 1…{NumSizeClasses - 1}, got {sizeClass}", parameter: "sizeClass");
        return RowsTable[sizeClass - 1];
    }

    /// <summary>
    /// The class mallocgc picks for a small size (1…32768) after any malloc header is added: size_to_class8 up to
    /// 1016 bytes, size_to_class128 above (malloc.go: <c>if size &lt;= smallSizeMax-8</c>).
    /// </summary>
    public static int ClassFor(long size)
    {
        if (size is < 1 or > MaxSmallSize)
            throw KitInputException.For($"a small object is 1…{MaxSmallSize} bytes, got {size}", parameter: "size");
        // mallocgc: the 8-byte table ends at smallSizeMax-8; 1017…1024 go through the 128-byte table (class 32 either way).
        return size <= SmallSizeMax - 8
            ? SizeToClass8[DivRoundUp(size, SmallSizeDiv)]
            : SizeToClass128[DivRoundUp(size - SmallSizeMax, LargeSizeDiv)];
    }

    /// <summary>
    /// Where mallocgc puts one heap object of <paramref name="size"/> bytes: the zero-size base, the tiny allocator,
    /// a small size class (with Go 1.22+'s malloc header for pointerful objects over 512 bytes) or a large span.
    /// </summary>
    /// <param name="size">Requested bytes (the type's size times the element count), ≥ 0.</param>
    /// <param name="pointers">True when the type contains pointers (mallocgc's <c>!noscan</c>).</param>
    /// <param name="version">Go release (1.19…1.23); default <see cref="GoVersion.Latest"/>.</param>
    /// <exception cref="KitInputException">A negative size, or a version outside 1.19…1.23.</exception>
    public static AllocClass Lookup(long size, bool pointers = false, GoVersion? version = null)
    {
        var v = CheckVersion(version ?? GoVersion.Latest);
        if (size < 0) throw KitInputException.For($"must be ≥ 0 bytes, got {size}", parameter: "size");
        if (size > MaxObjectSize) throw KitInputException.For($"must be ≤ {MaxObjectSize} bytes (1 TiB), got {size}", parameter: "size");
        var noscan = !pointers;

        // mallocgc: `if size == 0 { return unsafe.Pointer(&zerobase) }` — nothing is allocated or charged.
        if (size == 0) return new AllocClass(0, pointers, v, AllocPath.ZeroBase, 0, 0, 0, 0, 0, 0, 0, 0);

        // 1.22+ (malloc.go): `if size <= maxSmallSize-mallocHeaderSize` — sizes 32761…32768 are large even without
        // pointers ("the small window … will be considered large"); 1.19: `if size <= maxSmallSize`.
        var hasHeaders = v.AtLeast(GoVersion.Go1_22);
        var smallLimit = hasHeaders ? MaxSmallSize - MallocHeaderSize : MaxSmallSize;
        if (size <= smallLimit)
        {
            if (noscan && size < TinySize)
            {
                // Tiny allocator: the object is packed into the P's 16-byte block (class 2, noscan span class 5).
                var perBlock = TinyObjectsPerBlock(size);
                var row = Row(TinySizeClass);
                return new AllocClass(size, pointers, v, AllocPath.Tiny, TinySizeClass, TinySize, 0,
                    row.SpanBytes, row.Objects, row.TailWaste, MakeSpanClass(TinySizeClass, noscan), row.SpanBytes / PageSize)
                {
                    TinyAlign = TinyAlignment(size),
                    TinyPerBlock = perBlock,
                };
            }

            // 1.22+ (mbitmap.go heapBitsInSpan): pointerful objects over 512 bytes carry an 8-byte type header, added
            // to the size *before* the class lookup (malloc.go: `size += mallocHeaderSize`).
            var header = hasHeaders && pointers && size > MinSizeForMallocHeader ? MallocHeaderSize : 0;
            var sizeClass = ClassFor(size + header);
            var r = Row(sizeClass);
            var objects = ObjectsPerSpan(sizeClass, pointers, v);
            // What the slots and (1.22+) the in-span pointer bitmap leave over at the end of the span.
            var tail = r.SpanBytes - objects * r.Size - SpanBitmapBytes(sizeClass, pointers, v);
            return new AllocClass(size, pointers, v, AllocPath.Small, sizeClass, r.Size, header,
                r.SpanBytes, objects, tail, MakeSpanClass(sizeClass, noscan), r.SpanBytes / PageSize);
        }

        // mcache.allocLarge: a dedicated span of whole pages, span class 0 (no header: 1.22+ keeps the type in
        // span.largeType), charged npages*pageSize.
        var pages = DivRoundUp(size, PageSize);
        var bytes = pages * PageSize;
        return new AllocClass(size, pointers, v, AllocPath.Large, 0, bytes, 0, bytes, 1, 0, MakeSpanClass(0, noscan), pages);
    }

    /// <summary>The largest size <see cref="Lookup"/> accepts (1 TiB): far above any heap the kit simulates.</summary>
    public const long MaxObjectSize = 1L << 40;

    /// <summary>makeSpanClass: <c>sizeclass&lt;&lt;1 | noscan</c>.</summary>
    public static int MakeSpanClass(int sizeClass, bool noscan) => (CheckClass(sizeClass) << 1) | (noscan ? 1 : 0);

    /// <summary>
    /// The tiny allocator's alignment for an object (malloc.go): 8 when size%8==0, else 4 when size%4==0, else 2 when
    /// even, else 1 (64-bit: the 12-byte special case of 32-bit systems does not apply).
    /// </summary>
    public static int TinyAlignment(long size) => (size & 7) == 0 ? 8 : (size & 3) == 0 ? 4 : (size & 1) == 0 ? 2 : 1;

    /// <summary>
    /// Objects one span of <paramref name="sizeClass"/> holds. Go 1.22+ (mheap.go initSpan) keeps the pointer bitmap of
    /// pointerful spans with objects of at most 512 bytes (heapBitsInSpan) at the end of the span:
    /// <c>nelems = (nbytes − nbytes/64) / elemsize</c>, so such a span holds fewer objects than sizeclasses.go's table
    /// (a 512 B pointerful span: 15 instead of 16). Go 1.19 keeps the bitmap outside the span.
    /// </summary>
    public static int ObjectsPerSpan(int sizeClass, bool pointers, GoVersion version)
    {
        var r = Row(sizeClass);
        return (int)((r.SpanBytes - SpanBitmapBytes(sizeClass, pointers, version)) / r.Size);
    }

    // mheap.go initSpan (1.22+): `if !s.spanclass.noscan() && heapBitsInSpan(s.elemsize) { nbytes/goarch.PtrSize/8 reserved }`.
    private static long SpanBitmapBytes(int sizeClass, bool pointers, GoVersion version)
    {
        var r = Row(sizeClass);
        return version.AtLeast(GoVersion.Go1_22) && pointers && r.Size <= MinSizeForMallocHeader ? r.SpanBytes / 8 / 8 : 0;
    }

    /// <summary>How many objects of one tiny size fill a 16-byte block, each aligned by <see cref="TinyAlignment"/>.</summary>
    public static int TinyObjectsPerBlock(long size)
    {
        if (size is < 1 or >= TinySize)
            throw KitInputException.For($"a tiny object is 1…{TinySize - 1} bytes, got {size}", parameter: "size");
        var align = TinyAlignment(size);
        var count = 0;
        for (long off = 0; off + size <= TinySize; off = AlignUp(off + size, align)) count++;
        return count;
    }

    /// <summary>
    /// The comment table of sizeclasses.go exactly as mksizeclasses.go prints it (without the leading "// "):
    /// the class table, a blank line, the alignment table.
    /// </summary>
    public static string FormatTable()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"{"class",-5}  {"bytes/obj",-9}  {"bytes/span",-10}  {"objects",-7}  {"tail waste",-10}  {"max waste",-9}  {"min align",-9}").Append('\n');
        foreach (var r in RowsTable)
            sb.Append(inv, $"{r.Class,5}  {r.Size,9}  {r.SpanBytes,10}  {r.Objects,7}  {r.TailWaste,10}  {r.MaxWastePercent,8:F2}%  {r.MinAlign,9}").Append('\n');
        sb.Append('\n');
        sb.Append(inv, $"{"alignment",-9}  {"bits",-4}  {"min obj size",-12}").Append('\n');
        foreach (var (alignment, bits, minSize) in AlignmentTable())
            sb.Append(inv, $"{alignment,9}  {bits,4}  {minSize,12}").Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// mksizeclasses.go's alignment table: for each power-of-two alignment, the smallest object size from which every
    /// larger class is at least that aligned (rows with the same size as the next are skipped, as Go prints them).
    /// </summary>
    public static IReadOnlyList<(int Alignment, int Bits, int MinObjectSize)> AlignmentTable()
    {
        var minAligns = new int[PageShift + 1];
        foreach (var r in RowsTable)
        {
            var alignBits = System.Numerics.BitOperations.Log2((uint)r.MinAlign);
            for (var i = 0; i < minAligns.Length; i++)
            {
                if (i > alignBits) minAligns[i] = 0;
                else if (minAligns[i] == 0) minAligns[i] = r.Size;
            }
        }
        var rows = new List<(int, int, int)>();
        for (var bits = 0; bits < minAligns.Length && minAligns[bits] != 0; bits++)
        {
            if (bits + 1 < minAligns.Length && minAligns[bits] == minAligns[bits + 1]) continue;
            rows.Add((1 << bits, bits, minAligns[bits]));
        }
        return rows;
    }

    // mksizeclasses.go printComment: objects = spanSize/size; tail waste = spanSize - size*objects; max waste assumes
    // every object is one byte bigger than the previous class; min align = lowest set bit of the size, capped at a page.
    private static SizeClassRow[] BuildRows()
    {
        var rows = new SizeClassRow[NumSizeClasses - 1];
        var prevSize = 0;
        for (var c = 1; c < NumSizeClasses; c++)
        {
            var size = ClassToSize[c];
            var spanSize = ClassToAllocNPages[c] * PageSize;
            var objects = spanSize / size;
            var tailWaste = spanSize - size * objects;
            var maxWaste = (double)((size - prevSize - 1) * objects + tailWaste) / spanSize;
            var alignBits = Math.Min(System.Numerics.BitOperations.TrailingZeroCount(size), PageShift);
            rows[c - 1] = new SizeClassRow(c, size, spanSize, objects, tailWaste, 100 * maxWaste, 1 << alignBits);
            prevSize = size;
        }
        return rows;
    }

    /// <summary>True for the releases whose allocator rules are modelled: Go 1.19…1.23.</summary>
    public static bool Supports(GoVersion version) =>
        version.Major == 1 && version >= GoVersion.Go1_19 && version.Minor <= GoVersion.Latest.Minor;

    /// <summary>Returns <paramref name="version"/> if its allocator rules are modelled, else throws naming the parameter "version".</summary>
    public static GoVersion CheckVersion(GoVersion version)
    {
        if (!Supports(version))
            throw KitInputException.For($"the allocator is modelled for Go 1.19…1.{GoVersion.Latest.Minor}, got {version}", parameter: GoSettings.VersionName);
        return version;
    }

    private static int CheckClass(int sizeClass) =>
        sizeClass is >= 0 and < NumSizeClasses
            ? sizeClass
            : throw KitInputException.For($"a size class is 0…{NumSizeClasses - 1}, got {sizeClass}", parameter: "sizeClass");

    private static long DivRoundUp(long n, long a) => (n + a - 1) / a;

    private static long AlignUp(long n, long a) => (n + a - 1) / a * a;
}
