// Mirrors: time.ParseDuration and Duration.String (time/format.go), Go 1.13–1.23.
// Simplified: units ns, us/µs, ms, s, m, h; decimal fractions; no sign; no overflow beyond long nanoseconds.
using System.Globalization;

namespace GoRuntimeLab.Sched;

/// <summary>Go duration strings ("300ms", "100us", "1.5s") as nanoseconds of simulated time.</summary>
public static class GoDuration
{
    /// <summary>Parses a Go duration such as "300ms", "100µs" or "1m30s" into nanoseconds.</summary>
    /// <exception cref="KitInputException">Not a duration; the message names <paramref name="parameter"/>.</exception>
    public static long Parse(string text, string parameter = "duration")
    {
        if (TryParse(text, out var ns)) return ns;
        throw KitInputException.For($"\"{text}\" is not a Go duration (expected e.g. \"300ms\", \"100us\", \"1.5s\")", parameter: parameter);
    }

    /// <summary>Like <see cref="Parse"/>, but returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out long nanoseconds)
    {
        nanoseconds = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s == "0") return true;
        decimal total = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == start) return false;
            if (!decimal.TryParse(s[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.') i++;
            decimal scale = s[unitStart..i] switch
            {
                "ns" => 1m,
                "us" or "µs" or "μs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                "h" => 3_600_000_000_000m,
                _ => -1m,
            };
            if (scale < 0) return false;
            total += value * scale;
            if (total > long.MaxValue) return false;
        }

        nanoseconds = (long)decimal.Round(total);
        return true;
    }

    /// <summary>Formats like Go's Duration.String: "300ms", "100µs", "1.5s", "20ns".</summary>
    public static string Format(long nanoseconds)
    {
        if (nanoseconds == 0) return "0s";
        var sign = nanoseconds < 0 ? "-" : "";
        var ns = Math.Abs((decimal)nanoseconds);
        string body = ns switch
        {
            < 1_000m => Fmt(ns) + "ns",
            < 1_000_000m => Fmt(ns / 1_000m) + "µs",
            < 1_000_000_000m => Fmt(ns / 1_000_000m) + "ms",
            _ => Fmt(ns / 1_000_000_000m) + "s",
        };
        return sign + body;

        static string Fmt(decimal v) => v.ToString("0.#########", CultureInfo.InvariantCulture);
    }
}
