// Mirrors: the text cmd/compile prints with -m / -m=2 — base.FmtPos positions ("file:line:col", "file:line" with -C),
// escape.go (Batch.finish, paramTag, capturing), solve.go (explainPath/explainFlow headers and flow lines), inl.go,
// devirtualize.go, assign.go — and the go command's "# package" lines. Go 1.19–1.23.
// Simplified: messages are classified by their fixed wording; expressions stay text.
using System.Globalization;
using System.Text.RegularExpressions;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Escape;

/// <summary>Parses `go build -gcflags=-m` / `-m=2` output (or `go tool compile -m`) into an <see cref="EscapeReport"/>.</summary>
public static partial class EscapeParser
{
    /// <summary>
    /// The kit's limits for compiler output: 64 MiB (-m=2 on a large package prints a few MiB; Go's own test/escape*.go
    /// outputs are under 1 MiB) and lines of at most 1 Mi characters.
    /// </summary>
    public static readonly KitReadLimits Limits = new("compiler output", 64L << 20);

    /// <summary>Parses compiler output read line by line from <paramref name="reader"/>; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="EscapeFormatException">A line has the shape "path.go:…" but no valid "LINE[:COL]: " after it.</exception>
    /// <exception cref="KitInputLimitException">More text than <see cref="Limits"/> allows.</exception>
    public static EscapeReport Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return Parse(new KitLineReader(reader, fileName, Limits), 0);
    }

    /// <summary>Parses compiler output held in <paramref name="text"/>; <paramref name="fileName"/> names it in errors.</summary>
    /// <exception cref="EscapeFormatException">A line has the shape "path.go:…" but no valid "LINE[:COL]: " after it.</exception>
    public static EscapeReport Parse(string text, string fileName) => Parse(text, fileName, 0);

    /// <summary>Parses UTF-8 compiler output from a stream, line by line within <paramref name="limits"/> (default <see cref="Limits"/>).</summary>
    /// <exception cref="EscapeFormatException">A diagnostic-shaped line is malformed.</exception>
    /// <exception cref="KitInputLimitException">More text, or a longer line, than the limits allow.</exception>
    public static EscapeReport Parse(Stream stream, string fileName, KitReadLimits? limits = null)
    =>
        KitLineReader.Parse(stream, fileName, limits ?? Limits, lines => Parse(lines, 0));

    /// <summary>
    /// Reads a file: raw compiler output, or a golab recording (data/recordings/escape/cases-*.txt), whose stderr is parsed.
    /// Line numbers in findings and errors are the file's own.
    /// </summary>
    /// <exception cref="KitInputException">The file is missing, a folder or device, larger than <see cref="Limits"/>, or a malformed recording.</exception>
    /// <exception cref="EscapeFormatException">A diagnostic-shaped line is malformed.</exception>
    public static EscapeReport ParseFile(string path)
    {
        using var lines = KitFile.OpenLines(path, Limits);
        if (lines.PeekLine() is not { } first || !first.TrimStart('\uFEFF').StartsWith(GoRecording.Magic, StringComparison.Ordinal))
            return Parse(lines, 0) with { Source = "parsed " + path };

        var recording = GoRecording.Read(lines);
        return Parse(recording.Stderr, path, recording.StderrLine - 1) with
        {
            Source = $"recorded {recording.GoVersionText} ({GoProgram.DisplayPath(path)})",
        };
    }

    internal static EscapeReport Parse(string text, string fileName, int lineOffset)
    =>
        KitLineReader.Parse(text, fileName, Limits, lines => Parse(lines, lineOffset));

    private static EscapeReport Parse(KitLineReader lines, int lineOffset)
    {
        var fileName = lines.Source;
        var findings = new List<Builder>();
        var blocks = new List<Builder>();
        var other = new List<EscapeUnknownLine>();
        var packages = new List<string>();
        Builder? last = null;       // the finding or explanation a tab-continued line belongs to
        Builder? openBlock = null;  // the -m=2 explanation that "flow:"/"from" lines extend
        var first = lines.LineNumber;

        while (lines.ReadLine() is { } raw)
        {
            var lineNo = lineOffset + lines.LineNumber;
            if (raw.Trim().Length == 0) continue;
            if (raw.StartsWith('#'))
            {
                packages.Add(raw.TrimStart('#').Trim());
                continue;
            }
            if (raw.StartsWith('\t') && last is not null)
            {
                // The compiler continues a long message on lines that start with a tab (test/run.go splitOutput).
                last.Flow.Add(raw);
                continue;
            }
            if (IsGoCommandNoise(raw)) continue;

            var at = PositionPrefix(raw, fileName, lineNo);
            if (at is null)
            {
                other.Add(new EscapeUnknownLine(lineNo, raw));
                last = null;
                continue;
            }

            var (file, line, column, message) = at.Value;
            if (message.Length > 0 && message[0] == ' ')
            {
                // solve.go explainFlow: "pos:   flow: dst = &src:" and "pos:     from … (why) at pos", under the header
                // that solve.go printed just before with the same position.
                if (openBlock is not null && openBlock.SamePlace(file, line, column))
                {
                    openBlock.Flow.Add(message);
                    last = openBlock;
                }
                else
                {
                    other.Add(new EscapeUnknownLine(lineNo, raw));
                    last = null;
                }
                continue;
            }

            if (ExplanationHeader(message) is { } subject)
            {
                openBlock = new Builder(file, line, column, EscapeKind.Explanation, subject, message, raw, lineNo, message);
                openBlock.Flow.Add(message);
                blocks.Add(openBlock);
                last = openBlock;
                continue;
            }

            var (kind, name, detail) = Classify(message);
            last = new Builder(file, line, column, kind, name, detail, raw, lineNo, message);
            findings.Add(last);
        }

        AttachExplanations(findings, blocks);
        var result = findings.Select(b => b.Build()).OrderBy(f => f.SourceLine).ToList();
        return new EscapeReport(fileName, result, other, packages, lines.LineNumber - first) { Source = "parsed " + fileName };
    }

    // solve.go prints the explanation while solving and the conclusion ("moved to heap: x", "leaking param: p") when the
    // batch finishes, so they are matched by position and subject, not by adjacency. Unmatched explanations stay findings.
    // The first concluding finding per (place, subject) owns the explanations of that place and subject (one lookup
    // per explanation, so -m=2 output of any size costs time in proportion to its lines).
    private static void AttachExplanations(List<Builder> findings, List<Builder> blocks)
    {
        var owners = new Dictionary<(string File, int Line, int? Column, string Name), Builder>();
        foreach (var f in findings)
            if (ConcludesExplanation(f.Kind)) owners.TryAdd((f.File, f.Line, f.Column, f.Name), f);
        foreach (var block in blocks)
        {
            if (!owners.TryGetValue((block.File, block.Line, block.Column, block.Name), out var owner))
            {
                findings.Add(block);
                continue;
            }
            owner.Flow.AddRange(block.Flow);
        }
    }

    private static bool ConcludesExplanation(EscapeKind kind) => kind is EscapeKind.MovedToHeap or EscapeKind.EscapesToHeap
        or EscapeKind.LeakingParam or EscapeKind.LeakingParamContent or EscapeKind.LeakingParamToResult;

    /// <summary>The subject of a -m=2 explanation header, or null when <paramref name="message"/> is not one.</summary>
    private static string? ExplanationHeader(string message)
    {
        if (!message.EndsWith(':')) return null;
        var m = ParamLeaksHeader().Match(message);
        if (m.Success) return m.Groups["name"].Value;
        m = EscapesHeader().Match(message);
        return m.Success ? m.Groups["name"].Value : null;
    }

    /// <summary>Classifies one diagnostic message (the text after "file:line[:col]: ").</summary>
    internal static (EscapeKind Kind, string Name, string Detail) Classify(string message)
    {
        Match m;
        if ((m = MovedToHeap().Match(message)).Success) return (EscapeKind.MovedToHeap, m.Groups["n"].Value, "");
        if ((m = LeakingContent().Match(message)).Success) return (EscapeKind.LeakingParamContent, m.Groups["n"].Value, "");
        if ((m = LeakingToResult().Match(message)).Success) return (EscapeKind.LeakingParamToResult, m.Groups["n"].Value, m.Groups["d"].Value);
        if ((m = Leaking().Match(message)).Success) return (EscapeKind.LeakingParam, m.Groups["n"].Value, "");
        if ((m = NoEscapeMutateCall().Match(message)).Success) return (EscapeKind.DoesNotEscape, m.Groups["n"].Value, "does not mutate or call");
        if ((m = NoEscape().Match(message)).Success) return (EscapeKind.DoesNotEscape, m.Groups["n"].Value, "");
        if ((m = Escapes().Match(message)).Success) return (EscapeKind.EscapesToHeap, m.Groups["n"].Value, "");
        if ((m = CanInline().Match(message)).Success) return (EscapeKind.CanInline, m.Groups["n"].Value, m.Groups["d"].Value);
        if ((m = InliningCall().Match(message)).Success) return (EscapeKind.InliningCall, m.Groups["n"].Value, m.Groups["d"].Value.Trim());
        if ((m = CannotInline().Match(message)).Success) return (EscapeKind.CannotInline, m.Groups["n"].Value, m.Groups["d"].Value);
        if ((m = Capturing().Match(message)).Success)
        {
            var kind = m.Groups["how"].Value == "ref" ? EscapeKind.CapturedByRef : EscapeKind.CapturedByValue;
            return (kind, m.Groups["n"].Value, $"{m.Groups["f"].Value} {m.Groups["d"].Value}");
        }
        if ((m = Devirtualizing().Match(message)).Success)
            return (EscapeKind.Devirtualized, m.Groups["n"].Value, (m.Groups["p"].Success ? "partially " : "") + "to " + m.Groups["d"].Value);
        if ((m = SelfAssignment().Match(message)).Success) return (EscapeKind.IgnoredSelfAssignment, m.Groups["n"].Value, m.Groups["f"].Value);
        if ((m = MutatesParam().Match(message)).Success) return (EscapeKind.MutatesParam, m.Groups["n"].Value, m.Groups["d"].Value);
        if ((m = CallsParam().Match(message)).Success) return (EscapeKind.CallsParam, m.Groups["n"].Value, m.Groups["d"].Value);
        if (message == "zero-copy string->[]byte conversion") return (EscapeKind.ZeroCopyConversion, "string->[]byte", "");
        return (EscapeKind.Other, "", message);
    }

    // "go: downloading …" and friends: progress lines of the go command, not compiler output.
    private static bool IsGoCommandNoise(string line) =>
        line.StartsWith("go: downloading ", StringComparison.Ordinal) || line.StartsWith("go: finding ", StringComparison.Ordinal)
        || line.StartsWith("go: extracting ", StringComparison.Ordinal);

    /// <summary>
    /// Splits "file.go:LINE[:COL]: message" (base.FmtPos then ": "); null when the line does not start like a diagnostic
    /// at all (no "….go:" or "&lt;autogenerated&gt;:" prefix).
    /// </summary>
    /// <exception cref="EscapeFormatException">It starts like one but LINE/COL are not positive integers or ": " is missing.</exception>
    private static (string File, int Line, int? Column, string Message)? PositionPrefix(string raw, string fileName, int lineNo)
    {
        var m = FilePrefix().Match(raw);
        if (!m.Success) return null;
        var file = m.Groups["file"].Value;
        var rest = raw.AsSpan(m.Length);

        var line = ReadNumber(ref rest, fileName, lineNo, "line", file);
        int? column = null;
        if (rest.Length > 0 && rest[0] == ':' && rest.Length > 1 && rest[1] != ' ')
        {
            rest = rest[1..];
            column = ReadNumber(ref rest, fileName, lineNo, "column", file);
        }
        if (!rest.StartsWith(": ", StringComparison.Ordinal))
            throw EscapeFormatException.At(fileName, lineNo, $"\"{Shorten(raw)}\" looks like a compiler diagnostic but lacks \": \" after {file}:LINE[:COL]");
        return (file, line, column, rest[2..].ToString());
    }

    private static int ReadNumber(ref ReadOnlySpan<char> rest, string fileName, int lineNo, string what, string file)
    {
        var digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits])) digits++;
        if (digits == 0 || digits == rest.Length || rest[digits] != ':'
            || !int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            var token = rest.IndexOf(':') is var colon and >= 0 ? rest[..colon].ToString() : rest.ToString();
            throw EscapeFormatException.At(fileName, lineNo,
                $"{what} \"{Shorten(token)}\" after \"{file}:\" is not a positive integer (expected {file}:LINE[:COL]: message)");
        }
        rest = rest[digits..];
        return value;
    }

    private static string Shorten(string s) => KitText.Excerpt(s);

    // A file name as base.FmtPos prints it: a path ending in .go (a Windows drive letter allowed), or <autogenerated>.
    [GeneratedRegex(@"^(?<file><autogenerated>|(?:[A-Za-z]:)?[^\s:]*\.go):")]
    private static partial Regex FilePrefix();

    [GeneratedRegex(@"^parameter (?<name>\S+) leaks to .+ with derefs=-?\d+:$")]
    private static partial Regex ParamLeaksHeader();

    [GeneratedRegex(@"^(?<name>.+) escapes to heap:$")]
    private static partial Regex EscapesHeader();

    [GeneratedRegex(@"^moved to heap: (?<n>.+)$")]
    private static partial Regex MovedToHeap();

    [GeneratedRegex(@"^leaking param content: (?<n>.+)$")]
    private static partial Regex LeakingContent();

    [GeneratedRegex(@"^leaking param: (?<n>\S+) to result (?<d>.+)$")]
    private static partial Regex LeakingToResult();

    [GeneratedRegex(@"^leaking param: (?<n>.+)$")]
    private static partial Regex Leaking();

    [GeneratedRegex(@"^(?<n>.+) does not escape, mutate, or call$")]
    private static partial Regex NoEscapeMutateCall();

    [GeneratedRegex(@"^(?<n>.+) does not escape$")]
    private static partial Regex NoEscape();

    [GeneratedRegex(@"^(?<n>.+) escapes to heap$")]
    private static partial Regex Escapes();

    [GeneratedRegex(@"^can inline (?<n>\S+)(?: with (?<d>.*))?$")]
    private static partial Regex CanInline();

    [GeneratedRegex(@"^inlining call to (?<n>\S+)(?<d>.*)$")]
    private static partial Regex InliningCall();

    [GeneratedRegex(@"^cannot inline (?<n>[^:\s]+): (?<d>.*)$")]
    private static partial Regex CannotInline();

    [GeneratedRegex(@"^(?<f>\S+) capturing by (?<how>ref|value): (?<n>\S+) (?<d>\(.*\))$")]
    private static partial Regex Capturing();

    [GeneratedRegex(@"^(?<p>partially )?devirtualizing (?<n>\S+) to (?<d>.+)$")]
    private static partial Regex Devirtualizing();

    [GeneratedRegex(@"^(?<f>\S+) ignoring self-assignment in (?<n>.+)$")]
    private static partial Regex SelfAssignment();

    [GeneratedRegex(@"^mutates param: (?<n>\S+) (?<d>derefs=-?\d+)$")]
    private static partial Regex MutatesParam();

    [GeneratedRegex(@"^calls param: (?<n>\S+) (?<d>derefs=-?\d+)$")]
    private static partial Regex CallsParam();

    /// <summary>Mutable while the output is read: -m=2 explanation lines arrive before or after the line they explain.</summary>
    private sealed class Builder(string file, int line, int? column, EscapeKind kind, string name, string detail, string raw, int sourceLine, string message)
    {
        public string File { get; } = file;

        public int Line { get; } = line;

        public int? Column { get; } = column;

        public string Name { get; } = name;

        public EscapeKind Kind { get; } = kind;

        public List<string> Flow { get; } = [];

        public bool SamePlace(string f, int l, int? c) => File == f && Line == l && Column == c;

        public EscapeFinding Build() => new(File, Line, Column, Kind, Name, detail, [.. Flow], raw, sourceLine) { Message = message };
    }
}
