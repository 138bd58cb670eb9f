// Mirrors: the output of data/go/preempt: a `for { *n++ }` spinner and a sleeping main on GOMAXPROCS=1, where only
// sysmon's async preemption (runtime/proc.go retake → preemptone → preemptM, SIGURG; Go 1.14+) lets main run again.
// Simplified: reads the program's own key=value lines from a golab recording or live stdout; no runtime state.
using System.Globalization;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Sched.Schedtrace;

/// <summary>
/// One run of data/go/preempt: the measured sleeps, and whether the run finished or was killed by its time limit
/// (with <c>GODEBUG=asyncpreemptoff=1</c> the spinner never leaves the only P, so main never wakes).
/// </summary>
/// <param name="Source">File name or "live …", for messages.</param>
/// <param name="GoVersionText">runtime.Version() as the program printed it ("go1.23.5").</param>
/// <param name="GoMaxProcs">GOMAXPROCS the program ran with (it sets 1 itself).</param>
/// <param name="AsyncPreemptOff">True when run with GODEBUG=asyncpreemptoff=1.</param>
/// <param name="ExitCode">Exit code (124 = killed by `timeout`).</param>
/// <param name="Planned">How many sleeps the program meant to measure (-n).</param>
/// <param name="Sleeps">The sleeps that returned, in order.</param>
/// <param name="Completed">True when the program printed its "end" line.</param>
public sealed record PreemptRun(string Source, string GoVersionText, int GoMaxProcs, bool AsyncPreemptOff, int ExitCode, int Planned,
    IReadOnlyList<PreemptSleep> Sleeps, bool Completed)
{
    /// <summary>True when the run did not finish: killed by the time limit before its "end" line.</summary>
    public bool TimedOut => !Completed;

    /// <summary>Reads a recording of data/go/preempt (data/recordings/sched/preempt-*.txt).</summary>
    /// <exception cref="KitInputException">Missing file, not a recording, or malformed program output (file:line).</exception>
    public static PreemptRun Read(string path)
    {
        using var lines = KitFile.OpenLines(path, GoTool.GoRecording.Limits, "path");
        return FromRecording(GoTool.GoRecording.Read(lines), path);
    }

    /// <summary>Parses a recording's text (the header says the GODEBUG and exit code; stdout holds the measurements).</summary>
    /// <exception cref="KitInputException">Not a recording, or malformed program output (file:line).</exception>
    public static PreemptRun Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromRecording(GoTool.GoRecording.Parse(text, fileName), fileName);
    }

    private static PreemptRun FromRecording(GoTool.GoRecording recording, string fileName)
    {
        var off = recording.Command.Contains("GODEBUG=asyncpreemptoff=1", StringComparison.Ordinal);
        return FromProgramOutput(recording.Stdout, recording.ExitCode, off, fileName, recording.StdoutLine);
    }

    /// <summary>Reads the program's stdout directly (a live run).</summary>
    /// <param name="stdout">The program's standard output.</param>
    /// <param name="exitCode">Its exit code.</param>
    /// <param name="asyncPreemptOff">Whether it ran with GODEBUG=asyncpreemptoff=1.</param>
    /// <param name="source">Name for messages.</param>
    /// <param name="firstLine">1-based line number of stdout's first line in <paramref name="source"/>.</param>
    /// <exception cref="KitInputException">Malformed output (source:line).</exception>
    public static PreemptRun FromProgramOutput(string stdout, int exitCode, bool asyncPreemptOff, string source, int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        string? version = null;
        int procs = 0, planned = 0;
        var sleeps = new List<PreemptSleep>();
        var completed = false;
        using var lines = new KitLineReader(new StringReader(stdout), source, GoTool.GoRecording.Limits);
        while (lines.ReadLine() is { } line)
        {
            var lineNo = firstLine + lines.LineNumber - 1;
            if (line.Length == 0) continue;
            var fields = Fields(line, source, lineNo);
            switch (line.Split(' ', 2)[0])
            {
                case "begin":
                    version = Field(fields, "go", source, lineNo);
                    procs = Small(fields, "gomaxprocs", source, lineNo);
                    planned = Small(fields, "n", source, lineNo);
                    break;
                case "sleep":
                    if (version is null) throw KitInputException.For("\"sleep\" line before the \"begin\" line", file: source, line: lineNo);
                    var index = Small(fields, "i", source, lineNo);
                    if (index != sleeps.Count + 1) throw KitInputException.For($"sleep i={index} where i={sleeps.Count + 1} was expected", file: source, line: lineNo);
                    sleeps.Add(new PreemptSleep(index, Number(fields, "requestedNs", source, lineNo), Number(fields, "tookNs", source, lineNo)));
                    break;
                case "end":
                    if (version is null) throw KitInputException.For("\"end\" line before the \"begin\" line", file: source, line: lineNo);
                    completed = true;
                    break;
                default:
                    throw KitInputException.For($"unexpected line \"{KitText.Excerpt(line)}\" (expected begin, sleep or end)", file: source, line: lineNo);
            }
        }
        if (version is null) throw KitInputException.For("no \"begin\" line: not output of data/go/preempt", file: source);
        if (completed && sleeps.Count != planned)
            throw KitInputException.For($"the run ended after {sleeps.Count} of {planned} sleeps", file: source);
        return new PreemptRun(source, version, procs, asyncPreemptOff, exitCode, planned, sleeps, completed);
    }

    private static Dictionary<string, string> Fields(string line, string source, int lineNo)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in line.Split(' ').Skip(1))
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw KitInputException.For($"\"{KitText.Excerpt(word)}\" is not key=value", file: source, line: lineNo);
            fields[word[..eq]] = word[(eq + 1)..];
        }
        return fields;
    }

    private static string Field(Dictionary<string, string> fields, string key, string source, int lineNo) =>
        fields.TryGetValue(key, out var v) ? v : throw KitInputException.For($"missing {key}=", file: source, line: lineNo);

    private static int Small(Dictionary<string, string> fields, string key, string source, int lineNo)
    {
        var value = Number(fields, key, source, lineNo);
        return value <= int.MaxValue ? (int)value : throw KitInputException.For($"{key}={value} is out of range", file: source, line: lineNo);
    }

    private static long Number(Dictionary<string, string> fields, string key, string source, int lineNo)
    {
        var text = Field(fields, key, source, lineNo);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw KitInputException.For($"{key}={KitText.Excerpt(text)} is not a non-negative number", file: source, line: lineNo);
    }

    public override string ToString()
    {
        var mode = AsyncPreemptOff ? "asyncpreemptoff=1" : "async preemption on";
        var outcome = Completed
            ? string.Create(CultureInfo.InvariantCulture, $"{Sleeps.Count} sleeps of 100 µs took {string.Join(", ", Sleeps.Select(s => s.TookMs.ToString("0.0", CultureInfo.InvariantCulture)))} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{Sleeps.Count} of {Planned} sleeps returned, then killed by the time limit (exit code {ExitCode})");
        return $"{Source}: {GoVersionText}, GOMAXPROCS={GoMaxProcs}, {mode}: {outcome}";
    }
}
