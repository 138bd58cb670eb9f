using GoRuntimeLab.Alloc;

namespace GoRuntimeLab.Tests.Alloc;

/// <summary>The tiny path of mallocgc, including Go's own runtime/malloc_test.go tiny tests ported to the model.</summary>
public class TinyAllocatorTests
{
    [Fact]
    public void TestTinyAlloc_sixteen_one_byte_objects_share_8_byte_chunks()
    {
        // malloc_test.go TestTinyAlloc: 16 × new(byte); "no bytes allocated within the same 8-byte chunk" must not happen.
        var placed = TinyAllocator.Pack(Enumerable.Repeat(1L, 16));
        var chunks = placed.Select(p => (p.Block * 16 + p.Offset) & ~7L).Distinct().Count();
        Assert.True(chunks < 16);
        Assert.Equal(2, chunks); // in the model (a fresh block): all 16 in one block, two 8-byte halves
    }

    [Fact]
    public void TestTinyAllocIssue37262_a_fresh_slot_then_12_byte_objects_are_8_aligned()
    {
        // malloc_test.go TestTinyAllocIssue37262: 1-byte allocations until one ends a block (address&0xf == 0xf),
        // then 12-byte objects (obj12{uint64; uint32}) must be 8-byte aligned for atomic access.
        var tiny = new TinyAllocator();
        var aligned = false;
        for (var i = 0; i < 16 && !aligned; i++) aligned = tiny.Place(1).Offset == 15;
        Assert.True(aligned, "unable to get a fresh tiny slot");
        var a = tiny.Place(12);
        var b = tiny.Place(12);
        Assert.Equal(0, a.Offset % 8);
        Assert.Equal(0, b.Offset % 8);
    }

    [Fact]
    public void Alignment_and_replacement_follow_mallocgc()
    {
        var p = TinyAllocator.Pack([1, 8, 4, 2, 5, 12, 3]);
        // 1 @0; 8 aligned to 8 @8; 4 aligned to 4 @16 → no room: new block, becomes current (4 < 16); 2 @4;
        // 5 @6 → 11; 12 needs offset 12 → 24 > 16: new block, but 12 < 11 is false so the old one stays current;
        // 3 @11 → 14 in the old block.
        Assert.Equal(
            [(0, 0L, true, true), (0, 8L, false, false), (1, 0L, true, true), (1, 4L, false, false), (1, 6L, false, false), (2, 0L, true, false), (1, 11L, false, false)],
            p.Select(x => (x.Block, x.Offset, x.NewBlock, x.BecameCurrent)));
    }

    [Fact]
    public void Flush_drops_the_current_block_like_releaseAll()
    {
        var tiny = new TinyAllocator();
        tiny.Place(4);
        tiny.Flush();
        var next = tiny.Place(4);
        Assert.True(next.NewBlock);
        Assert.Equal(2, tiny.BlocksOpened);
        Assert.Equal("size", Assert.Throws<KitInputException>(() => tiny.Place(16)).Parameter);
        Assert.Equal("size", Assert.Throws<KitInputException>(() => tiny.Place(0)).Parameter);
    }

    [Fact]
    public void Steady_state_packing_equals_TinyPerBlock()
    {
        for (long size = 1; size < 16; size++)
        {
            var tiny = new TinyAllocator();
            for (var i = 0; i < 16 * 60; i++) tiny.Place(size);
            var perBlock = SizeClasses.TinyObjectsPerBlock(size);
            Assert.Equal((16 * 60 + perBlock - 1) / perBlock, tiny.BlocksOpened);
        }
    }
}
