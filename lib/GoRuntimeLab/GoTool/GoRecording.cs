// Mirrors: nothing in Go; the kit's text format for a recorded run of a Go program (data/recordings/, documented
// in data/README.md), so notebooks can replay real output on machines without Go. Any Go version.
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.GoTool;

/// <summary>
/// A recorded run of a Go program: a small header saying exactly how it was made, then stdout and stderr verbatim.
/// </summary>
/// <remarks>
/// Format (UTF-8, "\n" line ends; "\r\n" is accepted on reading):
/// <code>
/// golab-recording: 1
/// program: data/go/welcome-sleep
/// command: cd data/go/welcome-sleep &amp;&amp; go run . -work 700ms
/// args: ["-work","700ms"]
/// go: go1.19.8 linux/amd64
/// exit-code: 0
/// gomaxprocs: 2                     (any further "key: value" lines are kept in Notes)
/// ==> stdout &lt;==
/// …program stdout, one line per line…
/// ==> stderr &lt;==
/// …program stderr…
/// </code>
/// The first line, program, command, args (a JSON array, so any argument survives quoting), go and exit-code are
/// required; both markers are always written. Output is stored line by line, so a final line without "\n" gains one.
/// </remarks>
/// <param name="Program">The recorder's folder, relative to the repository root (data/go/NAME).</param>
/// <param name="Command">The exact shell command, run from the repository root.</param>
/// <param name="Args">The program's arguments (what <see cref="GoProgram.RunOrReplayAsync(string, IReadOnlyList{string}, string, GoRunOptions?, CancellationToken)"/> compares).</param>
/// <param name="Go">The `go version` version and platform, e.g. "go1.19.8 linux/amd64".</param>
/// <param name="ExitCode">The program's exit code.</param>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
public sealed record GoRecording(string Program, string Command, IReadOnlyList<string> Args, string Go, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The first line of every recording; the number changes if the format does.</summary>
    public const string Magic = "golab-recording: 1";

    /// <summary>Marks the start of stdout.</summary>
    public const string StdoutMarker = "==> stdout <==";

    /// <summary>Marks the start of stderr.</summary>
    public const string StderrMarker = "==> stderr <==";

    private static readonly string[] Required = ["program", "command", "args", "go", "exit-code"];

    /// <summary>Further header lines (machine facts, GOMAXPROCS, date), in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Notes { get; init; } = [];

    /// <summary>The Go release that made the recording ("go1.19.8"): the first word of <see cref="Go"/>.</summary>
    public string GoVersionText => Go.Split(' ', 2)[0];

    /// <summary>
    /// The kit's limits for a recording: 64 MiB (the largest in data/recordings is under 1 MiB; a recording holds one
    /// program run's output) and lines of at most 1 Mi characters.
    /// </summary>
    public static readonly KitReadLimits Limits = new("golab recording", 64L << 20);

    /// <summary>1-based line in the file of stdout's first line (the line after "==> stdout &lt;=="); 0 when not parsed from text.</summary>
    public int StdoutLine { get; init; }

    /// <summary>1-based line in the file of stderr's first line (the line after "==> stderr &lt;=="); 0 when not parsed from text.</summary>
    public int StderrLine { get; init; }

    /// <summary>Reads a recording file, line by line.</summary>
    /// <exception cref="KitInputException">Missing, a folder or device, larger than <see cref="Limits"/>, or malformed; the message names the file (and line).</exception>
    public static GoRecording Read(string path)
    => KitFile.ParseLines(path, Limits, Read, "recordingPath");

    /// <summary>Parses a recording's text; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="KitInputException">Malformed; the message names the source and 1-based line.</exception>
    public static GoRecording Parse(string text, string sourceName)
    =>
        KitLineReader.Parse(text, sourceName, Limits, Read);

    /// <summary>Reads a recording from UTF-8 text in a stream (line by line, within <paramref name="limits"/>, default <see cref="Limits"/>).</summary>
    /// <exception cref="KitInputException">Malformed, or a limit passed.</exception>
    public static GoRecording Parse(Stream stream, string sourceName, KitReadLimits? limits = null)
    =>
        KitLineReader.Parse(stream, sourceName, limits ?? Limits, Read);

    /// <summary>Reads a recording from <paramref name="lines"/>, holding only the header and the two outputs.</summary>
    /// <exception cref="KitInputException">Malformed; the message names the source and 1-based line.</exception>
    public static GoRecording Read(KitLineReader lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sourceName = lines.Source;
        var first = lines.ReadLine();
        if (first is null || first.TrimStart('\uFEFF') != Magic)
            throw KitInputException.For($"not a golab recording: the first line must be \"{Magic}\"", file: sourceName, line: 1);

        var header = new List<KeyValuePair<string, string>>();
        var headerLines = new List<int>();
        string? line;
        while ((line = lines.ReadLine()) is not null && line != StdoutMarker)
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0)
                throw KitInputException.For($"header lines are \"key: value\", not \"{KitText.Excerpt(line)}\"", file: sourceName, line: lines.LineNumber);
            var key = line[..colon];
            if (header.Exists(kv => kv.Key == key))
                throw KitInputException.For($"\"{KitText.Excerpt(key)}\" appears twice in the header", file: sourceName, line: lines.LineNumber);
            if (header.Count >= MaxHeaderLines)
                throw KitInputException.For($"more than {MaxHeaderLines} header lines before \"{StdoutMarker}\"", file: sourceName, line: lines.LineNumber);
            header.Add(new(key, line[(colon + 2)..]));
            headerLines.Add(lines.LineNumber);
        }

        if (line is null)
            throw KitInputException.For($"no \"{StdoutMarker}\" line", file: sourceName, line: lines.LineNumber);
        var markerLine = lines.LineNumber;
        var stdout = new StringBuilder();
        while ((line = lines.ReadLine()) is not null && line != StderrMarker) stdout.Append(line).Append('\n');
        if (line is null)
            throw KitInputException.For($"no \"{StderrMarker}\" line after \"{StdoutMarker}\"", file: sourceName, line: lines.LineNumber);
        var stderrLine = lines.LineNumber + 1;
        var stderr = new StringBuilder();
        while ((line = lines.ReadLine()) is not null) stderr.Append(line).Append('\n');

        string Get(string key) =>
            header.Find(kv => kv.Key == key).Value
            ?? throw KitInputException.For($"the header has no \"{key}:\" line", file: sourceName, line: markerLine);
        int LineOf(string key) => headerLines[header.FindIndex(kv => kv.Key == key)];

        if (!int.TryParse(Get("exit-code"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exitCode))
            throw KitInputException.For($"exit-code \"{KitText.Excerpt(Get("exit-code"))}\" is not an integer", file: sourceName, line: LineOf("exit-code"));
        string[]? args;
        try
        {
            args = JsonSerializer.Deserialize<string[]>(Get("args"));
        }
        catch (JsonException e)
        {
            throw KitInputException.For($"args must be a JSON array of strings: {KitText.Excerpt(e.Message, 200)}", file: sourceName, line: LineOf("args"));
        }

        if (args is null || args.Any(a => a is null))
            throw KitInputException.For("args must be a JSON array of strings", file: sourceName, line: LineOf("args"));

        return new GoRecording(Get("program"), Get("command"), args, Get("go"), exitCode, stdout.ToString(), stderr.ToString())
        {
            Notes = header.Where(kv => !Required.Contains(kv.Key)).ToList(),
            StdoutLine = markerLine + 1,
            StderrLine = stderrLine,
        };
    }

    // A header is a handful of lines; a file that is all "key: value" lines is not a recording.
    private const int MaxHeaderLines = 1000;

    /// <summary>The recording as file text (the inverse of <see cref="Parse(string, string)"/>).</summary>
    /// <exception cref="InvalidOperationException">A field holds a line break, or the output holds a marker line.</exception>
    public string Format()
    {
        var text = new StringBuilder();
        text.Append(Magic).Append('\n');
        var header = new List<KeyValuePair<string, string>>
        {
            new("program", Program), new("command", Command), new("args", JsonSerializer.Serialize(Args)),
            new("go", Go), new("exit-code", ExitCode.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var (key, value) in header.Concat(Notes))
        {
            if (key.Contains(": ", StringComparison.Ordinal) || $"{key}{value}".Contains('\n', StringComparison.Ordinal))
                throw new InvalidOperationException($"recording header \"{key}\" cannot hold \": \" in its key or a line break");
            text.Append(key).Append(": ").Append(value).Append('\n');
        }

        AppendSection(text, StdoutMarker, Stdout);
        AppendSection(text, StderrMarker, Stderr);
        return text.ToString();
    }

    private static void AppendSection(StringBuilder text, string marker, string content)
    {
        text.Append(marker).Append('\n');
        if (content.Length == 0) return;
        var normal = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normal.Split('\n').Any(l => l is StdoutMarker or StderrMarker))
            throw new InvalidOperationException($"output holding a \"{marker}\" line cannot be recorded in this format");
        text.Append(normal);
        if (!normal.EndsWith('\n')) text.Append('\n');
    }
}
