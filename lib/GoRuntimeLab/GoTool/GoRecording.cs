// Mirrors: nothing in Go; the kit's text format for a recorded run of a Go program (data/recordings/, documented
// in data/README.md), so notebooks can replay real output on machines without Go. Any Go version.
using System.Globalization;
using System.Text;
using System.Text.Json;

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

    /// <summary>Reads a recording file.</summary>
    /// <exception cref="KitInputException">Missing or malformed; the message names the file (and line).</exception>
    public static GoRecording Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw KitInputException.For($"recording not found (relative paths start at {Environment.CurrentDirectory})", parameter: "recordingPath", file: path);
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Parses a recording's text; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="KitInputException">Malformed; the message names the source and 1-based line.</exception>
    public static GoRecording Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines[0].TrimStart('\uFEFF') != Magic)
            throw KitInputException.For($"not a golab recording: the first line must be \"{Magic}\"", file: sourceName, line: 1);

        var header = new List<KeyValuePair<string, string>>();
        var i = 1;
        for (; i < lines.Length && lines[i] != StdoutMarker; i++)
        {
            if (i == lines.Length - 1 && lines[i].Length == 0) break; // the file's final "\n", not a header line
            var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0)
                throw KitInputException.For($"header lines are \"key: value\", not \"{lines[i]}\"", file: sourceName, line: i + 1);
            var key = lines[i][..colon];
            if (header.Exists(kv => kv.Key == key))
                throw KitInputException.For($"\"{key}\" appears twice in the header", file: sourceName, line: i + 1);
            header.Add(new(key, lines[i][(colon + 2)..]));
        }

        if (i == lines.Length || lines[i] != StdoutMarker)
            throw KitInputException.For($"no \"{StdoutMarker}\" line", file: sourceName, line: lines.Length);
        var stderrAt = Array.IndexOf(lines, StderrMarker, i + 1);
        if (stderrAt < 0)
            throw KitInputException.For($"no \"{StderrMarker}\" line after \"{StdoutMarker}\"", file: sourceName, line: lines.Length);

        string Get(string key) =>
            header.Find(kv => kv.Key == key).Value
            ?? throw KitInputException.For($"the header has no \"{key}:\" line", file: sourceName, line: i + 1);
        int LineOf(string key) => header.FindIndex(kv => kv.Key == key) + 2;

        if (!int.TryParse(Get("exit-code"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exitCode))
            throw KitInputException.For($"exit-code \"{Get("exit-code")}\" is not an integer", file: sourceName, line: LineOf("exit-code"));
        string[]? args;
        try
        {
            args = JsonSerializer.Deserialize<string[]>(Get("args"));
        }
        catch (JsonException e)
        {
            throw KitInputException.For($"args must be a JSON array of strings: {e.Message}", file: sourceName, line: LineOf("args"));
        }

        if (args is null || args.Any(a => a is null))
            throw KitInputException.For("args must be a JSON array of strings", file: sourceName, line: LineOf("args"));

        return new GoRecording(Get("program"), Get("command"), args, Get("go"), exitCode,
            JoinLines(lines, i + 1, stderrAt), JoinLines(lines, stderrAt + 1, lines.Length))
        {
            Notes = header.Where(kv => !Required.Contains(kv.Key)).ToList(),
        };
    }

    /// <summary>The recording as file text (the inverse of <see cref="Parse"/>).</summary>
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

    private static string JoinLines(string[] lines, int from, int to)
    {
        // The split of "a\nb\n" ends with an empty element: the final "\n", not an empty line.
        if (to == lines.Length && to > from && lines[to - 1].Length == 0) to--;
        return from >= to ? "" : string.Join('\n', lines[from..to]) + "\n";
    }
}
