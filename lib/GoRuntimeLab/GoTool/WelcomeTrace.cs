// Mirrors: the event lines printed by data/go/welcome-sleep and data/go/welcome-waitgroup ("t=+0.051ms event=start
// g=1 role=南山后端"), i.e. chapter 1's "main waits for goroutines" example. Go 1.19–1.23.
using System.Globalization;
using System.Text.RegularExpressions;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.GoTool;

/// <summary>
/// What happened in one run of a welcome program: which goroutines started, which finished before main returned,
/// and when main returned. Notebooks use it to show the time.Sleep race (goroutines cut off, silently) against the
/// sync.WaitGroup version (never).
/// </summary>
/// <param name="Waiter">How main waited: "sleep" (time.Sleep) or "waitgroup" (sync.WaitGroup).</param>
/// <param name="Launched">Goroutines main started (from the begin line); some may be cut off before printing anything.</param>
/// <param name="WorkMs">The -work flag: how long each goroutine works.</param>
/// <param name="WaitMs">The -wait flag of the sleep version; null for the WaitGroup version.</param>
/// <param name="Goroutines">Every goroutine that printed "start", by worker number.</param>
/// <param name="ExitMs">When main returned, in ms since main started.</param>
public sealed partial record WelcomeTrace(string Waiter, int Launched, double WorkMs, double? WaitMs, IReadOnlyList<GoroutineSpan> Goroutines, double ExitMs)
{
    /// <summary>GOMAXPROCS of the run, from the begin line.</summary>
    public int? GoMaxProcs { get; init; }

    /// <summary>runtime.Version() of the run ("go1.19.8"), from the begin line.</summary>
    public string? GoVersionText { get; init; }

    /// <summary>Goroutines that printed "done" before the process ended.</summary>
    public int Finished => Goroutines.Count(g => g.Finished);

    /// <summary>Goroutines that never printed "done" (including any that never even printed "start").</summary>
    public int CutOff => Launched - Finished;

    /// <summary>Parses a welcome program's stdout; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="KitInputException">A malformed line (message: "source:line: what"), or a missing begin/exit line.</exception>
    public static WelcomeTrace Parse(string stdout, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var source = sourceName ?? "welcome output";
        var lines = stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        (int Line, Dictionary<string, string> Fields)? begin = null;
        double? exitMs = null;
        var starts = new Dictionary<int, (string Role, double Ms)>();
        var dones = new Dictionary<int, (string Role, double Ms, int Line)>();

        for (var i = 0; i < lines.Length; i++)
        {
            var lineNo = i + 1;
            if (lines[i].Trim().Length == 0) continue;
            var (ms, evt, fields) = ParseLine(lines[i], source, lineNo);
            KitInputException Fail(string what) => KitInputException.For(what, file: source, line: lineNo);
            switch (evt)
            {
                case "begin":
                    if (begin is not null) throw Fail($"a second begin line (the first is line {begin.Value.Line})");
                    begin = (lineNo, fields);
                    break;
                case "start":
                case "done":
                    var g = PositiveInt(fields, "g", source, lineNo);
                    var role = Required(fields, "role", source, lineNo);
                    if (evt == "start")
                    {
                        if (!starts.TryAdd(g, (role, ms))) throw Fail($"goroutine g={g} starts twice");
                    }
                    else
                    {
                        if (!starts.TryGetValue(g, out var started)) throw Fail($"goroutine g={g} is done but never started");
                        if (started.Role != role) throw Fail($"goroutine g={g} started as {KitText.Excerpt(started.Role)} but finishes as {KitText.Excerpt(role)}");
                        if (ms < started.Ms) throw Fail($"goroutine g={g} is done at {ms} ms, before it started at {started.Ms} ms");
                        if (!dones.TryAdd(g, (role, ms, lineNo))) throw Fail($"goroutine g={g} is done twice");
                    }

                    break;
                case "exit":
                    if (exitMs is not null) throw Fail("a second exit line");
                    exitMs = ms;
                    break;
                default:
                    throw Fail($"unknown event \"{evt}\" (expected begin, start, done or exit)");
            }
        }

        if (begin is null) throw KitInputException.For("no event=begin line: not the output of a welcome program", file: source);
        if (exitMs is null)
            throw KitInputException.For("no event=exit line: main never returned normally (killed? crashed? output cut short?)", file: source);

        var (beginLine, b) = begin.Value;
        var waiter = Required(b, "waiter", source, beginLine);
        if (waiter is not ("sleep" or "waitgroup"))
            throw KitInputException.For($"waiter=\"{KitText.Excerpt(waiter)}\" (expected sleep or waitgroup)", file: source, line: beginLine);
        var launched = PositiveInt(b, "goroutines", source, beginLine);
        if (starts.Count > launched)
            throw KitInputException.For($"{starts.Count} goroutines started but the begin line says {launched}", file: source, line: beginLine);
        double? waitMs = waiter == "sleep" ? Millis(b, "wait", source, beginLine) : null;

        var spans = starts.OrderBy(s => s.Key)
            .Select(s => new GoroutineSpan(s.Key, s.Value.Role, s.Value.Ms, dones.TryGetValue(s.Key, out var d) ? d.Ms : null))
            .ToList();
        return new WelcomeTrace(waiter, launched, Millis(b, "work", source, beginLine), waitMs, spans, exitMs.Value)
        {
            GoMaxProcs = b.ContainsKey("gomaxprocs") ? PositiveInt(b, "gomaxprocs", source, beginLine) : null,
            GoVersionText = b.GetValueOrDefault("go"),
        };
    }

