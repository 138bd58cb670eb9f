using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Cli.Infrastructure;
using GoRuntimeLab.Race;

namespace GoRuntimeLab.Cli.Commands;

/// <summary><c>golab race parse FILE [--json]</c>: the race detector's reports in a program's or `go test -race`'s output.</summary>
internal static class RaceCommand
{
    public static Command Build()
    {
        var file = CliOptions.TextArgument("FILE", "Output of a program built with -race, or of `go test -race` (stdout and stderr together). Lines outside the reports are skipped.");
        var json = new Option<bool>("--json")
        {
            Description = "One JSON document: {file, foundCount, failedTests, reports: [{line, accesses: [{kind, previous, address, goroutine, " +
                          "mainGoroutine, stackRestored, stack: [{function, file, line}]}], goroutines: [{id, running, createdAt: [...]}], locations: [...]}]}.",
        };
        var parse = new Command("parse", "Parse WARNING: DATA RACE reports: the two accesses (read/write, goroutine, stack) and where the goroutines were created.") { file, json };
        parse.SetAction(result =>
        {
            var log = RaceReportParser.ReadFile(result.GetValue(file)!);
            Console.Out.Write(result.GetValue(json) ? ToJson(log) + "\n" : ToText(log));
            return ExitCodes.Ok;
        });
        return new Command("race", "The Go race detector's reports (go run/test -race).") { parse };
    }

    private static string ToText(RaceLog log)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{log.SourceName}: {log.Reports.Count} data race report(s)");
        if (log.FoundCount is { } found) text.Append(CultureInfo.InvariantCulture, $", the program said \"Found {found} data race(s)\"");
        if (log.FailedTests.Count > 0) text.Append(CultureInfo.InvariantCulture, $", failed tests: {string.Join(", ", log.FailedTests)}");
        text.Append('\n');
        for (var i = 0; i < log.Reports.Count; i++)
        {
            var r = log.Reports[i];
            text.Append(CultureInfo.InvariantCulture, $"\nrace {i + 1} (line {r.Line}) at 0x{r.Current.Address:x}\n");
            foreach (var a in r.Accesses) text.Append("  ").Append(a).Append('\n');
            foreach (var g in r.Goroutines)
                text.Append(CultureInfo.InvariantCulture, $"  goroutine {g.Id} ({(g.Running ? "running" : "finished")}) created at {(g.CreatedAt.Count > 0 ? g.CreatedAt[0].ToString() : "?")}\n");
        }
        return text.ToString();
    }

    private static string ToJson(RaceLog log) => JsonSerializer.Serialize(new
    {
        file = log.SourceName,
        foundCount = log.FoundCount,
        failedTests = log.FailedTests,
        reports = log.Reports.Select(r => new
        {
            line = r.Line,
            accesses = r.Accesses.Select(a => new
            {
                kind = a.Kind,
                previous = a.IsPrevious,
                address = $"0x{a.Address:x}",
                goroutine = a.Goroutine,
                mainGoroutine = a.Goroutine == RaceAccess.MainGoroutine,
                stackRestored = a.StackRestored,
                stack = Frames(a.Stack),
            }),
            goroutines = r.Goroutines.Select(g => new { id = g.Id, running = g.Running, createdAt = Frames(g.CreatedAt) }),
            locations = r.Locations.Select(l => new { kind = l.Kind, name = l.Name, size = l.Size, address = $"0x{l.Address:x}", goroutine = l.Goroutine, file = l.File, line = l.Line, stack = Frames(l.Stack) }),
        }),
    }, CliJson.Options);

    private static IEnumerable<object> Frames(IReadOnlyList<RaceFrame> frames) => frames.Select(f => new { function = f.Function, file = f.File, line = f.Line });
}
