// Mirrors: runtime/histogram.go (timeHistogram.record, timeHistogram.write, timeHistogramMetricsBuckets), Go 1.19
// (HDR: 45 super-buckets × 16 sub-buckets) and Go 1.21–1.23 (buckets 2^9…2^48 ns × 4 sub-buckets, plus overflow).
// Simplified: not atomic (the simulation is single-threaded); Go 1.20's layout is not carried (no table checked).
using System.Globalization;
using System.Numerics;

namespace GoRuntimeLab.Metrics;

/// <summary>
/// The runtime's duration histogram behind <c>/gc/pauses:seconds</c>, <c>/sched/latencies:seconds</c> and (1.22+)
/// <c>/sched/pauses/*:seconds</c>: records nanoseconds exactly as the given Go release does and reads out as a
/// <see cref="Float64Histogram"/> in seconds with that release's bucket boundaries.
/// </summary>
public sealed class TimeHistogram
{
    // Go 1.19: timeHistSubBucketBits = 4, timeHistNumSuperBuckets = 45.
    private const int Go119SubBucketBits = 4;
    private const int Go119NumSubBuckets = 1 << Go119SubBucketBits;
    private const int Go119NumSuperBuckets = 45;

    // Go 1.21–1.23 (read in 1.21.13, 1.22.12, 1.23.5): timeHistMinBucketBits = 9, timeHistMaxBucketBits = 48, timeHistSubBucketBits = 2.
    private const int MinBucketBits = 9;
    private const int MaxBucketBits = 48;
    private const int SubBucketBits = 2;
    private const int NumSubBuckets = 1 << SubBucketBits;
    private const int NumBuckets = MaxBucketBits - MinBucketBits + 1;

    private readonly ulong[] _counts;
    private readonly bool _hdr; // the 1.19 layout
    private ulong _underflow;
    private ulong _overflow;

    /// <summary>An empty histogram with the layout of Go <paramref name="version"/>.</summary>
    public TimeHistogram(GoVersion version)
    {
        _hdr = IsHdr(version);
        Version = new GoVersion(version.Major, version.Minor);
        _counts = new ulong[_hdr ? Go119NumSuperBuckets * Go119NumSubBuckets : NumBuckets * NumSubBuckets];
    }

    /// <summary>The release whose layout this histogram uses.</summary>
    public GoVersion Version { get; }

    /// <summary>Samples recorded so far (including underflow and overflow).</summary>
    public ulong Total { get; private set; }

    /// <summary>Records one duration in nanoseconds (timeHistogram.record).</summary>
    public void Record(long durationNs)
    {
        Total++;
        // Negative durations happen on some platforms' clocks; Go counts them rather than hide them.
        if (durationNs < 0)
        {
            _underflow++;
            return;
        }

        if (_hdr) RecordGo119(durationNs);
        else RecordGo121(durationNs);
    }

    /// <summary>Records <paramref name="n"/> samples of the same duration.</summary>
    public void Record(long durationNs, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        for (var i = 0; i < n; i++) Record(durationNs);
    }

    private void RecordGo119(long duration)
    {
        // The super-bucket is the highest set bit (shifted so super-bucket 0 holds 0…15); the sub-bucket is the
        // next 4 bits. Too large: the highest bucket, which extends to +Inf.
        int superBucket, subBucket;
        if (duration >= Go119NumSubBuckets)
        {
            superBucket = (64 - BitOperations.LeadingZeroCount((ulong)duration)) - Go119SubBucketBits;
            if (superBucket * Go119NumSubBuckets >= _counts.Length)
            {
                superBucket = Go119NumSuperBuckets - 1;
                subBucket = Go119NumSubBuckets - 1;
            }
            else
            {
                subBucket = (int)((duration >> (superBucket - 1)) % Go119NumSubBuckets);
            }
        }
        else
        {
            subBucket = (int)duration;
            superBucket = 0;
        }

        _counts[superBucket * Go119NumSubBuckets + subBucket]++;
    }

    private void RecordGo121(long duration)
    {
        // Bucket by the highest set bit, everything below 2^9 ns sharing bucket 0; sub-bucket = the 2 bits below
        // the top bit. At or above 2^48 ns (≈78 h) the separate overflow counter takes it (bucket upper bound +Inf).
        int bucketBit, bucket;
        var l = 64 - BitOperations.LeadingZeroCount((ulong)duration);
        if (l < MinBucketBits)
        {
            bucketBit = MinBucketBits;
            bucket = 0;
        }
        else
        {
            bucketBit = l;
            bucket = bucketBit - MinBucketBits + 1;
        }

        if (bucket >= NumBuckets)
        {
            _overflow++;
            return;
        }

        var subBucket = (int)((duration >> (bucketBit - 1 - SubBucketBits)) % NumSubBuckets);
        _counts[bucket * NumSubBuckets + subBucket]++;
    }

