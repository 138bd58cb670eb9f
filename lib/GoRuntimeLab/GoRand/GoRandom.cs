// Mirrors: math/rand/rand.go (Rand: New, Int63, Uint32, Uint64, Int31, Int, Int63n, Int31n, Intn, Float64), Go 1.19–1.23.
// Simplified: only the methods the kit's models use; the global (auto-seeded in 1.20+) functions are not modelled.
namespace GoRuntimeLab.GoRand;

/// <summary>
/// <c>rand.New(rand.NewSource(seed))</c>: Go's <c>*rand.Rand</c> over <see cref="RngSource"/>, with the exact
/// value streams of Go 1.19–1.23 (the math/rand streams are frozen by the Go 1 compatibility promise).
/// </summary>
// CA1720: the method names are Go's own (Rand.Uint64, Rand.Float64…), so Go code reads across unchanged.
#pragma warning disable CA1720
public sealed class GoRandom
{
    private readonly RngSource _src;

    /// <summary><c>rand.New(rand.NewSource(seed))</c>.</summary>
    public GoRandom(long seed) => _src = new RngSource(seed);

    /// <summary><c>rand.New(rand.NewSource(seed))</c>.</summary>
    public static GoRandom New(long seed) => new(seed);

    /// <summary>Rand.Int63: a non-negative 63-bit integer.</summary>
    public long Int63() => _src.Int63();

    /// <summary>Rand.Uint32: the top 32 of the 63 bits (Int63() &gt;&gt; 31).</summary>
    public uint Uint32() => (uint)(Int63() >> 31);

    /// <summary>
    /// Rand.Uint64: rngSource is a Source64, so Rand calls its Uint64 directly (all 64 bits of one step), not the
    /// two-Int63 fallback.
    /// </summary>
    public ulong Uint64() => _src.Uint64();

    /// <summary>Rand.Int31: the top 31 of the 63 bits.</summary>
    public int Int31() => (int)(Int63() >> 32);

    /// <summary>Rand.Int63n: uniform in [0, n) by rejection above the largest multiple of n (power-of-two n: a mask).</summary>
    public long Int63n(long n)
    {
        if (n <= 0) throw KitInputException.For($"invalid argument to Int63n: {n} (must be > 0)", parameter: "n");
        if ((n & (n - 1)) == 0) return Int63() & (n - 1);
        var max = (long)((1UL << 63) - 1 - (1UL << 63) % (ulong)n);
        var v = Int63();
        while (v > max) v = Int63();
        return v % n;
    }

    /// <summary>Rand.Int31n: as Int63n, on Int31.</summary>
    public int Int31n(int n)
    {
        if (n <= 0) throw KitInputException.For($"invalid argument to Int31n: {n} (must be > 0)", parameter: "n");
        if ((n & (n - 1)) == 0) return Int31() & (n - 1);
        var max = (int)((1U << 31) - 1 - (1U << 31) % (uint)n);
        var v = Int31();
        while (v > max) v = Int31();
        return v % n;
    }

    /// <summary>Rand.Intn on a 64-bit platform: Int31n when n fits in 31 bits, otherwise Int63n.</summary>
    public long Intn(long n)
    {
        if (n <= 0) throw KitInputException.For($"invalid argument to Intn: {n} (must be > 0)", parameter: "n");
        return n <= int.MaxValue ? Int31n((int)n) : Int63n(n);
    }

    /// <summary>
    /// Rand.Float64: Int63()/2**63, drawing again in the rare case the division rounds up to 1.0 (Go's fix that
    /// keeps the Go 1 value stream).
    /// </summary>
    public double Float64()
    {
        while (true)
        {
            var f = Int63() / 9223372036854775808.0; // 1 << 63
            if (f != 1) return f;
        }
    }
}
#pragma warning restore CA1720
