// Mirrors: `go test -bench` output (testing/benchmark.go; config lines "goos: linux", "pkg: …", "cpu: …";
// result lines as golang.org/x/perf/benchfmt reads them), Go 1.19–1.23. Simplified: other lines (PASS, ok …) are skipped.
using System.Globalization;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Defer;

/// <summary>A parsed `go test -bench` output: configuration lines and every benchmark result line.</summary>
/// <param name="Source">Where it came from (a file path), for messages.</param>
/// <param name="Config">"key: value" lines (goos, goarch, pkg, cpu…); a later value replaces an earlier one.</param>
/// <param name="Results">Result lines in file order.</param>
public sealed record GoBenchOutput(string Source, IReadOnlyDictionary<string, string> Config, IReadOnlyList<GoBenchResult> Results)
{
    /// <summary>
    /// Parses the output. A line whose first word starts with "Benchmark" followed by anything but a lower-case
    /// letter (benchfmt's rule) is a result line and must be "Name[-procs] iterations value unit [value unit]…"
    /// with positive iterations, finite non-negative values, distinct units and an ns/op value.
    /// </summary>
    /// <exception cref="GoBenchFormatException">A malformed result line: source, 1-based line and what is wrong.</exception>
    public static GoBenchOutput Parse(string text, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return KitLineReader.Parse(text, source, Limits, Parse);
    }

    /// <summary>
    /// The kit's limits for `go test -bench` output: 16 MiB (a result line is ~100 bytes; -count=10 over a hundred
    /// benchmarks is ~100 KiB) and lines of at most 1 Mi characters.
    /// </summary>
    public static readonly KitReadLimits Limits = new("go test -bench output", 16L << 20);

    /// <summary>Parses UTF-8 output from a stream, line by line within <paramref name="limits"/> (default <see cref="Limits"/>).</summary>
    /// <exception cref="GoBenchFormatException">A malformed result line.</exception>
    /// <exception cref="KitInputLimitException">More text, or a longer line, than the limits allow.</exception>
    public static GoBenchOutput Parse(Stream stream, string source, KitReadLimits? limits = null)
    =>
        KitLineReader.Parse(stream, source, limits ?? Limits, Parse);

    private static GoBenchOutput Parse(KitLineReader lines)
    {
        var source = lines.Source;
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new List<GoBenchResult>();
        while (lines.ReadLine() is { } raw)
        {
            var line = raw.TrimEnd('\r');
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0) continue;
            if (IsBenchmarkName(fields[0]))
            {
                results.Add(ParseResult(fields, source, lines.LineNumber));
                continue;
            }

            // Configuration: "key: value" with a key of no spaces that starts with a lower-case letter (benchfmt).
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && char.IsAsciiLetterLower(line[0]) && !line[..colon].Any(char.IsWhiteSpace))
                config[line[..colon]] = line[(colon + 2)..].Trim();
        }

        return new GoBenchOutput(source, config, results);
    }

    /// <summary>Reads and parses a recorded file, line by line.</summary>
    /// <exception cref="KitInputException">Missing file, a folder or device, larger than <see cref="Limits"/> (or a <see cref="GoBenchFormatException"/> for a bad line).</exception>
    public static GoBenchOutput Read(string path)
    => KitFile.ParseLines(path, Limits, Parse, "path");

    /// <summary>One summary per benchmark (name and procs), in order of first appearance.</summary>
    public IReadOnlyList<GoBenchSummary> Summaries() =>
        Results.GroupBy(r => (r.Name, r.Procs)).Select(g =>
        {
            var ns = g.Select(r => r.NsPerOp).ToArray();
            var bytes = g.Select(r => r.BytesPerOp).ToArray();
            var allocs = g.Select(r => r.AllocsPerOp).ToArray();
            return new GoBenchSummary(g.Key.Name, g.Key.Procs, ns.Length, GoBenchSummary.Median(ns), ns.Min(), ns.Max(),
                bytes.All(b => b.HasValue) ? GoBenchSummary.Median(bytes.Select(b => b!.Value)) : null,
                allocs.All(a => a.HasValue) ? GoBenchSummary.Median(allocs.Select(a => a!.Value)) : null);
        }).ToArray();

    /// <summary>The summary of benchmark <paramref name="name"/> (without "-procs"; "Benchmark" prefix optional).</summary>
    /// <exception cref="KitInputException">Not in this output.</exception>
    public GoBenchSummary Summary(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var full = name.StartsWith("Benchmark", StringComparison.Ordinal) ? name : "Benchmark" + name;
        return Summaries().FirstOrDefault(s => s.Name == full)
            ?? throw KitInputException.For($"benchmark {full} not found (has: {string.Join(", ", Summaries().Select(s => s.Name))})", parameter: "name", file: Source);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Source}: {Results.Count} result lines, {Summaries().Count} benchmarks{(Config.TryGetValue("cpu", out var cpu) ? ", cpu " + cpu : "")}");

    // Keeps messages one short line even for a corrupted file (NUL runs, megabyte fields).
    private static string Clip(string s) => KitText.Excerpt(s, 40);

    private static bool IsBenchmarkName(string word) =>
        word.StartsWith("Benchmark", StringComparison.Ordinal) && (word.Length == 9 || !char.IsLower(word[9]));

    private static GoBenchResult ParseResult(string[] f, string source, int line)
    {
        GoBenchFormatException Bad(string what) => GoBenchFormatException.At(source, line, what);
        if (f.Length < 4) throw Bad($"benchmark line needs \"name iterations value unit\", got {f.Length} field(s)");
        if (f.Length % 2 != 0) throw Bad("benchmark values must come in \"value unit\" pairs");

        var name = f[0];
        var procs = 1;
        var dash = name.LastIndexOf('-');
        if (dash > 0 && dash < name.Length - 1 && name[(dash + 1)..].All(char.IsAsciiDigit))
        {
            if (!int.TryParse(name[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out procs) || procs < 1)
                throw Bad($"bad GOMAXPROCS suffix in \"{Clip(name)}\"");
            name = name[..dash];
        }

        if (!long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            throw Bad($"iterations must be a positive integer, got \"{Clip(f[1])}\"");

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 2; k < f.Length; k += 2)
        {
            if (!double.TryParse(f[k], NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value))
                throw Bad($"\"{Clip(f[k])}\" is not a number (before unit \"{Clip(f[k + 1])}\")");
            var unit = f[k + 1];
            if (double.TryParse(unit, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                throw Bad($"expected a unit after {Clip(f[k])}, got the number \"{Clip(unit)}\"");
            if (!metrics.TryAdd(unit, value)) throw Bad($"unit \"{Clip(unit)}\" appears twice");
        }

        if (!metrics.TryGetValue("ns/op", out var ns)) throw Bad("no ns/op value");
        return new GoBenchResult(name, procs, n, ns, metrics, line);
    }
}
