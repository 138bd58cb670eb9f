// Mirrors: runtime/pprof/proto.go (profileBuilder.build: CPU sample types, period, duration) and protomem.go
// (writeHeapProto, scaleHeapSample), runtime/malloc.go (mallocgc's MemProfileRate sampling, nextSample/fastexprand),
// Go 1.19-1.23. Simplified: one sampling counter (Go keeps one per P's mcache); exact log2 instead of fastlog2;
// synthetic addresses, one mapping named after the simulation.
using System.Globalization;

namespace GoRuntimeLab.Pprof;

/// <summary>
/// Writes profiles from the kit's simulations in the format <c>go tool pprof</c> opens: a CPU profile from time
/// attributed to call stacks, or a heap profile from a synthetic allocation stream, sampled the way mallocgc
/// samples (every MemProfileRate bytes on average) and scaled back up as runtime/pprof does.
/// </summary>
public sealed class ProfileBuilder
{
    private readonly bool heap;
    private readonly long period;
    private readonly string binary;
    private readonly Random? random;
    private readonly Dictionary<string, PprofFunction> functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PprofLocation> locations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IReadOnlyList<PprofLocation> Stack, long[] Counters)> buckets = new(StringComparer.Ordinal);
    private readonly List<string> bucketOrder = [];
    private readonly PprofMapping mapping;
    private long nextSample;
    private long durationNanos;
    private long timeNanos;

    private ProfileBuilder(bool heap, long period, string binary, int seed)
    {
        this.heap = heap;
        this.period = period;
        this.binary = binary;
        mapping = new PprofMapping(1, 0x400000, 0x800000, 0, binary, "", true, true, false, false);
        if (heap && period > 1)
        {
            random = new Random(seed);
            nextSample = NextSample();
        }
    }

    /// <summary>A CPU profile sampled at <paramref name="hz"/> (Go's default is 100: one sample per 10 ms).</summary>
    /// <exception cref="KitInputException">hz not in 1..1 000 000.</exception>
    public static ProfileBuilder Cpu(int hz = 100, string binary = "golab-sim")
    {
        if (hz is < 1 or > 1_000_000) throw KitInputException.For($"must be 1 to 1000000, not {hz}", parameter: "hz");
        ArgumentException.ThrowIfNullOrWhiteSpace(binary);
        return new ProfileBuilder(false, 1_000_000_000L / hz, binary, 0);
    }

    /// <summary>A heap profile with runtime.MemProfileRate = <paramref name="memProfileRate"/> (Go's default 512 KiB;
    /// 1 records every allocation). <paramref name="seed"/> drives the sampling.</summary>
    /// <exception cref="KitInputException">memProfileRate below 1.</exception>
    public static ProfileBuilder Heap(int memProfileRate = 512 * 1024, int seed = 1, string binary = "golab-sim")
    {
        if (memProfileRate < 1) throw KitInputException.For($"must be 1 or more, not {memProfileRate}", parameter: "memProfileRate");
        ArgumentException.ThrowIfNullOrWhiteSpace(binary);
        return new ProfileBuilder(true, memProfileRate, binary, seed);
    }

    /// <summary>The profile's duration (CPU profiles print it as "Duration:").</summary>
    public ProfileBuilder Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw KitInputException.For("must not be negative", parameter: "duration");
        durationNanos = duration.Ticks * 100;
        return this;
    }

    /// <summary>Collection start (prints as "Time:").</summary>
    public ProfileBuilder At(DateTimeOffset start)
    {
        timeNanos = (start.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        return this;
    }

    /// <summary>CPU: <paramref name="samples"/> profiling ticks (each one period of CPU time) in the stack
    /// <paramref name="stackLeafFirst"/> (e.g. ["main.work", "main.main", "runtime.main"]).</summary>
    public ProfileBuilder AddSamples(IReadOnlyList<string> stackLeafFirst, long samples)
    {
        if (heap) throw new InvalidOperationException("AddSamples is for CPU profiles; use Allocate on a heap profile");
        if (samples < 0) throw KitInputException.For($"must not be negative, not {samples}", parameter: "samples");
        Bucket(stackLeafFirst, 1)[0] += samples;
        return this;
    }

    /// <summary>CPU: <paramref name="cpu"/> of CPU time in a stack, rounded down to whole sampling periods.</summary>
    public ProfileBuilder AddCpu(IReadOnlyList<string> stackLeafFirst, TimeSpan cpu) => AddSamples(stackLeafFirst, cpu.Ticks * 100 / period);

    /// <summary>
    /// Heap: <paramref name="count"/> allocations of <paramref name="size"/> bytes in a stack; <paramref name="live"/>
    /// says whether they are still reachable when the profile is written (inuse) or already freed. Each allocation
    /// is sampled as mallocgc does: when the byte countdown reaches it, with a fresh exponential countdown after.
    /// </summary>
    public ProfileBuilder Allocate(IReadOnlyList<string> stackLeafFirst, long size, long count = 1, bool live = true)
    {
        if (!heap) throw new InvalidOperationException("Allocate is for heap profiles; use AddSamples on a CPU profile");
        if (size < 1) throw KitInputException.For($"must be 1 byte or more, not {size}", parameter: "size");
        if (count < 0) throw KitInputException.For($"must not be negative, not {count}", parameter: "count");
        var counters = Bucket(stackLeafFirst, 4);   // alloc objects, alloc bytes, free objects, free bytes (sampled)
        for (long i = 0; i < count; i++)
        {
            // mallocgc: if rate != 1 && size < c.nextSample { c.nextSample -= size } else { profilealloc(...) }
            if (period != 1 && size < nextSample)
            {
                nextSample -= size;
                continue;
            }
            if (period != 1) nextSample = NextSample();
            counters[0]++;
            counters[1] += size;
            if (!live)
            {
                counters[2]++;
                counters[3] += size;
            }
        }
        return this;
    }

    /// <summary>The profile so far.</summary>
    public PprofProfile Build()
    {
        var samples = new List<PprofSample>();
        foreach (var key in bucketOrder)
        {
            var (stack, c) = buckets[key];
            if (!heap)
            {
                if (c[0] == 0) continue;
                samples.Add(new PprofSample(stack, [c[0], c[0] * period], []));
                continue;
            }
            if (c[0] == 0) continue;
            // writeHeapProto: alloc_* and inuse_* each scaled by scaleHeapSample; label bytes = average block size.
            var (ao, ab) = Scale(c[0], c[1]);
            var (io, ib) = Scale(c[0] - c[2], c[1] - c[3]);
            samples.Add(new PprofSample(stack, [ao, ab, io, ib], [new PprofLabel("bytes", null, c[1] / c[0])]));
        }
        var types = heap
            ? new[] { new PprofValueType("alloc_objects", "count"), new("alloc_space", "bytes"), new("inuse_objects", "count"), new("inuse_space", "bytes") }
            : new[] { new PprofValueType("samples", "count"), new("cpu", "nanoseconds") };
        return new PprofProfile
        {
            SampleTypes = types,
            Samples = samples,
            Mappings = [mapping],
            Locations = locations.Values.OrderBy(l => l.Id).ToList(),
            Functions = functions.Values.OrderBy(f => f.Id).ToList(),
            PeriodType = heap ? new PprofValueType("space", "bytes") : new PprofValueType("cpu", "nanoseconds"),
            Period = period,
            DurationNanos = heap ? 0 : durationNanos,
            TimeNanos = timeNanos,
            Source = binary,
        };
    }

    // protomem.go scaleHeapSample: unsample by 1/(1-exp(-avgSize/rate)); rate 1 means every allocation was recorded.
    private (long Count, long Size) Scale(long count, long size)
    {
        if (count == 0 || size == 0) return (0, 0);
        if (period <= 1) return (count, size);
        var avg = (double)size / count;
        var scale = 1 / (1 - Math.Exp(-avg / period));
        return ((long)(count * scale), (long)(size * scale));
    }

    // malloc.go fastexprand(MemProfileRate): an exponential draw with the rate as mean, from a 26-bit uniform q.
    private long NextSample()
    {
        const int randomBitCount = 26;
        var q = random!.Next(1 << randomBitCount) + 1;
        var qlog = Math.Min(Math.Log2(q) - randomBitCount, 0);
        return (long)(qlog * (-0.6931471805599453 * period)) + 1;
    }

    private long[] Bucket(IReadOnlyList<string> stackLeafFirst, int counters)
    {
        ArgumentNullException.ThrowIfNull(stackLeafFirst);
        if (stackLeafFirst.Count == 0) throw KitInputException.For("a stack needs at least one function", parameter: "stack");
        if (stackLeafFirst.Any(string.IsNullOrWhiteSpace)) throw KitInputException.For("function names must not be empty", parameter: "stack");
        var key = string.Join("\n", stackLeafFirst);
        if (!buckets.TryGetValue(key, out var bucket))
        {
            buckets[key] = bucket = (stackLeafFirst.Select(Location).ToList(), new long[counters]);
            bucketOrder.Add(key);
        }
        return bucket.Counters;
    }

    private PprofLocation Location(string function)
    {
        if (locations.TryGetValue(function, out var l)) return l;
        var f = new PprofFunction((ulong)functions.Count + 1, function, function, binary + ".go", 0);
        functions[function] = f;
        var id = (ulong)locations.Count + 1;
        l = new PprofLocation(id, mapping, mapping.MemoryStart + id * 0x10, [new PprofLine(f, 1)]);
        locations[function] = l;
        return l;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(heap ? "heap" : "cpu")} profile builder: {buckets.Count} stacks, period {period}");
}
