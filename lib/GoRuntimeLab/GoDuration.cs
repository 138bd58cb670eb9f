// Mirrors: time/format.go (ParseDuration, leadingInt, leadingFraction) and time/time.go (Duration.String), Go 1.19–1.23.
// Simplified: results are whole nanoseconds in a long, as time.Duration is; messages follow Go's wording. Used by every model.
using System.Globalization;
using System.Text;

namespace GoRuntimeLab;

/// <summary>Go's duration syntax ("300ms", "1.5s", "2m30s", "100µs"), parsed and printed exactly as package time does.</summary>
public static class GoDuration
{
    private static readonly (string Unit, ulong Ns)[] Units =
    [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
        ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ];

    /// <summary>time.ParseDuration: a signed sequence of decimal numbers, each with an optional fraction and a unit.</summary>
    /// <param name="text">The duration, e.g. "5s".</param>
    /// <param name="parameter">The parameter named in the error (e.g. "--duration").</param>
    /// <returns>Nanoseconds.</returns>
    /// <exception cref="KitInputException">Go would return an error; the message is Go's.</exception>
    public static long Parse(string text, string parameter = "duration")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var ns, out var error)) return ns;
        throw KitInputException.For(error, parameter: parameter);
    }

    /// <summary>Like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out long nanoseconds)
    {
        nanoseconds = 0;
        return text is not null && TryParse(text.Trim(), out nanoseconds, out _);
    }

    /// <summary>Like <see cref="Parse"/> but returns false with Go's error text.</summary>
    public static bool TryParse(string text, out long nanoseconds, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        nanoseconds = 0;
        error = "";
        var orig = text;
        var s = text;
        ulong d = 0;
        var neg = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            neg = s[0] == '-';
            s = s[1..];
        }

        if (s == "0") return true;
        if (s.Length == 0) return Fail($"time: invalid duration \"{orig}\"", out error);
        while (s.Length > 0)
        {
            // The next character must be [0-9.].
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0]))) return Fail($"time: invalid duration \"{orig}\"", out error);
            var before = s.Length;
            if (!LeadingInt(ref s, out var v)) return Fail($"time: invalid duration \"{orig}\"", out error);
            var pre = before != s.Length;
            ulong f = 0;
            double scale = 1;
            var post = false;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                var pl = s.Length;
                LeadingFraction(ref s, out f, out scale);
                post = pl != s.Length;
            }

            if (!pre && !post) return Fail($"time: invalid duration \"{orig}\"", out error);
            var i = 0;
            while (i < s.Length && s[i] != '.' && !char.IsAsciiDigit(s[i])) i++;
            if (i == 0) return Fail($"time: missing unit in duration \"{orig}\"", out error);
            var u = s[..i];
            s = s[i..];
            var unit = Array.Find(Units, x => x.Unit == u).Ns;
            if (unit == 0) return Fail($"time: unknown unit \"{u}\" in duration \"{orig}\"", out error);
            if (v > (1UL << 63) / unit) return Fail($"time: invalid duration \"{orig}\"", out error);
            v *= unit;
            if (f > 0)
            {
                // float64 keeps fractions of hours nanosecond-accurate (as Go does).
                v += (ulong)(f * (unit / scale));
                if (v > 1UL << 63) return Fail($"time: invalid duration \"{orig}\"", out error);
            }

            d += v;
            if (d > 1UL << 63) return Fail($"time: invalid duration \"{orig}\"", out error);
        }

        if (neg)
        {
            nanoseconds = d == 1UL << 63 ? long.MinValue : -(long)d;
            return true;
        }

        if (d > long.MaxValue) return Fail($"time: invalid duration \"{orig}\"", out error);
        nanoseconds = (long)d;
        return true;
    }

    /// <summary>Duration.String: "1h2m0.5s", "300ms", "1.5µs", "0s".</summary>
    public static string Format(long ns)
    {
        if (ns == 0) return "0s";
        var neg = ns < 0;
        var u = neg ? unchecked((ulong)-ns) : (ulong)ns;
        var sb = new StringBuilder();
        if (u < 1_000_000_000)
        {
            // Sub-second: the largest unit that keeps a leading non-zero digit, with a fraction.
            string unit;
            int prec;
            if (u < 1_000) return (neg ? "-" : "") + u.ToString(CultureInfo.InvariantCulture) + "ns";
            if (u < 1_000_000) { unit = "µs"; prec = 3; }
            else { unit = "ms"; prec = 6; }
            sb.Append(Fraction(u, prec)).Append(unit);
        }
        else
        {
            var secondsPart = Fraction(u % 60_000_000_000, 9);
            var mins = u / 60_000_000_000;
            var hours = mins / 60;
            mins %= 60;
            if (hours > 0) sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
            if (hours > 0 || mins > 0) sb.Append(mins.ToString(CultureInfo.InvariantCulture)).Append('m');
            sb.Append(secondsPart).Append('s');
        }

        return (neg ? "-" : "") + sb;
    }

    // fmtFrac + fmtInt: v / 10^prec with trailing zeros (and a bare '.') dropped.
    private static string Fraction(ulong v, int prec)
    {
        var div = 1UL;
        for (var i = 0; i < prec; i++) div *= 10;
        var whole = (v / div).ToString(CultureInfo.InvariantCulture);
        var frac = (v % div).ToString(CultureInfo.InvariantCulture).PadLeft(prec, '0').TrimEnd('0');
        return frac.Length == 0 ? whole : whole + "." + frac;
    }

    private static bool LeadingInt(ref string s, out ulong x)
    {
        x = 0;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (x > (1UL << 63) / 10)
            {
                return false; // overflow
            }

            x = x * 10 + (ulong)(s[i] - '0');
            if (x > 1UL << 63) return false;
        }

        s = s[i..];
        return true;
    }

    private static void LeadingFraction(ref string s, out ulong x, out double scale)
    {
        x = 0;
        scale = 1;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            if (overflow) continue;
            if (x > (long.MaxValue - 1) / 10)
            {
                overflow = true; // Past int64: ignore further digits, as Go does.
                continue;
            }

            var y = x * 10 + (ulong)(s[i] - '0');
            if (y > long.MaxValue)
            {
                overflow = true;
                continue;
            }

            x = y;
            scale *= 10;
        }

        s = s[i..];
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }
}
