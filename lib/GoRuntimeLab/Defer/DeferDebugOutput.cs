// Mirrors: output of `go build -gcflags=-d=defer` (cmd/compile ssagen/ssa.go, state.stmt ODEFER; cmd/go prints "# pkg" headers), Go 1.19–1.23.
// Simplified: any other compiler message is an error here, since the recordings hold only -d=defer lines.
using System.Globalization;
using System.Text.RegularExpressions;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Defer;

/// <summary>Reads the compiler's <c>-d=defer</c> diagnostics.</summary>
public static partial class DeferDebugOutput
{
    [GeneratedRegex(@"^(?<file>[^\s:][^:]*):(?<line>[0-9]+):(?<col>[0-9]+): (?<kind>open-coded|stack-allocated|heap-allocated) defer$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();

    /// <summary>Parses the text; blank lines are skipped, "# pkg" lines set the package of the lines below.</summary>
    /// <param name="text">The compiler's stderr.</param>
    /// <param name="source">Names the text in errors (a file path, or "live go build").</param>
    /// <exception cref="KitInputException">A line is neither; the message gives source and 1-based line.</exception>
    public static IReadOnlyList<DeferDebugLine> Parse(string text, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return KitLineReader.Parse(text, source, Limits, Parse);
    }

    /// <summary>
    /// The kit's limits for -d=defer output: 16 MiB (one ~60-byte line per defer statement of a build) and lines of
    /// at most 1 Mi characters.
    /// </summary>
    public static readonly KitReadLimits Limits = new("-d=defer output", 16L << 20);

    /// <summary>Parses UTF-8 output from a stream, line by line within <paramref name="limits"/> (default <see cref="Limits"/>).</summary>
    /// <exception cref="KitInputException">A line that is not a -d=defer line, or a limit passed.</exception>
    public static IReadOnlyList<DeferDebugLine> Parse(Stream stream, string source, KitReadLimits? limits = null)
    =>
        KitLineReader.Parse(stream, source, limits ?? Limits, Parse);

    private static List<DeferDebugLine> Parse(KitLineReader lines)
    {
        var source = lines.Source;
        var result = new List<DeferDebugLine>();
        var package = "";
        while (lines.ReadLine() is { } raw)
        {
            var i = lines.LineNumber - 1;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                package = line[2..].Trim();
                continue;
            }

            var m = LinePattern().Match(line);
            if (!m.Success)
                throw KitInputException.For($"not a -d=defer line (expected \"file:line:col: open-coded|stack-allocated|heap-allocated defer\"): \"{Clip(line)}\"", file: source, line: i + 1);
            if (!int.TryParse(m.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ln) || ln < 1
                || !int.TryParse(m.Groups["col"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var col) || col < 1)
                throw KitInputException.For($"line and column must be positive numbers: \"{Clip(line)}\"", file: source, line: i + 1);
            result.Add(new DeferDebugLine(package, m.Groups["file"].Value, ln, col, DeferClassifier.ParseKind(m.Groups["kind"].Value), i + 1));
        }

        return result;
    }

    /// <summary>Reads and parses a recorded file.</summary>
    /// <exception cref="KitInputException">Missing or malformed.</exception>
    public static IReadOnlyList<DeferDebugLine> Read(string path)
    => KitFile.ParseLines(path, Limits, Parse, "path");

    private static string Clip(string s) => KitText.Excerpt(s);
}
