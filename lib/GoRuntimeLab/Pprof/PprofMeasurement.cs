// Mirrors: github.com/google/pprof internal/measurement/measurement.go (Scale, ScaledLabel, Percentage, unit tables),
// as vendored in Go 1.19-1.23. Simplified: the GCU unit family is left out (Go never writes it).
namespace GoRuntimeLab.Pprof;

/// <summary>pprof's value formatting: "0.99s", "9511.08kB", "37.93%", " 0.027%", "  100%".</summary>
public static class PprofMeasurement
{
    private sealed record Unit(string Name, string[] Aliases, double Factor);

    private sealed record UnitFamily(Unit[] Units, Unit Default);

    private static readonly UnitFamily[] Families =
    [
        new([
            new("B", ["b", "byte"], 1), new("kB", ["kb", "kbyte", "kilobyte"], 1L << 10), new("MB", ["mb", "mbyte", "megabyte"], 1L << 20),
            new("GB", ["gb", "gbyte", "gigabyte"], 1L << 30), new("TB", ["tb", "tbyte", "terabyte"], 1L << 40), new("PB", ["pb", "pbyte", "petabyte"], 1L << 50),
        ], new("B", ["b", "byte"], 1)),
        new([
            new("ns", ["ns", "nanosecond"], 1), new("us", ["μs", "us", "microsecond"], 1e3), new("ms", ["ms", "millisecond"], 1e6),
            new("s", ["s", "sec", "second"], 1e9), new("hrs", ["hour", "hr"], 3600e9),
        ], new("s", [], 1e9)),
    ];

    /// <summary>measurement.Scale: <paramref name="value"/> in <paramref name="fromUnit"/> expressed in
    /// <paramref name="toUnit"/> ("minimum"/"auto" pick the largest unit keeping the value ≥ 1).</summary>
    public static (double Value, string Unit) Scale(long value, string fromUnit, string toUnit)
    {
        ArgumentNullException.ThrowIfNull(fromUnit);
        ArgumentNullException.ThrowIfNull(toUnit);
        if (value < 0 && -value > 0)
        {
            var (v, u) = Scale(-value, fromUnit, toUnit);
            return (-v, u);
        }
        foreach (var family in Families)
        {
            var from = Sniff(family, fromUnit);
            if (from is null) continue;
            var x = value * from.Factor;
            if (toUnit is "minimum" or "auto")
            {
                // autoScale: the largest unit with value/factor >= 1; none: the family's default unit.
                Unit? best = null;
                foreach (var u in family.Units)
                    if (u.Factor >= (best?.Factor ?? 0) && x / u.Factor >= 1.0) best = u;
                return best is null ? (x / family.Default.Factor, family.Default.Name) : (x / best.Factor, best.Name);
            }
            var to = Sniff(family, toUnit);
            return to is null ? (x / family.Default.Factor, family.Default.Name) : (x / to.Factor, to.Name);
        }
        return toUnit is "count" or "sample" or "unit" or "minimum" or "auto" ? (value, "") : (value, toUnit);
    }

    /// <summary>measurement.ScaledLabel: "%.2f" without a trailing ".00", then the unit; "0" for zero.</summary>
    public static string ScaledLabel(long value, string fromUnit, string toUnit)
    {
        var (v, u) = Scale(value, fromUnit, toUnit);
        var text = GoFloatFormat.Fixed(v, 2);
        if (text.EndsWith(".00", StringComparison.Ordinal)) text = text[..^3];
        return text is "0" or "-0" ? "0" : text + u;
    }

    /// <summary>measurement.Label: <see cref="ScaledLabel"/> to the automatic unit.</summary>
    public static string Label(long value, string unit) => ScaledLabel(value, unit, "auto");

    /// <summary>measurement.Percentage: "  100%" near 100, "%5.2f%%" from 1 %, "%5.2g%%" below (e.g. "0.027%").</summary>
    public static string Percentage(long value, long total)
    {
        var ratio = total != 0 ? Math.Abs((double)value / total) * 100 : 0;
        if (ratio is >= 99.95 and <= 100.05) return "  100%";
        return ratio >= 1.0 ? GoFloatFormat.Fixed(ratio, 2).PadLeft(5) + "%" : GoFloatFormat.General(ratio, 2, 5) + "%";
    }

    private static Unit? Sniff(UnitFamily family, string unit)
    {
        unit = unit.ToLowerInvariant();
        if (unit.Length > 2 && unit.EndsWith('s')) unit = unit[..^1];
        return family.Units.FirstOrDefault(u => u.Aliases.Contains(unit, StringComparer.Ordinal));
    }
}
