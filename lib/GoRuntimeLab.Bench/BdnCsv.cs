// Mirrors: nothing in Go; BenchmarkDotNet 0.15.8's CSV export (CsvExporter: one row per benchmark, the job's
// characteristics, then the statistics columns with their units in each cell, e.g. "1,083.0066 ns", "4120 B").
using System.Globalization;
using System.Text;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Benchmarking;

/// <summary>
/// Reads a BenchmarkDotNet CSV report (<c>--exporters csv</c>) into <see cref="BenchRow"/>s: Method, Mean, StdDev,
/// Allocated and IterationCount columns (the others are the job's settings); an Allocated cell "-" is BenchmarkDotNet's
/// zero, no Allocated column (no MemoryDiagnoser) gives null. One-line use:
/// <c>BdnCsv.Read("data/recordings/zerocopy/dotnet-zerocopy-report.csv")</c>.
/// </summary>
public static class BdnCsv
{
    /// <summary>4 MiB: one line per benchmark.</summary>
    public static readonly KitReadLimits Limits = new("BenchmarkDotNet CSV report", 4L << 20);

    /// <summary>Reads the report at <paramref name="path"/>.</summary>
    /// <exception cref="KitInputException">Missing file, a missing column, or a cell that is not a measurement (file:line).</exception>
    public static IReadOnlyList<BenchRow> Read(string path) =>
        KitFile.ParseLines(path, Limits, lines => Read(lines, Path.GetFileName(path)), "path");

    /// <summary>Parses a report held in a string; <paramref name="sourceName"/> names it in errors and in each row's Source.</summary>
    /// <exception cref="KitInputException">A missing column, or a cell that is not a measurement (source:line).</exception>
    public static IReadOnlyList<BenchRow> Parse(string text, string sourceName = "report.csv")
    {
        ArgumentNullException.ThrowIfNull(text);
        return KitLineReader.Parse(text, sourceName, Limits, lines => Read(lines, sourceName));
    }

    private static List<BenchRow> Read(KitLineReader lines, string sourceName)
    {
        KitInputException Error(string what) => KitInputException.For(what, parameter: "path", file: lines.Source, line: lines.LineNumber);
        var header = lines.ReadLine() ?? throw Error("empty file: expected BenchmarkDotNet's CSV header");
        var columns = Split(header, Error);
        int Column(string name) => columns.IndexOf(name) is var i and >= 0 ? i : throw Error($"no {name} column (is this a BenchmarkDotNet CSV report?)");
        int method = Column("Method"), mean = Column("Mean"), stddev = Column("StdDev"), iterations = Column("IterationCount");
        var allocated = columns.IndexOf("Allocated");
        var rows = new List<BenchRow>();
        while (lines.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var cells = Split(line, Error);
            if (cells.Count != columns.Count) throw Error($"{cells.Count} cells, the header has {columns.Count}");
            var description = cells[method].Trim('\'');
            var iterationCount = int.TryParse(cells[iterations], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            rows.Add(new BenchRow(description, description, Time(cells[mean], "Mean"), Time(cells[stddev], "StdDev"),
                allocated < 0 ? null : cells[allocated] is "-" ? 0 : Size(cells[allocated]), iterationCount, sourceName));
        }
        if (rows.Count == 0) throw Error("no benchmark rows");
        return rows;

        double Time(string cell, string column)
        {
            var (value, unit) = Measurement(cell, column);
            return unit switch
            {
                "ns" => value,
                "μs" or "us" => value * 1e3,
                "ms" => value * 1e6,
                "s" => value * 1e9,
                _ => throw Error($"{column}: unknown time unit \"{unit}\" in \"{cell}\""),
            };
        }

        long Size(string cell)
        {
            var (value, unit) = Measurement(cell, "Allocated");
            var scale = unit switch { "B" => 1L, "KB" => 1L << 10, "MB" => 1L << 20, "GB" => 1L << 30, _ => throw Error($"Allocated: unknown size unit \"{unit}\" in \"{cell}\"") };
            return (long)Math.Round(value * scale);
        }

        (double Value, string Unit) Measurement(string cell, string column)
        {
            var parts = cell.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v))
                throw Error($"{column}: \"{cell}\" is not a number and a unit (a failed benchmark prints NA)");
            return (v, parts[1]);
        }
    }

    // RFC 4180 fields: commas separate, double quotes enclose, "" is a quote inside quotes.
    private static List<string> Split(string line, Func<string, KitInputException> error)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        if (quoted) throw error("a quoted cell is not closed");
        cells.Add(cell.ToString());
        return cells;
    }
}
