using CsCheck;
using GoRuntimeLab.Alloc;

namespace GoRuntimeLab.Tests.Alloc;

/// <summary>The mcache/mcentral/mheap model: counts that follow from the Go source, invariants, determinism.</summary>
public class AllocatorModelTests
{
    private static readonly AllocatorConfig NoGc = AllocatorConfig.Default.WithGogc(-1);

    [Theory]
    [InlineData(48, 1000)]
    [InlineData(1024, 100)]
    [InlineData(3072, 17)]
    [InlineData(32760, 3)]
    public void A_constant_stream_refills_once_per_span(long size, int count)
    {
        var r = AllocatorModel.Run(AllocationStream.Constant(size, count, liveFor: AllocationRequest.Forever), NoGc);
        var row = SizeClasses.Row(SizeClasses.ClassFor(size));
        var spans = (count + row.Objects - 1) / row.Objects;
        // mcache.nextFree refills when the cached span is full; mcentral has no partial span, so each refill grows one.
        Assert.Equal((long)spans, r.Refills);
        Assert.Equal((long)spans, r.SpansGrown);
        Assert.Equal((long)spans * row.SpanBytes, r.HeapInUseBytes);
        Assert.Equal(count * (long)row.Size, r.TotalAllocBytes);
        Assert.Equal(count, r.Mallocs);
        Assert.Equal(0, r.Gcs);
        var cls = Assert.Single(r.Classes);
        Assert.Equal((row.Class, true, (long)count), (cls.SizeClass, cls.Noscan, cls.Allocs));
        Assert.Equal((double)count / spans, cls.AllocsPerRefill);
        // The heap grows in 4 MiB chunks (mheap.grow: alignUp(npage, pallocChunkPages)).
        Assert.Equal(0, r.HeapMappedBytes % (4 << 20));
    }

    [Fact]
    public void Garbage_is_freed_at_the_next_gc_and_its_spans_are_reused()
    {
        var stream = AllocationStream.Constant(64, 400_000, liveFor: 0); // 25.6 MB of garbage, 4 MiB minimum heap
        var r = AllocatorModel.Run(stream);
        Assert.True(r.Gcs >= 5, r.ToString());
        Assert.True(r.PeakHeapInUseBytes <= 5 << 20, r.ToString());
        Assert.True(r.Frees > 300_000, r.ToString());
        Assert.True(r.SpansGrown < r.Refills, "after a GC, refills find empty spans freed back to the heap or partial spans");
        Assert.Equal(r.Mallocs - r.Frees, r.ObjectBytes / 64);
    }

    [Fact]
    public void Survivors_stay_and_the_goal_grows_with_them()
    {
        var keep = AllocatorModel.Run(AllocationStream.Constant(256, 60_000, liveFor: AllocationRequest.Forever));
        Assert.Equal(0, keep.Frees);
        Assert.Equal(60_000L * 256, keep.ObjectBytes);
        Assert.True(keep.Gcs >= 1);
    }

    [Fact]
    public void The_1_22_header_costs_a_class_step_for_pointerful_1024_byte_objects()
    {
        var s = AllocationStream.Constant(1024, 70, pointers: true, liveFor: AllocationRequest.Forever);
        var old = AllocatorModel.Run(s, NoGc.WithVersion(GoVersion.Go1_21));
        var now = AllocatorModel.Run(s, NoGc.WithVersion(GoVersion.Go1_23));
        Assert.Equal(70L * 1024, old.TotalAllocBytes);
        Assert.Equal(70L * 1152, now.TotalAllocBytes);
        Assert.Equal(9, old.Refills);  // 8 per span
        Assert.Equal(10, now.Refills); // 7 per span
    }

    [Fact]
    public void Each_p_has_its_own_mcache()
    {
        var s = AllocationStream.Constant(8, 10, liveFor: AllocationRequest.Forever);
        var one = AllocatorModel.Run(s, NoGc);
        var four = AllocatorModel.Run(s, NoGc.WithProcs(4));
        Assert.Equal(1, one.Refills);
        Assert.Equal(4, four.Refills); // every P refills its own span of class 8 B
        Assert.Equal(4, four.SpansGrown);
    }

    [Fact]
    public void Memstats_delta_counts_tiny_objects_but_charges_blocks()
    {
        Assert.Equal((16L * 342, 1024L), AllocatorModel.MemStatsDelta(5, false, 1024));
        Assert.Equal((0L, 0L), AllocatorModel.MemStatsDelta(0, true, 16));
        Assert.Equal((16L * 40960, 16L), AllocatorModel.MemStatsDelta(32769, false, 16));
    }

