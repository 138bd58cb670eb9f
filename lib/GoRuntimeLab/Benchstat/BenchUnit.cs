// Mirrors: golang.org/x/perf benchunit/tidy.go (Tidy, tidyUnit), benchunit/parse.go (ClassOf and the unit tokenizer),
// benchunit/scale.go (CommonScale, Scale: SI and IEC factors with the 99.995/9.9995/.99995 thresholds), x/perf at 712aea8.
using System.Globalization;

namespace GoRuntimeLab.Benchstat;

/// <summary>
/// Benchmark units as benchstat treats them: <see cref="Tidy"/> turns pre-scaled units into base units ("ns/op" →
/// "sec/op", "MB/s" → "B/s"); <see cref="IsBinary"/> says whether a unit counts bytes (scaled by 1024: Ki, Mi, Gi)
/// or not (scaled by 1000: k, M, m, µ, n); <see cref="CommonScale"/> picks one scale showing at least three
/// significant digits of every value of a row.
/// </summary>
public static class BenchUnit
{
    private sealed record Factor(double Value, string Prefix, double T100, double T10, double T1);

    private static readonly Factor[] SiFactors = MakeSi();
    private static readonly Factor[] IecFactors = MakeIec();
    private static readonly double[] SigFigs = [.. Enumerable.Range(1, 8).Select(e => Parse($"9.9995e-{e}"))];

    /// <summary>The value in base units and the base unit (benchunit.Tidy): "ns" → "sec" (÷1e9), "MB" → "B" (×1e6), in the numerator only.</summary>
    public static (double Value, string Unit) Tidy(double value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        switch (unit)
        {
            case "ns/op": return (value * 1e-9, "sec/op");
            case "MB/s": return (value * 1e6, "B/s");
            case "B/op" or "allocs/op": return (value, unit);
        }
        if (!unit.Contains("ns", StringComparison.Ordinal) && !unit.Contains("MB", StringComparison.Ordinal)) return (value, unit);
        // tidyUnitUncached: edit tokens of the numerator from the right so earlier positions stay valid.
        var factor = 1.0;
        var edits = new List<(int Pos, int Len, string Replace)>();
        foreach (var (token, pos, denominator) in Tokens(unit))
        {
            if (denominator) continue;
            if (token == "ns") { edits.Add((pos, 2, "sec")); factor /= 1e9; }
            else if (token == "MB") { edits.Add((pos, 2, "B")); factor *= 1e6; }
        }
        for (var i = edits.Count - 1; i >= 0; i--) unit = unit[..edits[i].Pos] + edits[i].Replace + unit[(edits[i].Pos + edits[i].Len)..];
        return (value * factor, unit);
    }

    /// <summary>True when the unit measures bytes in its numerator ("B", "MB" or "bytes" token): binary prefixes (benchunit.ClassOf).</summary>
    public static bool IsBinary(string unit) => Tokens(unit).Any(t => !t.Denominator && t.Token is "B" or "MB" or "bytes");

    /// <summary>One value scaled alone (benchunit.Scale): the geomean row.</summary>
    public static string Scale(double value, string unit) => CommonScale([value], unit).Format(value);

    /// <summary>
    /// The scale for a row of values (benchunit.CommonScale): set by the non-zero value nearest zero, so that value
    /// shows at least three significant digits; all zero → three decimals, no prefix.
    /// </summary>
    public static BenchScaler CommonScale(IEnumerable<double> values, string unit)
    {
        var min = 0.0;
        foreach (var raw in values)
        {
            var v = Math.Abs(raw);
            if (v != 0 && (min == 0 || v < min)) min = v;
        }
        if (min == 0) return new BenchScaler(3, 1, "");
        var factors = IsBinary(unit) ? IecFactors : SiFactors;
        foreach (var f in factors)
        {
            if (min >= f.T100) return new BenchScaler(1, f.Value, f.Prefix);
            if (min >= f.T10) return new BenchScaler(2, f.Value, f.Prefix);
            if (min >= f.T1) return new BenchScaler(3, f.Value, f.Prefix);
        }
        // Below the smallest factor: more decimals under that factor.
        var last = factors[^1];
        var scaled = min / last.Value;
        for (var i = 0; i < SigFigs.Length; i++)
            if (scaled >= SigFigs[i] || i == SigFigs.Length - 1) return new BenchScaler(i + 3, last.Value, last.Prefix);
        throw new InvalidOperationException("not reachable");
    }

    // The unit tokenizer of benchunit/parse.go: '*' and '/' switch numerator/denominator; '-' and spaces separate.
    private static IEnumerable<(string Token, int Pos, bool Denominator)> Tokens(string unit)
    {
        var denominator = false;
        var i = 0;
        while (i < unit.Length)
        {
            var c = unit[i];
            if (c == '*') { denominator = false; i++; continue; }
            if (c == '/') { denominator = true; i++; continue; }
            if (c == '-' || char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            while (i < unit.Length && unit[i] is not ('*' or '/' or '-') && !char.IsWhiteSpace(unit[i])) i++;
            yield return (unit[start..i], start, denominator);
        }
    }

    // mkSIFactors: thresholds parsed from the printed form, so they round exactly as printing does.
    private static Factor[] MakeSi()
    {
        var prefixes = new[] { "T", "G", "M", "k", "", "m", "µ", "n" };
        return [.. prefixes.Select((p, i) =>
        {
            var exp = 12 - 3 * i;
            return new Factor(Math.Pow(10, exp), p, Parse($"99.995e{exp}"), Parse($"9.9995e{exp}"), Parse($".99995e{exp}"));
        })];
    }

    // mkIECFactors: the thresholds are the doubles nearest 99.995, 9.9995 and .99995, scaled by 2^exp.
    private static Factor[] MakeIec()
    {
        var prefixes = new[] { "Ti", "Gi", "Mi", "Ki", "" };
        return [.. prefixes.Select((p, i) =>
        {
            var exp = 40 - 10 * i;
            return new Factor(Math.Pow(2, exp), p, Math.ScaleB(99.995, exp), Math.ScaleB(9.9995, exp), Math.ScaleB(.99995, exp));
        })];
    }

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
