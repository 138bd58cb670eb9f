// Mirrors: runtime/mgcpacer.go (readGOMEMLIMIT) and runtime/string.go (parseByteCount, atoi64), Go 1.19–1.23.
// Simplified: Go throws "malformed GOMEMLIMIT" at start-up; Parse throws KitInputException with the reason instead.
using System.Globalization;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>GOMEMLIMIT in Go's text form: "off" (or empty) = no limit, else bytes with an optional B/KiB/MiB/GiB/TiB suffix.</summary>
public static class MemoryLimit
{
    /// <summary>The "no limit" value: math.MaxInt64.</summary>
    public const long None = long.MaxValue;

    /// <summary>
    /// readGOMEMLIMIT: "" or "off" → <see cref="None"/>; otherwise parseByteCount ("1024", "64MiB", "3GiB", "12B").
    /// Rejects what Go rejects (e.g. "12XB", "1.5GiB", "64MB", "-1"), saying why.
    /// </summary>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text == "off") return None;
        if (TryParseByteCount(text, out var n, out var why)) return n;
        throw KitInputException.For(
            $"malformed GOMEMLIMIT \"{text}\": {why} (expected bytes with an optional B, KiB, MiB, GiB or TiB suffix, or \"off\")",
            parameter: "GOMEMLIMIT");
    }

    /// <summary>parseByteCount exactly (no "off"): false where Go returns !ok.</summary>
    public static bool TryParseByteCount(string s, out long bytes) => TryParseByteCount(s, out bytes, out _);

    private static bool TryParseByteCount(string s, out long bytes, out string why)
    {
        bytes = 0;
        why = "";
        if (s.Length == 0)
        {
            why = "empty";
            return false;
        }

        // No suffix: a plain non-negative integer.
        var last = s[^1];
        if (last is >= '0' and <= '9')
            return NonNegative(s, out bytes, out why);

        // Otherwise it must end in 'B', with at least one character before it.
        if (last != 'B' || s.Length < 2)
        {
            why = $"unknown suffix '{last}'";
            return false;
        }

        var c = s[^2];
        if (c is >= '0' and <= '9') return NonNegative(s[..^1], out bytes, out why); // plain "B"
        if (c != 'i')
        {
            why = $"unknown unit \"{s[^2..]}\" (Go takes binary units only: KiB, MiB, GiB, TiB)";
            return false;
        }

        if (s.Length < 4)
        {
            why = "no digits before the unit";
            return false;
        }

        var power = s[^3] switch { 'K' => 1, 'M' => 2, 'G' => 3, 'T' => 4, _ => 0 };
        if (power == 0)
        {
            why = $"unknown unit \"{s[^3..]}\"";
            return false;
        }

        ulong m = 1;
        for (var i = 0; i < power; i++) m *= 1024;
        if (!NonNegative(s[..^3], out var n, out why)) return false;
        var un = (ulong)n;
        if (un > ulong.MaxValue / m || un * m > long.MaxValue)
        {
            why = "overflows int64";
            return false;
        }

        bytes = (long)(un * m);
        return true;
    }

    private static bool NonNegative(string digits, out long n, out string why)
    {
        n = 0;
        why = "";
        if (GoGcSetting.Atoi64(digits) is not { } v)
        {
            why = $"\"{digits}\" is not an integer";
            return false;
        }

        if (v < 0)
        {
            why = "negative";
            return false;
        }

        n = v;
        return true;
    }

    /// <summary>"off" for <see cref="None"/>; else the largest exact binary unit ("512MiB", "1536KiB", "100").</summary>
    public static string Format(long bytes)
    {
        if (bytes == None) return "off";
        foreach (var (unit, size) in (ReadOnlySpan<(string, long)>)[("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10)])
        {
            if (bytes != 0 && bytes % size == 0) return string.Create(CultureInfo.InvariantCulture, $"{bytes / size}{unit}");
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }
}
