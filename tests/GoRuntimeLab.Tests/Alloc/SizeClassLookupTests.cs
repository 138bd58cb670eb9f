using GoRuntimeLab.Alloc;

namespace GoRuntimeLab.Tests.Alloc;

/// <summary>
/// <see cref="SizeClasses.Lookup"/> for every size 0…32768, Go 1.19 and 1.23, against mallocgc's rules applied to the
/// arrays parsed from the Go source (the model's own tables are not used by the oracle), and large sizes.
/// </summary>
public class SizeClassLookupTests
{
    private static readonly GoSizeClassSource Go = GoSizeClassSource.Read(GoSizeClassSource.Paths("1.23.5").First());

    // mallocgc (1.19 and 1.23 malloc.go) written out against the source's arrays: the oracle for the walk.
    private static (int Class, long Size, bool Tiny, bool Large) Oracle(long size, bool pointers, bool headers)
    {
        if (size == 0) return (0, 0, false, false);
        var smallLimit = headers ? 32768 - 8 : 32768;
        if (size > smallLimit) return (0, (size + 8191) / 8192 * 8192, false, true);
        if (!pointers && size < 16) return (2, 16, true, false);
        if (headers && pointers && size > 512) size += 8;
        var c = size <= 1016 ? Go.SizeToClass8[(size + 7) / 8] : Go.SizeToClass128[(size - 1024 + 127) / 128];
        return (c, Go.ClassToSize[c], false, false);
    }

    [Theory]
    [InlineData("1.19", false)]
    [InlineData("1.23", true)]
    public void Every_size_up_to_32768_follows_mallocgc(string version, bool headers)
    {
        var v = GoVersion.Parse(version);
        for (long size = 0; size <= 32768; size++)
        {
            foreach (var pointers in (bool[])[false, true])
            {
                var a = SizeClasses.Lookup(size, pointers, v);
                var (c, rounded, tiny, large) = Oracle(size, pointers, headers);
                if ((c, rounded, tiny, large) != (a.Class, a.Size, a.Tiny, a.Large))
                    Assert.Fail($"{size} pointers={pointers} {version}: model {a}, mallocgc class {c} size {rounded}");
                if (size > 0) Assert.Equal(SizeClasses.MakeSpanClass(a.Class, !pointers), a.SpanClass);
                Assert.Equal(a.SpanBytes / 8192, a.Pages);
                if (size > 0)
                {
                    Assert.InRange(a.Size, size, long.MaxValue);
                    // 1.22+ keeps a small pointerful span's pointer bitmap (span/64 bytes) inside the span (mheap.go initSpan).
                    var bitmap = headers && pointers && !a.Tiny && !large && a.Size <= 512 ? a.SpanBytes / 64 : 0;
                    Assert.Equal((a.SpanBytes - bitmap) / a.Size, a.Objects);
                    Assert.Equal(a.SpanBytes - bitmap - a.Objects * a.Size, a.TailWaste);
                }
                var header = headers && pointers && size > 512 && !large ? 8 : 0;
                Assert.Equal(header, a.HeaderBytes);
            }
        }
    }

    [Theory]
    [InlineData(32769L, 40960L)]
    [InlineData(40960L, 40960L)]
    [InlineData(40961L, 49152L)]
    [InlineData(1L << 20, 1L << 20)]
    [InlineData((1L << 20) + 1, (1L << 20) + 8192)]
    [InlineData(1L << 40, 1L << 40)]
    public void Large_sizes_round_up_to_whole_pages(long size, long expected)
    {
        foreach (var v in (GoVersion[])[GoVersion.Go1_19, GoVersion.Go1_23])
        {
            foreach (var pointers in (bool[])[false, true])
            {
                var a = SizeClasses.Lookup(size, pointers, v);
                Assert.True(a.Large);
                Assert.Equal((0, expected, expected / 8192, 1, 0), (a.Class, a.Size, a.Pages, a.Objects, a.HeaderBytes));
                Assert.Equal(pointers ? 0 : 1, a.SpanClass);
            }
        }
    }

    [Fact]
    public void Go_1_22_malloc_header_moves_a_1024_byte_pointerful_object_to_class_1152()
    {
        var old = SizeClasses.Lookup(1024, pointers: true, GoVersion.Go1_21);
        var now = SizeClasses.Lookup(1024, pointers: true, GoVersion.Go1_22);
        Assert.Equal((32, 1024L, 0), (old.Class, old.Size, old.HeaderBytes));
        Assert.Equal((33, 1152L, 8), (now.Class, now.Size, now.HeaderBytes));
        Assert.Equal(1024, SizeClasses.Lookup(1024, pointers: false, GoVersion.Go1_23).Size);
        // 512 B is exactly minSizeForMallocHeader: exclusive, so no header.
        Assert.Equal((512L, 0), (SizeClasses.Lookup(512, true, GoVersion.Go1_23).Size, SizeClasses.Lookup(512, true, GoVersion.Go1_23).HeaderBytes));
        Assert.Equal(576, SizeClasses.Lookup(520, true, GoVersion.Go1_23).Size);
    }