    /// <summary>E.g. "sleep: 3 goroutines, 0 done before exit at 500.7 ms, 3 cut off".</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Waiter}: {Launched} goroutines, {Finished} done before exit at {ExitMs:0.0} ms");
        return CutOff == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}, {CutOff} cut off");
    }

    // "t=+12.345ms event=NAME" then zero or more " key=value" (values without spaces).
    [GeneratedRegex(@"^t=\+(?<t>[0-9]+(?:\.[0-9]+)?)ms event=(?<e>[a-z]+)(?<kv>(?: [a-z]+=[^\s=]*)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();

    private static (double Ms, string Event, Dictionary<string, string> Fields) ParseLine(string raw, string source, int lineNo)
    {
        var line = raw.TrimEnd('\r', ' ', '\t');
        var m = LinePattern().Match(line);
        if (!m.Success)
        {
            throw KitInputException.For($"\"{KitText.Excerpt(line)}\" is not an event line (expected \"t=+0.051ms event=start g=1 role=南山后端\")", file: source, line: lineNo);
        }

        var ms = double.Parse(m.Groups["t"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (!double.IsFinite(ms)) throw KitInputException.For($"time {m.Groups["t"].Value} ms is out of range", file: source, line: lineNo);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in m.Groups["kv"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (!fields.TryAdd(pair[..eq], pair[(eq + 1)..]))
                throw KitInputException.For($"field {pair[..eq]} appears twice", file: source, line: lineNo);
        }

        return (ms, m.Groups["e"].Value, fields);
    }

    private static string Required(Dictionary<string, string> fields, string key, string source, int lineNo) =>
        fields.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw KitInputException.For($"missing {key}=", file: source, line: lineNo);

    private static int PositiveInt(Dictionary<string, string> fields, string key, string source, int lineNo)
    {
        var text = Required(fields, key, source, lineNo);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw KitInputException.For($"{key}={KitText.Excerpt(text)} is not a positive integer", file: source, line: lineNo);
    }

    private static double Millis(Dictionary<string, string> fields, string key, string source, int lineNo)
    {
        var text = Required(fields, key, source, lineNo);
        return text.EndsWith("ms", StringComparison.Ordinal)
            && double.TryParse(text[..^2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ms)
            && double.IsFinite(ms)
                ? ms
                : throw KitInputException.For($"{key}={KitText.Excerpt(text)} is not a duration in ms (e.g. 300ms)", file: source, line: lineNo);
    }
}
