using CsCheck;
using GoRuntimeLab.Metrics;

namespace GoRuntimeLab.Tests.Metrics;

/// <summary>
/// runtime/histogram.go ported: Go's own TestTimeHistogram and TestTimeHistogramMetricsBuckets (histogram_test.go of
/// 1.19 and 1.23) and the boundaries metrics.Read returned in the real runtimes (data/recordings/metrics).
/// </summary>
public class TimeHistogramTests
{
    [Theory]
    [InlineData("go1.19.8", 19, 721)]
    [InlineData("go1.21.13", 21, 162)]
    [InlineData("go1.22.12", 22, 162)]
    [InlineData("go1.23.5", 23, 162)]
    public void Boundaries_equal_the_real_runtime_bit_for_bit(string go, int minor, int counts)
    {
        var dump = MetricsDump.Read(MetricCatalogTests.Recording(go));
        var ours = TimeHistogram.Buckets(new GoVersion(1, minor));
        Assert.Equal(counts, TimeHistogram.CountsLength(new GoVersion(1, minor)));
        var timeHists = dump.Histograms.Where(h => h.Name.EndsWith(":seconds", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(timeHists);
        foreach (var h in timeHists)
        {
            Assert.Equal(counts, h.Counts);
            Assert.Equal(h.Buckets.Count, ours.Count);
            for (var i = 0; i < ours.Count; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(h.Buckets[i]) == BitConverter.DoubleToInt64Bits(ours[i]), $"{h.Name} boundary {i}: Go {h.Buckets[i]:R}, ours {ours[i]:R}");
        }
    }

    [Fact]
    public void Go121_and_122_share_the_123_layout()
    {
        // histogram.go is identical in 1.21.13, 1.22.12 and 1.23.5 except for an import path (diffed).
        Assert.Equal(TimeHistogram.Buckets(GoVersion.Go1_23), TimeHistogram.Buckets(GoVersion.Go1_21));
        Assert.Equal(TimeHistogram.Buckets(GoVersion.Go1_23), TimeHistogram.Buckets(GoVersion.Go1_22));
    }

    [Fact]
    public void Go119_TestTimeHistogram()
    {
        var h = new TimeHistogram(GoVersion.Go1_19);
        const int superBuckets = 45, subBuckets = 16, subBits = 4;
        for (var i = 0; i < superBuckets; i++)
        {
            long b = i > 0 ? 1L << (i + subBits - 1) : 0;
            for (var j = 0; j < subBuckets; j++)
            {
                long v = j;
                if (i > 0) v <<= i - 1;
                h.Record(b + v);
            }
        }

        h.Record(-1);
        for (var i = 0; i < superBuckets; i++)
            for (var j = 0; j < subBuckets; j++)
                Assert.Equal((1UL, true), h.Count(i, j));
        Assert.Equal((1UL, false), h.Count(superBuckets, 0)); // the underflow bucket
        h.Record(long.MaxValue);
        Assert.Equal((2UL, true), h.Count(superBuckets - 1, subBuckets - 1)); // overflow joins the highest bucket
    }

    [Fact]
    public void Go123_TestTimeHistogram()
    {
        var h = new TimeHistogram(GoVersion.Go1_23);
        const int minBits = 9, maxBits = 48, subBits = 2, subBuckets = 4, buckets = maxBits - minBits + 1;
        for (var j = 0; j < subBuckets; j++)
        {
            var v = (long)j << (minBits - 1 - subBits);
            h.Record(v, j);
        }

        for (var i = minBits; i < maxBits; i++)
        {
            var b = 1L << (i - 1);
            for (var j = 0; j < subBuckets; j++)
            {
                var v = (long)j << (i - 1 - subBits);
                h.Record(b + v, ((i + 1 - minBits) * subBuckets) + j);
            }
        }

        h.Record(-1);
        h.Record(long.MaxValue);
        h.Record(long.MaxValue);
        for (var i = 0; i < buckets; i++)
            for (var j = 0; j < subBuckets; j++)
                Assert.Equal(((ulong)(i * subBuckets + j), true), h.Count(i, j));
        Assert.Equal((1UL, false), h.Count(-1, 0));
        Assert.Equal((2UL, false), h.Count(buckets + 1, 0));
    }

    [Fact]
    public void Go119_TestTimeHistogramMetricsBuckets()
    {
        var b = TimeHistogram.Buckets(GoVersion.Go1_19);
        Assert.Equal(16 * 45 + 2, b.Count);
        for (var i = 1; i <= 2 * 16 + 1; i++) Assert.Equal((i - 1) / 1e9, b[i]);
        var expect = new Dictionary<int, double>
        {
            [0] = double.NegativeInfinity,
            [33] = (0x10L << 1) / 1e9,
            [34] = (0x11L << 1) / 1e9,
            [49] = (0x10L << 2) / 1e9,
            [58] = (0x19L << 2) / 1e9,
            [65] = (0x10L << 3) / 1e9,
            [513] = (0x10L << 31) / 1e9,
            [519] = (0x16L << 31) / 1e9,
            [b.Count - 2] = (0x1fL << 43) / 1e9,
            [b.Count - 1] = double.PositiveInfinity,
        };
        foreach (var (i, v) in expect) Assert.Equal(v, b[i]);
    }

    [Fact]
    public void Go123_TestTimeHistogramMetricsBuckets()
    {
        var b = TimeHistogram.Buckets(GoVersion.Go1_23);
        Assert.Equal(4 * 40 + 3, b.Count);
        var expect = new Dictionary<int, double>
        {
            [0] = double.NegativeInfinity, [1] = 0.0, [2] = 0x040 / 1e9, [3] = 0x080 / 1e9, [4] = 0x0c0 / 1e9,
            [5] = 0x100 / 1e9, [6] = 0x140 / 1e9, [7] = 0x180 / 1e9, [8] = 0x1c0 / 1e9, [9] = 0x200 / 1e9,
            [10] = 0x280 / 1e9, [11] = 0x300 / 1e9, [12] = 0x380 / 1e9, [13] = 0x400 / 1e9, [15] = 0x600 / 1e9,
            [81] = 0x8000000 / 1e9, [82] = 0xa000000 / 1e9, [108] = 0x380000000 / 1e9,
            [b.Count - 2] = (1L << 47) / 1e9, [b.Count - 1] = double.PositiveInfinity,
        };
        foreach (var (i, v) in expect) Assert.Equal(v, b[i]);
    }

    [Theory]
    [InlineData(19)]
    [InlineData(23)]
    public void Every_recorded_duration_lands_in_the_bucket_whose_bounds_hold_it(int minor)
    {
        var version = new GoVersion(1, minor);
        var bounds = TimeHistogram.Buckets(version);
        Gen.Select(Gen.Int[0, 62], Gen.Long[0, long.MaxValue]).Select((bits, r) => bits == 62 ? r : r & ((1L << bits) - 1)).Sample(ns =>
        {
            var h = new TimeHistogram(version);
            h.Record(ns);
            var snap = h.Snapshot();
            var i = snap.Counts.ToList().FindIndex(c => c == 1);
            // Same division Go uses (ns / 1e9) on both sides, so the comparison is exact.
            return i > 0 && bounds[i] <= ns / 1e9 && ns / 1e9 < bounds[i + 1] && snap.Total == 1;
        }, iter: 2000);
    }

    [Fact]
    public void Negative_durations_go_to_the_underflow_bucket_below_zero()
    {
        var h = new TimeHistogram(GoVersion.Go1_23);
        h.Record(-5);
        var s = h.Snapshot();
        Assert.Equal(1UL, s.Counts[0]);
        Assert.Equal(double.NegativeInfinity, s.Buckets[0]);
        Assert.Equal(0.0, s.Buckets[1]);
    }

    [Fact]
    public void Go120_has_no_carried_layout()
    {
        var e = Assert.Throws<KitInputException>(() => new TimeHistogram(GoVersion.Go1_20));
        Assert.Equal("version", e.Parameter);
    }
}
