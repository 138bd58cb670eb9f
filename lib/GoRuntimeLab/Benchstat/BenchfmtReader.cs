// Mirrors: golang.org/x/perf benchfmt/reader.go (Reader.Scan, parseKeyValueLine, parseBenchmarkLine, isUnitLine,
// parseUnitLine, splitField, atof), x/perf at 712aea8 — the Go benchmark format of golang.org/design/14313.
// Simplified: a malformed line is an error (benchstat prints it and goes on); Unit metadata lines are checked, not used
// (every unit is summarised with benchstat's default assumption, benchmath.AssumeNothing).
using System.Globalization;
using System.Text;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Benchstat;

/// <summary>
/// Reads Go benchmark output (<c>go test -bench . -count 10</c>): lines "Benchmark&lt;name&gt; &lt;iterations&gt;
/// &lt;value&gt; &lt;unit&gt; [&lt;value&gt; &lt;unit&gt;…]", configuration lines "key: value" (the key starts with a
/// lower-case letter and has no space or upper-case letter; an empty value deletes the key) and
/// "Unit &lt;unit&gt; key=value…" metadata lines. Every other line (PASS, ok, program output) is skipped.
/// </summary>
public static class BenchfmtReader
{
    /// <summary>64 MiB: a -count 10 run of a large package's benchmarks is a few hundred KiB.</summary>
    public static readonly KitReadLimits Limits = new("benchmark results file", 64L << 20);

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="KitInputException">Missing file, a malformed benchmark or Unit line (file:line), or a limit passed.</exception>
    public static BenchFile ReadFile(string? path, string parameter = "file") =>
        KitFile.ParseLines(path, Limits, lines => Read(lines, Path.GetFileName(path!), parameter), parameter);

    /// <summary>Reads benchmark results held in a string; <paramref name="sourceName"/> names it in errors and tables.</summary>
    /// <exception cref="KitInputException">A malformed benchmark or Unit line (source:line).</exception>
    public static BenchFile Parse(string text, string sourceName = "bench.txt")
    {
        ArgumentNullException.ThrowIfNull(text);
        return KitLineReader.Parse(text, sourceName, Limits, lines => Read(lines, sourceName, "file"));
    }

    /// <summary>Reads UTF-8 text from a stream, line by line within <paramref name="limits"/> (default <see cref="Limits"/>).</summary>
    /// <exception cref="KitInputException">Malformed input (source:line), or more text than the limits allow.</exception>
    public static BenchFile Parse(Stream stream, string sourceName, KitReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return KitLineReader.Parse(stream, sourceName, limits ?? Limits, lines => Read(lines, sourceName, "file"));
    }

    private static BenchFile Read(KitLineReader lines, string sourceName, string parameter)
    {
        var results = new List<BenchResult>();
        var config = new List<KeyValuePair<string, string>>();
        var units = new Dictionary<(string Unit, string Key), string>();
        while (lines.ReadLine() is { } line)
        {
            KitInputException Error(string what) => KitInputException.For(what, parameter: parameter, file: lines.Source, line: lines.LineNumber);
            if (line.StartsWith("Benchmark", StringComparison.Ordinal))
            {
                var package = config.FirstOrDefault(c => c.Key == "pkg").Value ?? "";
                if (ParseBenchmark(line, package, lines.LineNumber, Error) is { } result) results.Add(result);
                continue;
            }
            if (line.StartsWith('U'))
            {
                var (first, rest) = SplitField(line);
                if (first == "Unit")
                {
                    ParseUnitLine(rest, units, Error);
                    continue;
                }
            }
            if (ParseKeyValue(line) is { } kv)
            {
                // A key keeps its place when its value changes (Result.ensureConfig); an empty value deletes it.
                var at = config.FindIndex(c => c.Key == kv.Key);
                if (kv.Value.Length == 0) { if (at >= 0) config.RemoveAt(at); }
                else if (at >= 0) config[at] = kv;
                else config.Add(kv);
            }
        }
        return new BenchFile(sourceName, results, config);
    }

    // parseBenchmarkLine: null for a bare "BenchmarkX" line (go test -v prints the name alone before a benchmark's log).
    private static BenchResult? ParseBenchmark(string line, string package, int lineNumber, Func<string, KitInputException> error)
    {
        var body = line["Benchmark".Length..];
        var (name, rest) = SplitField(body);
        if (rest.Length == 0 && name.Length == body.Length) return null;
        var (field, after) = SplitField(rest);
        if (field.Length == 0) throw error("missing iteration count");
        if (!long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var iterations))
            throw error($"parsing iteration count: invalid syntax \"{KitText.Excerpt(field)}\"");
        var values = new List<BenchValue>();
        rest = after;
        while (true)
        {
            (field, rest) = SplitField(rest);
            if (field.Length == 0)
            {
                if (values.Count > 0) break;
                throw error("missing measurements");
            }
            if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw error($"parsing measurement: invalid syntax \"{KitText.Excerpt(field)}\"");
            string unit;
            (unit, rest) = SplitField(rest);
            if (unit.Length == 0) throw error("missing units");
            var (tidy, tidyUnit) = BenchUnit.Tidy(value, unit);
            values.Add(new BenchValue(tidy, tidyUnit, value, unit));
        }
        return new BenchResult(name, iterations, values, package, lineNumber);
    }

    // parseUnitLine: "Unit <unit> key=value…"; a key may be set once per unit.
    private static void ParseUnitLine(string rest, Dictionary<(string Unit, string Key), string> units, Func<string, KitInputException> error)
    {
        var (unit, fields) = SplitField(rest);
        if (unit.Length == 0) throw error("missing unit");
        var tidyUnit = BenchUnit.Tidy(1, unit).Unit;
        while (true)
        {
            string field;
            (field, fields) = SplitField(fields);
            if (field.Length == 0) return;
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw error("expected key=value");
            var key = (tidyUnit, field[..eq]);
            var value = field[(eq + 1)..];
            if (units.TryGetValue(key, out var have) && have != value)
                throw error($"metadata {KitText.Excerpt(field[..eq])} of unit {KitText.Excerpt(unit)} already set to {KitText.Excerpt(have)}");
            units[key] = value;
        }
    }

    // parseKeyValueLine: a lower-case first rune, no space or upper case before the first ':', and at least one
    // space or tab after it unless the value is empty.
    private static KeyValuePair<string, string>? ParseKeyValue(string line)
    {
        var colon = -1;
        for (var i = 0; i < line.Length;)
        {
            if (!Rune.TryGetRuneAt(line, i, out var rune)) return null;
            if (i == 0 && !Rune.IsLower(rune)) return null;
            if (Rune.IsWhiteSpace(rune) || Rune.IsUpper(rune)) return null;
            if (i > 0 && rune.Value == ':') { colon = i; break; }
            i += rune.Utf16SequenceLength;
        }
        if (colon <= 0) return null;
        var key = line[..colon];
        var value = line[(colon + 1)..];
        if (value.Length == 0) return new(key, "");
        var trimmed = value.TrimStart(' ', '\t');
        return trimmed.Length == value.Length ? null : new(key, trimmed);
    }

    // splitField: the run of non-space characters, and the rest with its leading spaces removed.
    private static (string Field, string Remainder) SplitField(string text)
    {
        var i = 0;
        while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
        var field = text[..i];
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return (field, text[i..]);
    }
}
