// Mirrors: math/sin.go (sin, the pure-Go Cephes implementation used on amd64: no assembly Sin there), Go 1.19–1.23.
// Simplified: arguments ≥ 2^29 (which Go reduces with Payne–Hanek, trig_reduce.go) are rejected; the harness needs ≤ 2π.
namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// Go's math.Sin bit for bit (.NET's Math.Sin calls the C library, which may differ in the last bit; TestGcPacer's
/// OscAlloc scenario feeds Sin into integer truncations, so one bit can change a byte count).
/// </summary>
public static class GoMath
{
    private static readonly double[] SinCoef =
    [
        1.58962301576546568060e-10, // 0x3de5d8fd1fd19ccd
        -2.50507477628578072866e-8, // 0xbe5ae5e5a9291f5d
        2.75573136213857245213e-6, // 0x3ec71de3567d48a1
        -1.98412698295895385996e-4, // 0xbf2a01a019bfdf03
        8.33333333332211858878e-3, // 0x3f8111111110f7d0
        -1.66666666666666307295e-1, // 0xbfc5555555555548
    ];

    private static readonly double[] CosCoef =
    [
        -1.13585365213876817300e-11, // 0xbda8fa49a0861a9b
        2.08757008419747316778e-9, // 0x3e21ee9d7b4e3f05
        -2.75573141792967388112e-7, // 0xbe927e4f7eac4bc6
        2.48015872888517045348e-5, // 0x3efa01a019c844f5
        -1.38888888888730564116e-3, // 0xbf56c16c16c14f91
        4.16666666666665929218e-2, // 0x3fa555555555554b
    ];

    private const double ReduceThreshold = 1 << 29;

    /// <summary>math.Sin for |x| &lt; 2^29.</summary>
    public static double Sin(double x)
    {
        const double pi4A = 7.85398125648498535156e-1; // 0x3fe921fb40000000, Pi/4 split into three parts
        const double pi4B = 3.77489470793079817668e-8; // 0x3e64442d00000000
        const double pi4C = 2.69515142907905952645e-15; // 0x3ce8469898cc5170
        const double fourOverPi = 1.2732395447351628; // 0x3ff45f306dc9c883 = 4/Pi rounded once, as Go's constant

        if (x == 0 || double.IsNaN(x)) return x;
        if (double.IsInfinity(x)) return double.NaN;

        var sign = false;
        if (x < 0)
        {
            x = -x;
            sign = true;
        }

        if (x >= ReduceThreshold)
            throw KitInputException.For($"GoMath.Sin models |x| < 2^29 only, got {x}", parameter: "x");

        var j = (ulong)(x * fourOverPi); // integer part of x/(Pi/4)
        var y = (double)j;
        if ((j & 1) == 1)
        {
            j++;
            y++;
        }

        j &= 7; // octant modulo 2Pi
        var z = ((x - y * pi4A) - y * pi4B) - y * pi4C; // extended-precision modular arithmetic

        if (j > 3)
        {
            sign = !sign;
            j -= 4;
        }

        var zz = z * z;
        if (j == 1 || j == 2)
            y = 1.0 - 0.5 * zz + zz * zz * ((((((CosCoef[0] * zz) + CosCoef[1]) * zz + CosCoef[2]) * zz + CosCoef[3]) * zz + CosCoef[4]) * zz + CosCoef[5]);
        else
            y = z + z * zz * ((((((SinCoef[0] * zz) + SinCoef[1]) * zz + SinCoef[2]) * zz + SinCoef[3]) * zz + SinCoef[4]) * zz + SinCoef[5]);
        return sign ? -y : y;
    }
}
