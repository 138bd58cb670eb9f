// Mirrors: the output of data/go/setgcpercent, which reads /gc/heap/goal:bytes (runtime/metrics, backed by
// gcController.heapGoal()) before and after debug.SetGCPercent in a fresh process. Go 1.19–1.23.
// Simplified: reads the program's own key=value lines from a golab recording; no runtime state.
using System.Globalization;
using GoRuntimeLab.GoTool;

namespace GoRuntimeLab.Gc.Pacer;

/// <summary>
/// One run of data/go/setgcpercent: the heap goal of a fresh process (GOGC=100) and after each
/// debug.SetGCPercent call, with the GC count (0 throughout: the goal moved without a GC).
/// </summary>
/// <param name="Source">File name, for messages.</param>
/// <param name="GoVersionText">runtime.Version() as printed ("go1.19.8").</param>
/// <param name="StartGoal">The heap goal before any call, bytes.</param>
/// <param name="Steps">Each SetGCPercent call and the goal right after it.</param>
public sealed record SetGcPercentRecording(string Source, string GoVersionText, ulong StartGoal, IReadOnlyList<SetGcPercentStep> Steps)
{
    /// <summary>Reads data/recordings/pacer/setgcpercent-*.txt.</summary>
    /// <exception cref="KitInputException">Missing file, not a recording, or malformed output (file:line).</exception>
    public static SetGcPercentRecording Read(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw KitInputException.For("no recording given", parameter: "path");
        var recording = GoRecording.Read(path); // refuses a missing file, naming it
        return Parse(recording.Stdout, path);
    }

    /// <summary>Parses the program's stdout ("event=start go=… goal=N", then "event=setgcpercent old=… new=… gc-cycles=… goal=N").</summary>
    /// <exception cref="KitInputException">A malformed or missing line (source:line).</exception>
    public static SetGcPercentRecording Parse(string stdout, string source)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        string? version = null;
        ulong start = 0;
        var steps = new List<SetGcPercentStep>();
        var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var lineNo = i + 1;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var word in lines[i].Split(' '))
            {
                var eq = word.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0) throw KitInputException.For($"\"{word}\" is not key=value", file: source, line: lineNo);
                fields[word[..eq]] = word[(eq + 1)..];
            }

            string Get(string key) => fields.TryGetValue(key, out var v) ? v : throw KitInputException.For($"missing {key}=", file: source, line: lineNo);
            long Num(string key) => long.TryParse(Get(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
                ? v : throw KitInputException.For($"{key}={Get(key)} is not a number", file: source, line: lineNo);
            ulong Bytes(string key) => Num(key) is >= 0 and var v ? (ulong)v : throw KitInputException.For($"{key} is negative", file: source, line: lineNo);
            int Percent(string key) => Num(key) is >= int.MinValue and <= int.MaxValue and var v ? (int)v : throw KitInputException.For($"{key} is out of range", file: source, line: lineNo);

            switch (Get("event"))
            {
                case "start":
                    version = Get("go");
                    start = Bytes("goal");
                    break;
                case "setgcpercent":
                    if (version is null) throw KitInputException.For("setgcpercent line before the start line", file: source, line: lineNo);
                    steps.Add(new SetGcPercentStep(Percent("old"), Percent("new"), Bytes("gc-cycles"), Bytes("goal")));
                    break;
                default:
                    throw KitInputException.For($"unknown event \"{Get("event")}\" (expected start or setgcpercent)", file: source, line: lineNo);
            }
        }

        if (version is null) throw KitInputException.For("no start line: not output of data/go/setgcpercent", file: source);
        return new SetGcPercentRecording(source, version, start, steps);
    }

    /// <summary>
    /// Replays the same calls on a fresh model controller (GOGC=100) the way debug.SetGCPercent does
    /// (<see cref="GcController.DebugSetGcPercent"/>) and pairs each goal with the recorded one.
    /// </summary>
    public IReadOnlyList<SetGcPercentComparison> CompareWithModel(GoVersion version)
    {
        var controller = GcController.Create(GcConfig.Default.WithVersion(version));
        var rows = new List<SetGcPercentComparison> { new("start (GOGC=100)", null, null, StartGoal, controller.HeapGoal()) };
        foreach (var step in Steps)
        {
            var returned = controller.DebugSetGcPercent(step.New);
            rows.Add(new SetGcPercentComparison($"debug.SetGCPercent({step.New})", step.Old, returned, step.Goal, controller.HeapGoal()));
        }

        return rows;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Source}: {GoVersionText}, goal {StartGoal} B, then {string.Join(", ", Steps.Select(s => $"SetGCPercent({s.New}) → {s.Goal} B"))}");
}
