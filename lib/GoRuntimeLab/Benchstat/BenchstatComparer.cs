// Mirrors: golang.org/x/perf cmd/benchstat (main.go, internal/benchtab/builder.go: ToTables, summarizeCell,
// summarizeCol) with benchstat's defaults: rows by .fullname, columns by .file (the first file is the baseline),
// benchmath.AssumeNothing (median, 95 % interval, Mann–Whitney U-test), alpha 0.05; x/perf at 712aea8.
// Simplified: tables are split by package and unit only — configuration lines whose values differ between the two
// files (cpu, note, …) are ignored, as with `benchstat -ignore KEY`, instead of splitting the comparison apart.
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// <c>benchstat OLD NEW</c>: for every benchmark × unit, the median and its confidence interval in each file, and a
/// Mann–Whitney U-test between the two samples; a change is reported when p ≤ alpha, else "~".
/// </summary>
public static class BenchstatComparer
{
    /// <summary>Compares the files at <paramref name="oldPath"/> and <paramref name="newPath"/>.</summary>
    /// <exception cref="KitInputException">A missing or malformed file (file:line), or a file without benchmark lines.</exception>
    public static BenchstatReport CompareFiles(string? oldPath, string? newPath, BenchstatOptions? options = null)
    {
        var oldFile = BenchfmtReader.ReadFile(oldPath, "old");
        var newFile = BenchfmtReader.ReadFile(newPath, "new");
        if (oldFile.Results.Count == 0) throw KitInputException.For("no benchmark lines (\"BenchmarkX  N  V unit\") in the file", parameter: "old", file: oldPath);
        if (newFile.Results.Count == 0) throw KitInputException.For("no benchmark lines (\"BenchmarkX  N  V unit\") in the file", parameter: "new", file: newPath);
        return Compare(oldFile, newFile, options);
    }

    /// <summary>Compares two parsed files; the old one is the baseline.</summary>
    public static BenchstatReport Compare(BenchFile oldFile, BenchFile newFile, BenchstatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(oldFile);
        ArgumentNullException.ThrowIfNull(newFile);
        options ??= BenchstatOptions.Default;

        // Tables (package × unit) and their rows in order of first appearance, old file first (benchproc.SortKeys).
        var tableOrder = new List<(string Package, string Unit)>();
        var rowOrder = new Dictionary<(string Package, string Unit), List<string>>();
        var samples = new Dictionary<(string Package, string Unit, string Name), (List<double> Old, List<double> New)>();
        foreach (var (file, isOld) in new[] { (oldFile, true), (newFile, false) })
        {
            foreach (var result in file.Results)
            {
                foreach (var value in result.Values)
                {
                    var tableKey = (result.Package, value.Unit);
                    if (!rowOrder.TryGetValue(tableKey, out var rows))
                    {
                        rowOrder[tableKey] = rows = [];
                        tableOrder.Add(tableKey);
                    }
                    var key = (result.Package, value.Unit, result.Name);
                    if (!samples.TryGetValue(key, out var pair))
                    {
                        samples[key] = pair = ([], []);
                        rows.Add(result.Name);
                    }
                    (isOld ? pair.Old : pair.New).Add(value.Value);
                }
            }
        }

        var tables = tableOrder.Select(t => BuildTable(t.Package, t.Unit, rowOrder[t], samples, options)).ToList();
        return new BenchstatReport(oldFile.SourceName, newFile.SourceName, SharedConfig(oldFile, newFile, tables), tables, options);
    }

