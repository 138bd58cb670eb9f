// Mirrors: cmd/compile/internal/ssagen/ssa.go (float64ToUint64 lowering) and the amd64 CVTTSD2SQ instruction, i.e.
// Go's int64(f) and uint64(f) on linux/amd64 (GOAMD64=v1), Go 1.19–1.23. Simplified: amd64 only (arm64 saturates).
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// Go's float-to-integer conversions as compiled for amd64, where .NET (which saturates since .NET 9) differs for
/// out-of-range inputs: Go gives math.MinInt64 for any int64 overflow or NaN, and uint64(f) of a negative f
/// wraps (uint64(-5.5) = 2^64-5). Both truncate toward zero in range, like C# casts.
/// </summary>
public static class GoConvert
{
    private const double TwoPow63 = 9223372036854775808.0;

    /// <summary>int64(f): CVTTSD2SQ, whose "integer indefinite" result for NaN/out of range is MinInt64.</summary>
    public static long ToInt64(double f) =>
        f >= -TwoPow63 && f < TwoPow63 ? (long)f : long.MinValue;

    /// <summary>uint64(f): if f &lt; 2^63 the signed conversion reinterpreted, else (f - 2^63) converted | 1&lt;&lt;63.</summary>
    public static ulong ToUint64(double f) =>
        f < TwoPow63
            ? unchecked((ulong)ToInt64(f))
            : unchecked((ulong)ToInt64(f - TwoPow63) | (1UL << 63));
}