    [Fact]
    public void Same_stream_and_config_give_the_same_result()
    {
        var a = AllocatorModel.Run(AllocationStream.RealisticMix(7, 20_000), AllocatorConfig.Default.WithProcs(2));
        var b = AllocatorModel.Run(AllocationStream.RealisticMix(7, 20_000), AllocatorConfig.Default.WithProcs(2));
        Assert.Equal(a.ToString(), b.ToString());
        Assert.Equal(a.Samples, b.Samples);
        Assert.Equal(a.Classes, b.Classes);
        Assert.NotEqual(a.ToString(), AllocatorModel.Run(AllocationStream.RealisticMix(8, 20_000), AllocatorConfig.Default.WithProcs(2)).ToString());
    }

    [Fact]
    public void Accounting_invariants_hold_for_random_streams()
    {
        var gen = Gen.Select(Gen.Int[0, 1000], Gen.Int[1, 3000], Gen.Int[1, 4], Gen.Int[0, 2].Select(i => i == 0 ? -1 : 50 * i), Gen.Int[0, 1]);
        gen.Sample((seed, count, procs, gogc, mix) =>
        {
            var stream = mix == 0 ? AllocationStream.RealisticMix(seed, count) : AllocationStream.Distribution(seed, count, 1, 70_000, 0.4, 30);
            var config = AllocatorConfig.Default.WithProcs(procs).WithGogc(gogc);
            var r = AllocatorModel.Run(stream, config);
            var nonZero = stream.Requests.Count(q => q.Size > 0);
            return r.Mallocs == nonZero
                && r.Mallocs == r.TinyAllocs + r.TinyBlocks + r.SmallAllocs + r.LargeAllocs
                && r.TotalAllocBytes >= r.RequestedBytes
                && r.HeapInUseBytes == r.ObjectBytes + r.FreeSlotBytes + r.TailWasteBytes
                && r.ObjectBytes >= r.ObjectRequestedBytes
                && r.HeapInUseBytes <= r.PeakHeapInUseBytes && r.PeakHeapInUseBytes <= r.HeapMappedBytes
                && r.Classes.Sum(c => c.Allocs) == r.TinyBlocks + r.SmallAllocs + r.LargeAllocs
                && (gogc >= 0 || r.Frees == 0);
        }, iter: 300);
    }

    [Fact]
    public void Bad_config_and_stream_arguments_name_the_parameter()
    {
        Assert.Equal(GoSettings.ProcsName, Assert.Throws<KitInputException>(() => AllocatorConfig.Default.WithProcs(0)).Parameter);
        // GOGC=0 is valid in Go (collect continuously); the model runs it, collecting at every refill past the 0-byte minimum.
        Assert.True(AllocatorModel.Run(AllocationStream.Constant(64, 5000), AllocatorConfig.Default.WithGogc(0)).Gcs > 0);
        Assert.Equal("version", Assert.Throws<KitInputException>(() => AllocatorConfig.Default.WithVersion(new GoVersion(1, 18))).Parameter);
        Assert.Equal(GoSettings.ProcsName, Assert.Throws<KitInputException>(() => new AllocatorModel(new AllocatorConfig(GoVersion.Go1_23, -2, 100))).Parameter);
        Assert.Equal("size", Assert.Throws<KitInputException>(() => AllocationStream.Constant(-1, 3)).Parameter);
        Assert.Equal("count", Assert.Throws<KitInputException>(() => AllocationStream.Constant(8, -3)).Parameter);
        Assert.Equal("maxSize", Assert.Throws<KitInputException>(() => AllocationStream.Distribution(1, 10, 100, 50)).Parameter);
        Assert.Equal("pointerFraction", Assert.Throws<KitInputException>(() => AllocationStream.Distribution(1, 10, 1, 50, 1.5)).Parameter);
    }

    [Fact]
    public void ToString_summarises_the_run()
    {
        var r = AllocatorModel.Run(AllocationStream.Constant(5, 1024), NoGc);
        Assert.Equal("1024 × 5 B pointer-free [go1.23, GOMAXPROCS=1, GOGC=off]: 1024 mallocs (1024 tiny in 342 blocks, 0 large), " +
                     "TotalAlloc 5.3 KiB for 5 KiB requested (6.4% waste); 1 refills (342 allocs/refill), 1 spans grown, 0 GCs; " +
                     "end: HeapInuse 8 KiB (peak 8 KiB), 37.5% not requested", r.ToString());
    }
}