    /// <summary>
    /// The median and its confidence interval (benchmath assumeNothing.Summary); warns "need >= N samples for
    /// confidence interval at level C" when the interval is unbounded.
    /// </summary>
    public static BenchSummary Summarize(IReadOnlyList<double> values, double confidence)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("no values", nameof(values));
        var sorted = values.Order().ToArray();
        var ci = QuantileCi.Compute(sorted.Length, 0.5, confidence);
        var (median, lo, hi) = ci.SampleCi(sorted);
        var warnings = new List<string>();
        if (double.IsInfinity(lo) || double.IsInfinity(hi))
        {
            var (op, need) = MedianSamples(confidence);
            warnings.Add($"need {op} {need} samples for confidence interval at level {GoV(confidence)}");
        }
        return new BenchSummary(median, lo, hi, ci.Confidence, sorted.Length, warnings);
    }

    /// <summary>The U-test of old against new (benchmath assumeNothing.Compare).</summary>
    public static BenchComparison CompareSamples(IReadOnlyList<double> oldValues, IReadOnlyList<double> newValues, double alpha)
    {
        var result = MannWhitney.Test(oldValues, newValues, out var error);
        if (result is null) return new BenchComparison(1, oldValues.Count, newValues.Count, alpha, [error!]);
        var warnings = new List<string>();
        if (result.P > alpha)
        {
            var (op, need) = UTestSamples(alpha);
            if (result.N1 < need && result.N2 < need)
                warnings.Add($"need {op} {need} samples to detect a difference at alpha level {GoV(alpha)}");
        }
        return new BenchComparison(result.P, result.N1, result.N2, alpha, warnings);
    }

    // medianSamples (anone.go): the smallest n in 2..50 whose interval is bounded on both sides.
    private static (string Op, int N) MedianSamples(double confidence)
    {
        for (var n = 2; n <= 50; n++)
        {
            var ci = QuantileCi.Compute(n, 0.5, confidence);
            if (ci.LoOrder > 0 && ci.HiOrder <= n) return (">=", n);
        }
        return (">", 50);
    }

    // uTestSamples (anone.go, table uTestMinP for n = 1..9): the smallest n for which two samples of n, completely
    // apart, give p ≤ alpha; that p is 2/C(2n, n).
    private static (string Op, int N) UTestSamples(double alpha)
    {
        for (var n = 1; n <= 9; n++)
            if (2 / QuantileCi.Choose(2 * n, n) <= alpha) return (">=", n);
        return (">", 10);
    }

    private static BenchstatTable BuildTable(string package, string unit, List<string> names,
        Dictionary<(string, string, string), (List<double> Old, List<double> New)> samples, BenchstatOptions options)
    {
        var rows = new List<BenchstatRow>();
        foreach (var name in names)
        {
            var (oldValues, newValues) = samples[(package, unit, name)];
            var oldSummary = oldValues.Count > 0 ? Summarize(oldValues, options.Confidence) : null;
            var newSummary = newValues.Count > 0 ? Summarize(newValues, options.Confidence) : null;
            var comparison = oldSummary is not null && newSummary is not null ? CompareSamples(oldValues, newValues, options.Alpha) : null;
            rows.Add(new BenchstatRow(name, unit, package, oldSummary, newSummary, comparison));
        }

        // summarizeCol: geomean of each column's centers; the ratio is the geomean of the per-row ratios.
        var oldWarnings = new List<string>();
        var newWarnings = new List<string>();
        var oldGeomean = GeoMean(rows.Where(r => r.Old is not null).Select(r => r.Old!.Center));
        if (oldGeomean is null) oldWarnings.Add("summaries must be >0 to compute geomean");
        var newGeomean = GeoMean(rows.Where(r => r.New is not null).Select(r => r.New!.Center));
        if (newGeomean is null) newWarnings.Add("summaries must be >0 to compute geomean");
        var nBase = rows.Count(r => r.Old is not null);
        var ratios = new List<double>();
        var badRatio = false;
        foreach (var row in rows.Where(r => r.Old is not null && r.New is not null))
        {
            double a = row.New!.Center, b = row.Old!.Center;
            if (a == b) ratios.Add(1);
            else if (b == 0) { badRatio = true; ratios.Add(0); }
            else ratios.Add(a / b);
        }
        // Go appends this warning before the geomean's own warnings.
        if (nBase != ratios.Count) newWarnings.Insert(0, "benchmark set differs from baseline; geomeans may not be comparable");
        double? deltaPercent = null;
        if (!badRatio)
        {
            if (GeoMean(ratios) is { } ratio) deltaPercent = (ratio - 1) * 100;
            else newWarnings.Add("ratios must be >0 to compute geomean");
        }
        return new BenchstatTable(package, unit, rows, oldGeomean, newGeomean, deltaPercent, oldWarnings, newWarnings);
    }

    // stats.GeoMean: the running mean of the logarithms; null (Go: NaN) when empty or a value is ≤ 0.
    private static double? GeoMean(IEnumerable<double> values)
    {
        var m = 0.0;
        var i = 0;
        foreach (var x in values)
        {
            if (x <= 0) return null;
            m += (Math.Log(x) - m) / (i + 1);
            i++;
        }
        return i == 0 ? null : Math.Exp(m);
    }

    // The configuration lines with the same value at the end of both files, in the old file's order; "pkg" keeps its
    // place with the first table's package.
    private static List<KeyValuePair<string, string>> SharedConfig(BenchFile oldFile, BenchFile newFile, List<BenchstatTable> tables)
    {
        var shared = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in oldFile.Config)
        {
            if (key == "pkg") { if (tables.Count > 0 && tables[0].Package.Length > 0) shared.Add(new(key, tables[0].Package)); }
            else if (newFile.ConfigValue(key) == value) shared.Add(new(key, value));
        }
        if (!shared.Any(c => c.Key == "pkg") && tables.Count > 0 && tables[0].Package.Length > 0) shared.Add(new("pkg", tables[0].Package));
        return shared;
    }

    // Go's %v of a float64: the shortest representation that reads back ("0.95", "0.05", "1e-05").
    internal static string GoV(double value)
    {
        var text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (!text.Contains('E', StringComparison.Ordinal)) return text;
        // .NET "1E-05" → Go "1e-05" (Go uses %e form for exponents < -4 or >= 21, with at least two exponent digits).
        var parts = text.Split('E');
        var exp = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return $"{parts[0]}e{(exp < 0 ? "-" : "+")}{Math.Abs(exp):00}";
    }
}
