// Mirrors: no Go function: workloads that drive the allocator model (the calls to runtime.mallocgc), Go 1.19–1.23.
// Simplified: sizes and lifetimes are drawn from simple distributions (System.Random with a seed), not from a real program.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GoRuntimeLab.Alloc;

/// <summary>A named, fixed sequence of heap allocations. Generators are deterministic: same arguments, same stream.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "A stream of allocations (the design's name), not a System.IO.Stream.")]
public sealed record AllocationStream(string Name, IReadOnlyList<AllocationRequest> Requests)
{
    /// <summary>Requested bytes of the whole stream.</summary>
    public long RequestedBytes => Requests.Sum(r => r.Size);

    /// <summary><paramref name="count"/> allocations of one size.</summary>
    public static AllocationStream Constant(long size, int count, bool pointers = false, long liveFor = 0)
    {
        if (size < 0) throw KitInputException.For($"must be ≥ 0 bytes, got {size}", parameter: "size");
        CheckCount(count);
        if (liveFor < 0) throw KitInputException.For($"must be ≥ 0 allocations, got {liveFor}", parameter: "liveFor");
        var r = new AllocationRequest(size, pointers, liveFor);
        return new AllocationStream(
            string.Create(CultureInfo.InvariantCulture, $"{count} × {size} B {(pointers ? "pointerful" : "pointer-free")}"),
            Enumerable.Repeat(r, count).ToList());
    }

    /// <summary>
    /// <paramref name="count"/> allocations with sizes log-uniform in [<paramref name="minSize"/>, <paramref name="maxSize"/>],
    /// a <paramref name="pointerFraction"/> of them pointerful (rounded up to a multiple of 8, as a pointerful type is),
    /// each reachable for a geometric number of later allocations with mean <paramref name="meanLiveFor"/>.
    /// </summary>
    public static AllocationStream Distribution(int seed, int count, long minSize, long maxSize, double pointerFraction = 0.5, double meanLiveFor = 100)
    {
        CheckCount(count);
        if (minSize < 1) throw KitInputException.For($"must be ≥ 1 byte, got {minSize}", parameter: "minSize");
        if (maxSize < minSize) throw KitInputException.For($"must be ≥ minSize ({minSize}), got {maxSize}", parameter: "maxSize");
        if (maxSize > SizeClasses.MaxObjectSize) throw KitInputException.For($"must be ≤ {SizeClasses.MaxObjectSize}, got {maxSize}", parameter: "maxSize");
        if (pointerFraction is < 0 or > 1 || double.IsNaN(pointerFraction)) throw KitInputException.For($"must be in [0, 1], got {pointerFraction}", parameter: "pointerFraction");
        if (meanLiveFor < 0 || !double.IsFinite(meanLiveFor)) throw KitInputException.For($"must be ≥ 0, got {meanLiveFor}", parameter: "meanLiveFor");
        var random = new Random(seed);
        var requests = new List<AllocationRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var size = (long)Math.Floor(Math.Exp(Math.Log(minSize) + random.NextDouble() * (Math.Log(maxSize + 1.0) - Math.Log(minSize))));
            size = Math.Clamp(size, minSize, maxSize);
            var pointers = random.NextDouble() < pointerFraction;
            if (pointers) size = (size + 7) / 8 * 8;
            requests.Add(new AllocationRequest(size, pointers, Geometric(random, meanLiveFor)));
        }
        return new AllocationStream(
            string.Create(CultureInfo.InvariantCulture, $"{count} allocs {minSize}…{maxSize} B log-uniform, {pointerFraction:P0} pointerful, seed {seed}"),
            requests);
    }

    /// <summary>
    /// A server-like mix (seed-driven): 35 % tiny strings and scalars (1–15 B, pointer-free), 35 % small structs
    /// (16–128 B, pointerful), 18 % slices and maps (128 B–2 KiB), 10 % buffers (2–32 KiB, pointer-free) and 2 %
    /// large buffers (32–256 KiB). Most objects die young (mean 50 later allocations); 3 % live for ever (caches).
    /// </summary>
    public static AllocationStream RealisticMix(int seed, int count)
    {
        CheckCount(count);
        var random = new Random(seed);
        var requests = new List<AllocationRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var u = random.NextDouble();
            var (size, pointers) = u switch
            {
                < 0.35 => (random.NextInt64(1, 16), false),
                < 0.70 => ((random.NextInt64(16, 129) + 7) / 8 * 8, true),
                < 0.88 => (LogUniform(random, 128, 2048), random.NextDouble() < 0.5),
                < 0.98 => (LogUniform(random, 2048, 32768), false),
                _ => (LogUniform(random, 32768, 262144), false),
            };
            if (pointers) size = (size + 7) / 8 * 8;
            var liveFor = random.NextDouble() < 0.03 ? AllocationRequest.Forever : Geometric(random, 50);
            requests.Add(new AllocationRequest(size, pointers, liveFor));
        }
        return new AllocationStream(string.Create(CultureInfo.InvariantCulture, $"realistic mix of {count} allocs, seed {seed}"), requests);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Requests.Count} allocations, {RequestedBytes} B requested");

    private static long LogUniform(Random random, long min, long max) =>
        Math.Clamp((long)Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min))), min, max);

    // Geometric number of later allocations with the given mean (0 = dies at once).
    private static long Geometric(Random random, double mean)
    {
        if (mean <= 0) return 0;
        var p = 1 / (mean + 1);
        return (long)Math.Floor(Math.Log(1 - random.NextDouble()) / Math.Log(1 - p));
    }

    /// <summary>
    /// The most allocations a stream may hold: 1,000,000. The model spends a few µs and keeps about 200 bytes per
    /// allocation (its request, its span or slot), so this bounds a run to seconds and a few hundred MB; the kit's
    /// workloads use at most 400,000.
    /// </summary>
    public const int MaxCount = 1_000_000;

    private static void CheckCount(int count)
    {
        if (count is < 0 or > MaxCount) throw KitInputException.For($"must be 0…{MaxCount} allocations, got {count}", parameter: "count");
    }
}
