// Mirrors: runtime/mgc.go (gcMarkTermination's gctrace print, fmtNSAsMS, itoaDiv), Go 1.17–1.23 line formats.
// Simplified: reads the printed text back; lines that are not gc lines (program output, scvg, pacer) are counted, not kept.
using System.Globalization;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Gc.Trace;

/// <summary>
/// Reads the output of a program run with <c>GODEBUG=gctrace=1</c> (a raw stderr capture, or a whole
/// <c>golab-recording</c> file): every line that starts with "gc " and a digit must be a gctrace line; all other
/// lines are counted and skipped.
/// </summary>
public static class GcTraceParser
{
    private const string Shape =
        "a gctrace line is \"gc N @S.SSSs P%: a+b+c ms clock, d+e/f/g+h ms cpu, H0->H1->H2 MB, G MB goal[, S MB stacks, G MB globals], N P[ (forced)]\"";

    /// <summary>Parses a log held in a string; <paramref name="fileName"/> names it in error messages.</summary>
    /// <exception cref="GcTraceFormatException">A gc line that does not follow the format (file, line, column, what was expected).</exception>
    public static GcTraceLog Parse(string text, string fileName = "gctrace")
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader, fileName);
    }

    /// <summary>
    /// The kit's limits for a gctrace log: 64 MiB (one ~150-byte line per GC cycle: a long run's log is a few MiB;
    /// whole recordings with program output stay far below) and lines of at most 1 Mi characters.
    /// </summary>
    public static readonly KitReadLimits Limits = new("gctrace log", 64L << 20);

    /// <summary>Parses a log from a reader; <paramref name="fileName"/> names it in error messages.</summary>
    /// <exception cref="GcTraceFormatException">A gc line that does not follow the format (file, line, column, what was expected).</exception>
    /// <exception cref="KitInputLimitException">More text than <see cref="Limits"/> allows.</exception>
    public static GcTraceLog Parse(TextReader reader, string fileName = "gctrace")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return Parse(new KitLineReader(reader, fileName, Limits));
    }

    /// <summary>Parses UTF-8 text from a stream (read line by line, within <paramref name="limits"/>, default <see cref="Limits"/>).</summary>
    /// <exception cref="GcTraceFormatException">A malformed gc line.</exception>
    /// <exception cref="KitInputLimitException">More text, or a longer line, than the limits allow.</exception>
    public static GcTraceLog Parse(Stream stream, string fileName, KitReadLimits? limits = null)
    =>
        KitLineReader.Parse(stream, fileName, limits ?? Limits, Parse);

    /// <summary>Reads and parses a file, line by line.</summary>
    /// <exception cref="KitInputException">The file does not exist, is a folder or device, or is larger than <see cref="Limits"/>.</exception>
    /// <exception cref="GcTraceFormatException">A malformed gc line.</exception>
    public static GcTraceLog ParseFile(string path)
    => KitFile.ParseLines(path, Limits, Parse);

    private static GcTraceLog Parse(KitLineReader reader)
    {
        var lines = new List<GcTraceLine>();
        var ignored = 0;
        while (reader.ReadLine() is { } text)
        {
            if (IsGcLine(text)) lines.Add(ParseLine(text, reader.Source, reader.LineNumber));
            else ignored++;
        }
        return new GcTraceLog(reader.Source, lines, ignored);
    }

    /// <summary>True when the line claims to be a gctrace line: "gc " then a digit (what the parser must then accept or reject).</summary>
    public static bool IsGcLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Length > 3 && line.StartsWith("gc ", StringComparison.Ordinal) && char.IsAsciiDigit(line[3]);
    }

    /// <summary>Parses one gc line (a trailing "\r" is allowed).</summary>
    /// <exception cref="GcTraceFormatException">The line does not follow the format.</exception>
    public static GcTraceLine ParseLine(string line, string fileName = "gctrace", int lineNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(line);
        var c = new Cursor(line.EndsWith('\r') ? line[..^1] : line, fileName, lineNumber);
        c.Expect("gc ", "\"gc \" at the start");
        var n = c.Int("the cycle number after \"gc \"");
        c.Expect(" @", "\" @\" after the cycle number");
        var at = c.Decimal("the start time in seconds after \"@\"");
        c.Expect("s ", "\"s \" after the start time");
        var cpu = c.Int("the GC CPU percentage");
        c.Expect("%: ", "\"%: \" after the CPU percentage");
        var stw1 = c.Decimal("the sweep-termination (STW 1) clock ms");
        c.Expect("+", "\"+\" after the STW 1 clock time");
        var mark = c.Decimal("the concurrent mark clock ms");
        c.Expect("+", "\"+\" after the mark clock time");
        var stw2 = c.Decimal("the mark-termination (STW 2) clock ms");
        c.Expect(" ms clock, ", "\" ms clock, \" after the three clock times");
        var cstw1 = c.Decimal("the STW 1 cpu ms");
        c.Expect("+", "\"+\" after the STW 1 cpu time");
        var assist = c.Decimal("the assist cpu ms");
        c.Expect("/", "\"/\" after the assist cpu time");
        var background = c.Decimal("the background-worker cpu ms");
        c.Expect("/", "\"/\" after the background cpu time");
        var idle = c.Decimal("the idle-worker cpu ms");
        c.Expect("+", "\"+\" after the idle cpu time");
        var cstw2 = c.Decimal("the STW 2 cpu ms");
        c.Expect(" ms cpu, ", "\" ms cpu, \" after the five cpu times");
        var heap0 = c.Long("the heap size at the start (MB)");
        c.Expect("->", "\"->\" after the heap size at the start");
        var heap1 = c.Long("the heap size at mark termination (MB)");
        c.Expect("->", "\"->\" after the heap size at mark termination");
        var heap2 = c.Long("the marked (live) heap (MB)");
        c.Expect(" MB, ", "\" MB, \" after the three heap sizes");
        var goal = c.Long("the heap goal (MB)");
        c.Expect(" MB goal, ", "\" MB goal, \" after the heap goal");
        // Go 1.18+ prints stacks and globals before the P count; 1.17 and earlier go straight to "N P".
        long? stacks = null, globals = null;
        var next = c.Long("the stack MB (Go 1.18+) or the number of Ps");
        int procs;
        if (c.TryExpect(" MB stacks, "))
        {
            stacks = next;
            globals = c.Long("the globals MB");
            c.Expect(" MB globals, ", "\" MB globals, \" after the globals size");
            procs = c.Int("the number of Ps");
            c.Expect(" P", "\" P\" after the number of Ps");
        }
        else
        {
            procs = c.CheckInt(next, "the number of Ps");
            c.Expect(" P", "\" MB stacks, \" (Go 1.18+) or \" P\" after the number");
        }
        var forced = c.TryExpect(" (forced)");
        c.End(forced ? "the end of the line after \" (forced)\"" : "the end of the line or \" (forced)\" after \" P\"");
        return new GcTraceLine(n, at, cpu, stw1, mark, stw2, cstw1, assist, background, idle, cstw2,
            heap0, heap1, heap2, goal, stacks, globals, procs, forced, lineNumber);
    }

    /// <summary>Reads a line left to right; every failure names the column and what was expected.</summary>
    private sealed class Cursor(string text, string file, int line)
    {
        private int _pos;

        private GcTraceFormatException Fail(string expected)
        {
            var found = _pos >= text.Length ? "the end of the line" : $"\"{Excerpt()}\"";
            return GcTraceFormatException.At(file, line, _pos + 1, $"expected {expected}, found {found} ({Shape})");
        }

        private string Excerpt() => KitText.Excerpt(text.AsSpan(_pos), 12);

        public void Expect(string literal, string what)
        {
            if (!TryExpect(literal)) throw Fail(what);
        }

        public bool TryExpect(string literal)
        {
            if (!text.AsSpan(_pos).StartsWith(literal, StringComparison.Ordinal)) return false;
            _pos += literal.Length;
            return true;
        }

        public void End(string what)
        {
            if (_pos != text.Length) throw Fail(what);
        }

        private int Digits()
        {
            var start = _pos;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
            return _pos - start;
        }

        public long Long(string what)
        {
            var start = _pos;
            if (Digits() == 0) throw Fail(what);
            if (!long.TryParse(text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                _pos = start;
                throw Fail($"{what} (a number that fits in 64 bits)");
            }
            return value;
        }

        public int Int(string what) => CheckInt(Long(what), what);

        public int CheckInt(long value, string what)
        {
            if (value > int.MaxValue) throw Fail($"{what} (at most {int.MaxValue})");
            return (int)value;
        }

        // fmtNSAsMS prints digits with at most one '.', e.g. "0.044", "1.5", "42".
        public double Decimal(string what)
        {
            var start = _pos;
            if (Digits() == 0) throw Fail(what);
            if (_pos < text.Length && text[_pos] == '.')
            {
                _pos++;
                if (Digits() == 0) throw Fail($"digits after the decimal point of {what}");
            }
            var value = double.Parse(text.AsSpan(start, _pos - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (!double.IsFinite(value))
            {
                _pos = start;
                throw Fail($"{what} (a finite number)");
            }
            return value;
        }
    }
}