    [Fact]
    public void Sizes_32761_to_32768_are_large_from_go_1_22()
    {
        Assert.Equal(AllocPath.Small, SizeClasses.Lookup(32768, false, GoVersion.Go1_21).Path);
        Assert.Equal(AllocPath.Large, SizeClasses.Lookup(32761, false, GoVersion.Go1_22).Path);
        Assert.Equal(AllocPath.Small, SizeClasses.Lookup(32760, false, GoVersion.Go1_22).Path);
        // Same bytes either way: class 67 holds 32768 B, and 4 pages are 32768 B.
        Assert.Equal(32768, SizeClasses.Lookup(32768, true, GoVersion.Go1_23).Size);
    }

    [Theory]
    [InlineData(1, 1, 16)]
    [InlineData(2, 2, 8)]
    [InlineData(3, 1, 5)]
    [InlineData(4, 4, 4)]
    [InlineData(5, 1, 3)]
    [InlineData(6, 2, 2)]
    [InlineData(7, 1, 2)]
    [InlineData(8, 8, 2)]
    [InlineData(12, 4, 1)]
    [InlineData(15, 1, 1)]
    public void Tiny_objects_pack_by_the_alignment_rule(long size, int align, int perBlock)
    {
        var a = SizeClasses.Lookup(size);
        Assert.True(a.Tiny);
        Assert.Equal((2, 16L, 5, align, perBlock), (a.Class, a.Size, a.SpanClass, a.TinyAlign, a.TinyPerBlock));
        Assert.Equal(16.0 / perBlock, a.BytesPerObject);
    }

    [Fact]
    public void Size_zero_allocates_nothing()
    {
        var a = SizeClasses.Lookup(0, true);
        Assert.Equal(AllocPath.ZeroBase, a.Path);
        Assert.Equal((0L, 0, 0.0), (a.Size, a.Class, a.Waste));
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        Assert.Equal("size", Assert.Throws<KitInputException>(() => SizeClasses.Lookup(-1)).Parameter);
        Assert.Contains("size", Assert.Throws<KitInputException>(() => SizeClasses.Lookup(-1)).Message, StringComparison.Ordinal);
        Assert.Equal("size", Assert.Throws<KitInputException>(() => SizeClasses.Lookup((1L << 40) + 1)).Parameter);
        Assert.Equal("version", Assert.Throws<KitInputException>(() => SizeClasses.Lookup(8, false, new GoVersion(1, 18))).Parameter);
        Assert.Equal("version", Assert.Throws<KitInputException>(() => SizeClasses.Lookup(8, false, new GoVersion(1, 24))).Parameter);
        Assert.Equal("size", Assert.Throws<KitInputException>(() => SizeClasses.ClassFor(32769)).Parameter);
        Assert.Equal("size", Assert.Throws<KitInputException>(() => SizeClasses.TinyObjectsPerBlock(16)).Parameter);
    }

    [Fact]
    public void ToString_is_a_short_summary()
    {
        Assert.Equal("1024 B (pointerful, go1.23) → class 33 (1152 B incl. 8 B header), 7 per 8192 B span, waste 128 B (11.1%)",
            SizeClasses.Lookup(1024, true, GoVersion.Go1_23).ToString());
        Assert.StartsWith("5 B (pointer-free, go1.23) → tiny: 3 per 16 B block", SizeClasses.Lookup(5).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("40000 B (pointer-free, go1.19) → large: 5 page(s) = 40960 B", SizeClasses.Lookup(40000, false, GoVersion.Go1_19).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, 1024, 1008)]
    [InlineData(48, 170, 168)]
    [InlineData(512, 16, 15)]
    public void Go_1_22_pointerful_spans_hold_fewer_objects_than_the_table(long size, int go119, int go123)
    {
        // Measured with real Go (HeapInuse per object, GOGC=off): 1024 / 1008.9, 170 / 168, 16 / 15 objects per span.
        Assert.Equal(go119, SizeClasses.Lookup(size, pointers: true, GoVersion.Go1_19).Objects);
        Assert.Equal(go123, SizeClasses.Lookup(size, pointers: true, GoVersion.Go1_23).Objects);
        if (size >= 16) Assert.Equal(go119, SizeClasses.Lookup(size, pointers: false, GoVersion.Go1_23).Objects); // noscan: no bitmap (below 16 B: tiny)
    }
}