    /// <summary>
    /// export_test.go's TimeHistogram.Count(bucket, subBucket): the count and true for a valid bucket; otherwise
    /// false and the underflow count (1.19: any index past the end; 1.21+: bucket &lt; 0) or the overflow count (1.21+).
    /// </summary>
    public (ulong Count, bool Ok) Count(int bucket, int subBucket)
    {
        var sub = _hdr ? Go119NumSubBuckets : NumSubBuckets;
        if (!_hdr && bucket < 0) return (_underflow, false);
        var i = (long)bucket * sub + subBucket;
        if (i < 0 || i >= _counts.Length) return (_hdr ? _underflow : _overflow, false);
        return (_counts[i], true);
    }

    /// <summary>The runtime/metrics view (timeHistogram.write / metrics.go compute): underflow first, overflow last (1.21+).</summary>
    public Float64Histogram Snapshot()
    {
        var counts = new ulong[CountsLength(Version)];
        counts[0] = _underflow;
        Array.Copy(_counts, 0, counts, 1, _counts.Length);
        if (!_hdr) counts[^1] = _overflow;
        return new Float64Histogram(counts, Buckets(Version));
    }

    /// <summary>Number of counts a time histogram has in <paramref name="version"/>: 721 (1.19) or 162 (1.21–1.23).</summary>
    public static int CountsLength(GoVersion version) =>
        IsHdr(version) ? Go119NumSuperBuckets * Go119NumSubBuckets + 1 : NumBuckets * NumSubBuckets + 2;

    /// <summary>
    /// timeHistogramMetricsBuckets: the boundaries (seconds) every time histogram of <paramref name="version"/> has,
    /// from -Inf to +Inf; <see cref="CountsLength"/> + 1 values.
    /// </summary>
    public static IReadOnlyList<double> Buckets(GoVersion version)
    {
        var b = new double[CountsLength(version) + 1];
        b[0] = double.NegativeInfinity;
        if (IsHdr(version))
        {
            // Super-bucket 0: 0…15 ns, one per nanosecond.
            for (var i = 0; i < Go119NumSubBuckets; i++) b[i + 1] = i / 1e9;
            for (var i = 0; i < Go119NumSuperBuckets - 1; i++)
            {
                for (var j = 0; j < Go119NumSubBuckets; j++)
                {
                    var nanos = (1UL << (i + Go119SubBucketBits)) | ((ulong)j << i);
                    // Exact in float64; Go divides (not multiplies by 1e-9), and so do we, for the identical value.
                    b[(i + 1) * Go119NumSubBuckets + j + 1] = nanos / 1e9;
                }
            }
        }
        else
        {
            // Bucket 0 covers [0, 2^9) ns in 4 sub-buckets of 64 ns.
            for (var j = 0; j < NumSubBuckets; j++) b[j + 1] = ((ulong)j << (MinBucketBits - 1 - SubBucketBits)) / 1e9;
            for (var i = MinBucketBits; i < MaxBucketBits; i++)
            {
                for (var j = 0; j < NumSubBuckets; j++)
                {
                    var nanos = (1UL << (i - 1)) | ((ulong)j << (i - 1 - SubBucketBits));
                    b[(i - MinBucketBits + 1) * NumSubBuckets + j + 1] = nanos / 1e9;
                }
            }

            // The overflow bucket starts at 2^47 ns.
            b[^2] = (1UL << (MaxBucketBits - 1)) / 1e9;
        }

        b[^1] = double.PositiveInfinity;
        return b;
    }

    private static bool IsHdr(GoVersion version)
    {
        var line = new GoVersion(version.Major, version.Minor);
        if (line == GoVersion.Go1_19) return true;
        if (line >= GoVersion.Go1_21 && line <= GoVersion.Go1_23) return false;
        throw KitInputException.For(
            string.Create(CultureInfo.InvariantCulture, $"no time-histogram layout for {line}; the kit carries 1.19 and 1.21–1.23"),
            parameter: "version");
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"TimeHistogram (Go {MetricCatalog.Short(Version)} layout, {CountsLength(Version)} buckets): {Total} samples");
}
