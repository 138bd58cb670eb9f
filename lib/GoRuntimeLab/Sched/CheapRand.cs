// Mirrors: cheaprand/cheaprandn (runtime/rand.go, Go 1.22+) = fastrand/fastrandn (runtime/stubs.go, Go 1.19–1.21): wyrand on 64-bit platforms.
// Simplified: one state per simulated M, seeded from the run's seed instead of the runtime's startup entropy.
namespace GoRuntimeLab.Sched;

/// <summary>The runtime's per-M random source (wyrand), ported exactly so steal order and select order use Go's arithmetic.</summary>
public sealed class CheapRand(ulong seed)
{
    private ulong _state = seed;

    /// <summary><c>cheaprand()</c>: <c>state += 0xa0761d6478bd642f; hi, lo := Mul64(state, state^0xe7037ed1a0b428db); return uint32(hi^lo)</c>.</summary>
    public uint Next()
    {
        _state += 0xa0761d6478bd642f;
        var hi = Math.BigMul(_state, _state ^ 0xe7037ed1a0b428db, out var lo);
        return (uint)(hi ^ lo);
    }

    /// <summary><c>cheaprandn(n)</c>: Lemire's multiply-shift reduction, <c>uint32(uint64(cheaprand()) * uint64(n) &gt;&gt; 32)</c>.</summary>
    public uint Next(uint n) => (uint)(((ulong)Next() * n) >> 32);
}
