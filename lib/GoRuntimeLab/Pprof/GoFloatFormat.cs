// Mirrors: Go's strconv.FormatFloat as fmt uses it for "%.2f" and "%5.2g" (strconv/ftoa.go: bigFtoa, shouldRoundUp,
// %e/%f choice of fmtG), Go 1.19-1.23. Simplified: only positive finite values, precisions the pprof report uses.
using System.Globalization;
using System.Numerics;
using System.Text;

namespace GoRuntimeLab.Pprof;

/// <summary>
/// Exact decimal formatting of doubles with Go's rounding: the double's exact binary value, rounded half to even
/// only when exactly halfway (strconv's shouldRoundUp). .NET rounds exact ties away from zero (1.125 → "1.13";
/// Go prints "1.12"), which would make a pprof table differ in its last digit.
/// </summary>
internal static class GoFloatFormat
{
    /// <summary>fmt.Sprintf("%.{decimals}f", value).</summary>
    public static string Fixed(double value, int decimals)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var (num, den) = Exact(Math.Abs(value));
        var q = RoundHalfEven(num * BigInteger.Pow(10, decimals), den);
        var digits = q.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var text = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return negative ? "-" + text : text;
    }

    /// <summary>fmt.Sprintf("%{width}.{precision}g", value) for value ≥ 0.</summary>
    public static string General(double value, int precision, int width)
    {
        if (value < 0 || !double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value));
        if (value == 0) return "0".PadLeft(width);
        var (num, den) = Exact(value);
        // k: the decimal exponent with 10^k <= value < 10^(k+1).
        var k = (int)Math.Floor(Math.Log10(value));
        while (Compare(num, den, k) < 0) k--;
        while (Compare(num, den, k + 1) >= 0) k++;
        var shift = k - (precision - 1);
        var q = shift >= 0 ? RoundHalfEven(num, den * BigInteger.Pow(10, shift)) : RoundHalfEven(num * BigInteger.Pow(10, -shift), den);
        if (q == BigInteger.Pow(10, precision)) { q /= 10; k++; }
        var digits = q.ToString(CultureInfo.InvariantCulture).TrimEnd('0');   // strconv's decimal drops trailing zeros
        if (digits.Length == 0) digits = "0";
        int nd = digits.Length, dp = k + 1;
        // fmtG: %e when the exponent is < -4 or >= eprec; eprec shrinks to the digit count when all are integral.
        var eprec = precision;
        if (eprec > nd && nd >= dp) eprec = nd;
        string text;
        if (k < -4 || k >= eprec)
        {
            var sb = new StringBuilder().Append(digits[0]);
            if (nd > 1) sb.Append('.').Append(digits, 1, nd - 1);
            sb.Append('e').Append(k < 0 ? '-' : '+').Append(Math.Abs(k).ToString("00", CultureInfo.InvariantCulture));
            text = sb.ToString();
        }
        else
        {
            var decimals = Math.Max(nd - dp, 0);
            text = dp <= 0
                ? "0." + new string('0', -dp) + digits
                : dp >= nd ? digits + new string('0', dp - nd) : digits[..dp] + "." + digits[dp..];
            if (decimals == 0 && text.Contains('.', StringComparison.Ordinal)) text = text[..text.IndexOf('.', StringComparison.Ordinal)];
        }
        return text.PadLeft(width);
    }

    // value = num/den exactly (a double is m·2^e).
    private static (BigInteger Num, BigInteger Den) Exact(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        return exponent >= 0 ? (new BigInteger(mantissa) << exponent, BigInteger.One) : (new BigInteger(mantissa), BigInteger.One << -exponent);
    }

    // sign of num/den - 10^k
    private static int Compare(BigInteger num, BigInteger den, int k) =>
        k >= 0 ? num.CompareTo(den * BigInteger.Pow(10, k)) : (num * BigInteger.Pow(10, -k)).CompareTo(den);

    private static BigInteger RoundHalfEven(BigInteger num, BigInteger den)
    {
        var q = BigInteger.DivRem(num, den, out var r);
        var twice = r * 2;
        if (twice > den || (twice == den && !q.IsEven)) q += 1;
        return q;
    }
}
