using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Cli.Infrastructure;
using GoRuntimeLab.Labs;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab lab list|check|board</c>: the course's labs (issue 14). <c>list [--chapter N] [--json]</c> →
/// [{"id","chapter","title","points"}]; <c>check FILE [--json] [--board B --name TEAM]</c> →
/// {"score","max","results":[{"id","ok","message"}]}, exit 0 when every lab of the chapters answered is right, 1
/// otherwise, 2 for a malformed file; with --board a line {"team","time","score","max"} is appended to the scoreboard
/// under an exclusive lock; <c>board FILE [--json]</c> prints the ranking.
/// </summary>
internal static class LabCommand
{
    public static Command Build()
    {
        var command = new Command("lab", "The course's labs: list them, grade an answers file, keep a hackathon scoreboard.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Check());
        command.Subcommands.Add(Board());
        return command;
    }

    private static Option<bool> JsonOption(string what) => new("--json") { Description = "Print one JSON document: " + what };

    private static Command List()
    {
        var chapter = CliOptions.Int("--chapter", "Only the labs of chapter N (1–5). Default 0: all.", 0, 0, 5);
        var json = JsonOption("[{\"id\",\"chapter\",\"title\",\"points\",\"section\",\"hints\"}].");
        var command = new Command("list", "The labs: id, chapter, points, title (Chinese). Answer them in the notebooks (Lab.Check) or in a JSON file for `golab lab check`.") { chapter, json };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(chapter);
            var labs = n == 0 ? LabCatalog.All : LabCatalog.ForChapter(n);
            if (parse.GetValue(json))
            {
                Console.Out.Write(Document(w =>
                {
                    w.WriteStartArray();
                    foreach (var l in labs)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", l.Id);
                        w.WriteNumber("chapter", l.Chapter);
                        w.WriteString("title", l.Title);
                        w.WriteNumber("points", l.Points);
                        w.WriteString("section", l.Section);
                        w.WriteNumber("hints", l.Hints.Count);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }));
                return ExitCodes.Ok;
            }
            var width = labs.Count == 0 ? 2 : labs.Max(l => l.Id.Length);
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{"id".PadRight(width)}  chapter  points  title\n");
            foreach (var l in labs) text.Append(CultureInfo.InvariantCulture, $"{l.Id.PadRight(width)}  {l.Chapter,7}  {l.Points,6}  {l.Title}\n");
            text.Append(CultureInfo.InvariantCulture, $"{labs.Count} labs, {labs.Sum(l => l.Points)} points\n");
            Console.Out.Write(text.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Check()
    {
        var file = CliOptions.TextArgument("FILE", "The answers: one JSON object {\"02.1-heap-goal\": 137, ...}; a number, string, boolean, array, or null (not answered yet) per lab.");
        var json = JsonOption("{\"score\",\"max\",\"results\":[{\"id\",\"ok\",\"message\",\"status\",\"points\"}]}.");
        var board = CliOptions.OptionalText("--board", "Append a line {\"team\",\"time\",\"score\",\"max\"} to this scoreboard file (created if missing; locked while written). Needs --name.", "FILE");
        var name = CliOptions.OptionalText("--name", "The team name written to the scoreboard (1–64 characters).", "TEAM");
        var command = new Command("check", "Grade an answers file: one Chinese message per lab of the chapters it answers (right, wrong with a hint, or not answered). Exit 0 when all are right, 1 otherwise.")
        {
            file, board, name, json,
        };
        command.SetAction(parse =>
        {
            var (boardPath, team) = (parse.GetValue(board), parse.GetValue(name));
            if (boardPath is not null && team is null) throw KitInputException.For("a team name is needed to write the scoreboard", parameter: "team");
            if (team is not null && boardPath is null) throw KitInputException.For("a team name goes with a scoreboard (--board FILE)", parameter: "board");
            var answers = LabAnswerSheet.Read(parse.GetValue(file)!);
            var report = LabGrader.Grade(answers);
            if (boardPath is not null) LabBoard.Append(boardPath, new LabBoardEntry(team!, DateTimeOffset.UtcNow, report.Score, report.Max));
            if (parse.GetValue(json)) Console.Out.Write(ReportJson(report));
            else
            {
                var text = new StringBuilder();
                foreach (var r in report.Results) text.Append(r.Message).Append('\n');
                text.Append(report).Append('\n');
                Console.Out.Write(text.ToString());
            }
            return report.Passed ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static Command Board()
    {
        var file = CliOptions.TextArgument("FILE", "A scoreboard written by `golab lab check --board FILE --name TEAM`.");
        var json = JsonOption("[{\"rank\",\"team\",\"score\",\"max\",\"checks\",\"time\"}] (time: when the best score was first reached, UTC).");
        var command = new Command("board", "The ranking of a hackathon scoreboard: each team's best score; ties go to who reached it first.") { file, json };
        command.SetAction(parse =>
        {
            var ranking = LabBoard.Rank(LabBoard.Read(parse.GetValue(file)!));
            if (parse.GetValue(json))
            {
                Console.Out.Write(Document(w =>
                {
                    w.WriteStartArray();
                    foreach (var r in ranking)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("rank", r.Rank);
                        w.WriteString("team", r.Team);
                        w.WriteNumber("score", r.Score);
                        w.WriteNumber("max", r.Max);
                        w.WriteNumber("checks", r.Checks);
                        w.WriteString("time", Time(r.Time));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }));
                return ExitCodes.Ok;
            }
            var width = Math.Max(4, ranking.Count == 0 ? 0 : ranking.Max(r => r.Team.Length));
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"rank  {"team".PadRight(width)}  score  checks  first reached (UTC)\n");
            foreach (var r in ranking)
                text.Append(CultureInfo.InvariantCulture, $"{r.Rank,4}  {CliText.Printable(r.Team).PadRight(width)}  {$"{r.Score}/{r.Max}",5}  {r.Checks,6}  {Time(r.Time)}\n");
            text.Append(CultureInfo.InvariantCulture, $"{ranking.Count} teams\n");
            Console.Out.Write(text.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string ReportJson(LabReport report) => Document(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("score", report.Score);
        w.WriteNumber("max", report.Max);
        w.WriteStartArray("results");
        foreach (var r in report.Results)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteBoolean("ok", r.Ok);
            w.WriteString("message", r.Message);
            w.WriteString("status", r.Status switch { LabStatus.Right => "right", LabStatus.Wrong => "wrong", _ => "notAnswered" });
            w.WriteNumber("points", r.Points);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static string Document(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, CliJson.WriterOptions)) write(w);
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
