// Mirrors: math/rand/rng.go (rngSource: seedrand, Seed, Int63, Uint64), Go 1.19–1.23.
// Simplified: nothing; the same additive lagged Fibonacci generator, value for value (no locking: not shared).
namespace GoRuntimeLab.GoRand;

/// <summary>
/// Go's default <c>math/rand</c> source (<c>rand.NewSource(seed)</c>): an additive lagged Fibonacci generator
/// over 607 64-bit words with tap 273, seeded through a Park–Miller LCG and XORed with <c>rngCooked</c>.
/// Two sources with the same seed produce the same stream as Go's, so simulations that Go seeds (for example
/// the jitter scenarios of <c>TestGcPacer</c>) can be reproduced exactly.
/// </summary>
// CA1720: the method names are Go's own (Rand.Uint64, Rand.Float64…), so Go code reads across unchanged.
#pragma warning disable CA1720
public sealed class RngSource
{
    private const int RngLen = 607;
    private const int RngTap = 273;
    private const long RngMask = long.MaxValue; // rngMax-1 with rngMax = 1<<63
    private const int Int32Max = int.MaxValue;

    private readonly long[] _vec = new long[RngLen];
    private int _tap;
    private int _feed;

    /// <summary><c>rand.NewSource(seed)</c>.</summary>
    public RngSource(long seed) => Seed(seed);

    /// <summary>
    /// seedrand: x[n+1] = 48271 * x[n] mod (2**31 - 1), by Schrage's method so it never overflows int32 (as Go does).
    /// </summary>
    public static int SeedRand(int x)
    {
        const int A = 48271;
        const int Q = 44488;
        const int R = 3399;

        var hi = x / Q;
        var lo = x % Q;
        x = A * lo - R * hi;
        if (x < 0) x += Int32Max;
        return x;
    }

    /// <summary>rngSource.Seed: reduce the seed mod 2**31-1 (0 becomes 89482311, as in Go), then fill the register.</summary>
    public void Seed(long seed)
    {
        _tap = 0;
        _feed = RngLen - RngTap;

        // Go's % truncates toward zero like C#'s, so negative seeds land in (-(2**31-1), 0) and are shifted up.
        seed %= Int32Max;
        if (seed < 0) seed += Int32Max;
        if (seed == 0) seed = 89482311;

        var x = (int)seed;
        var cooked = RngCooked.Values;
        // The first 20 draws are discarded (i = -20..-1), as in Go.
        for (var i = -20; i < RngLen; i++)
        {
            x = SeedRand(x);
            if (i < 0) continue;
            var u = (long)x << 40;
            x = SeedRand(x);
            u ^= (long)x << 20;
            x = SeedRand(x);
            u ^= x;
            u ^= cooked[i];
            _vec[i] = u;
        }
    }

    /// <summary>rngSource.Int63: the next value with the sign bit cleared.</summary>
    public long Int63() => (long)(Uint64() & RngMask);

    /// <summary>rngSource.Uint64: vec[feed] += vec[tap] (wrapping), moving both indices down by one.</summary>
    public ulong Uint64()
    {
        _tap--;
        if (_tap < 0) _tap += RngLen;

        _feed--;
        if (_feed < 0) _feed += RngLen;

        var x = unchecked(_vec[_feed] + _vec[_tap]);
        _vec[_feed] = x;
        return unchecked((ulong)x);
    }
}
#pragma warning restore CA1720
