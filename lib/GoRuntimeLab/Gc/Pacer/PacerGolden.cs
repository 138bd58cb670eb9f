// Mirrors: the output of `go test runtime -run 'TestGcPacer$' -v` (testing's "=== RUN/CONT" lines and
// mgcpacer_test.go's t.Log("GC", result.String())), Go 1.19–1.23. Simplified: only the lines this kit needs are read.
using System.Globalization;
using System.Text.RegularExpressions;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// Reads real-Go TestGcPacer recordings (data/oracles/gcpacer/): the raw <c>-v</c> logs and the %.17g TSV, into
/// per-scenario cycle lists for comparison with <see cref="PacerHarness"/>.
/// </summary>
public static partial class PacerGolden
{
    [GeneratedRegex(@"^=== (?:RUN|CONT|PAUSE)\s+TestGcPacer/(\S+)\s*$")]
    private static partial Regex SubtestLine();

    [GeneratedRegex(@"\bGC (\d+) +(-?[\d.]+)% (\d+)->(\d+)->(\d+) \(goal: (\d+)\)\s*$")]
    private static partial Regex CycleLine();

    /// <summary>
    /// Parses a <c>go test -v</c> log. Cycle lines belong to the subtest named by the latest "=== RUN/CONT" line
    /// (with <c>-parallel 1</c> the subtests' logs do not interleave). Throws naming the line on a cycle line with
    /// no subtest, a repeated or out-of-order cycle.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<PacerGoldenCycle>> ParseLog(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, List<PacerGoldenCycle>>(StringComparer.Ordinal);
        string? current = null;
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            var sub = SubtestLine().Match(line);
            if (sub.Success)
            {
                current = sub.Groups[1].Value;
                continue;
            }

            var m = CycleLine().Match(line);
            if (!m.Success) continue;
            if (current is null) throw KitInputException.For("cycle line before any \"=== RUN TestGcPacer/…\" line", file: source, line: lineNo);
            var cycle = new PacerGoldenCycle(
                current,
                int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 100,
                ulong.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
                ulong.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture),
                ulong.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture),
                ulong.Parse(m.Groups[6].Value, CultureInfo.InvariantCulture),
                UtilizationPrecision: 0.0005);
            Add(result, cycle, source, lineNo);
        }

        return Freeze(result);
    }

    /// <summary>
    /// Parses the TSV (scenario, cycle, utilization %.17g, heapLive, trigger, peak, goal; '#' comments). Throws naming
    /// file and line on a malformed row.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<PacerGoldenCycle>> ParseTsv(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new Dictionary<string, List<PacerGoldenCycle>>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f.Length != 7) throw KitInputException.For($"expected 7 tab-separated fields, found {f.Length}", file: source, line: lineNo);
            try
            {
                var cycle = new PacerGoldenCycle(
                    f[0],
                    int.Parse(f[1], NumberStyles.None, CultureInfo.InvariantCulture),
                    double.Parse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture),
                    ulong.Parse(f[3], NumberStyles.None, CultureInfo.InvariantCulture),
                    ulong.Parse(f[4], NumberStyles.None, CultureInfo.InvariantCulture),
                    ulong.Parse(f[5], NumberStyles.None, CultureInfo.InvariantCulture),
                    ulong.Parse(f[6], NumberStyles.None, CultureInfo.InvariantCulture),
                    UtilizationPrecision: 0);
                Add(result, cycle, source, lineNo);
            }
            catch (FormatException e)
            {
                throw KitInputException.For($"malformed number ({e.Message})", file: source, line: lineNo);
            }
            catch (OverflowException e)
            {
                throw KitInputException.For($"number out of range ({e.Message})", file: source, line: lineNo);
            }
        }

        return Freeze(result);
    }

    /// <summary>`go test runtime -run TestGcPacer -v` logs are about 100 KiB per release: 16 MiB is ample.</summary>
    public static readonly KitReadLimits Limits = new("TestGcPacer log", 16L << 20);

    /// <summary>Reads a recording file: the TSV if its name ends in .tsv, otherwise a raw log.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<PacerGoldenCycle>> ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = KitFile.ReadAllText(path, Limits, "path");
        return path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? ParseTsv(text, path) : ParseLog(text, path);
    }

    private static void Add(Dictionary<string, List<PacerGoldenCycle>> result, PacerGoldenCycle cycle, string source, int lineNo)
    {
        if (!result.TryGetValue(cycle.Scenario, out var list)) result[cycle.Scenario] = list = [];
        if (cycle.Cycle != list.Count + 1)
            throw KitInputException.For($"{cycle.Scenario}: cycle {cycle.Cycle} follows cycle {list.Count}", file: source, line: lineNo);
        list.Add(cycle);
    }

    private static Dictionary<string, IReadOnlyList<PacerGoldenCycle>> Freeze(Dictionary<string, List<PacerGoldenCycle>> d) =>
        d.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<PacerGoldenCycle>)kv.Value.AsReadOnly(), StringComparer.Ordinal);
}
