// Mirrors: runtime/mgcpacer.go (readGOGC) and runtime/string.go (atoi32), Go 1.19–1.23.
// Simplified: Go silently falls back to 100 for unparsable text; Parse rejects it instead (TryParseLikeGo keeps Go's rule).
using System.Globalization;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>GOGC in Go's text form: "off" is -1, otherwise a decimal int32 (negative values also mean off).</summary>
public static class GoGcSetting
{
    /// <summary>
    /// Parses "off" or a decimal like readGOGC/atoi32 (optional leading '-', digits only, int32 range). Negative
    /// numbers are returned as -1 (off), as setGCPercent stores them. Text Go would silently read as 100 is rejected
    /// with a message naming GOGC, since a learner who typed it surely meant something else.
    /// </summary>
    public static int Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "off") return -1;
        if (Atoi32(text) is { } n) return n < 0 ? -1 : n;
        throw KitInputException.For($"\"{text}\" is not a GOGC value (expected \"off\" or an integer such as 100)", parameter: "GOGC");
    }

    /// <summary>readGOGC exactly: "off" → -1, a valid int32 → itself, anything else (including "") → 100.</summary>
    public static int ReadLikeGo(string? text)
    {
        if (text == "off") return -1;
        return text is not null && Atoi32(text) is { } n ? n : 100;
    }

    /// <summary>"off" for negative values, else the number.</summary>
    public static string Format(int gogc) => gogc < 0 ? "off" : gogc.ToString(CultureInfo.InvariantCulture);

    /// <summary>runtime.atoi32: atoi64, accepted only if the value fits in int32.</summary>
    private static int? Atoi32(string s) =>
        Atoi64(s) is { } n && n == (int)n ? (int)n : null;

    /// <summary>
    /// runtime.atoi64: optional '-', then ASCII digits (no '+', no spaces), within int64. Like Go, a lone "-" reads as 0.
    /// </summary>
    internal static long? Atoi64(string s)
    {
        if (s.Length == 0) return null;
        var neg = false;
        if (s[0] == '-')
        {
            neg = true;
            s = s[1..];
        }

        ulong un = 0;
        foreach (var c in s)
        {
            if (c < '0' || c > '9') return null;
            if (un > ulong.MaxValue / 10) return null; // overflow
            un *= 10;
            var un1 = unchecked(un + c - '0');
            if (un1 < un) return null; // overflow
            un = un1;
        }

        if (!neg && un > long.MaxValue) return null;
        if (neg && un > (ulong)long.MaxValue + 1) return null;
        var n = unchecked((long)un);
        return neg ? unchecked(-n) : n;
    }
}
