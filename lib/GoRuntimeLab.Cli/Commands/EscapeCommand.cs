using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Escape;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab escape parse FILE [--json]</c> and <c>golab escape run DIR|FILE.go [--m 2] [--json]</c>: the compiler's
/// escape-analysis output (<c>-gcflags=-m</c>) as findings (docs/ARCHITECTURE.md §2).
/// </summary>
internal static class EscapeCommand
{
    private static readonly JsonSerializerOptions Json = CliJson.Options;

    private const string JsonShape =
        "--json prints one document: {\"source\", \"findings\": [{\"file\", \"line\", \"column\" (null without one), \"kind\", \"name\", \"detail\", " +
        "\"flow\": [-m=2 explanation lines]}], \"counts\": {kind: n for every kind}, \"other\": [{\"line\", \"text\"} for unrecognised lines]}. " +
        "Kinds: movedToHeap, escapesToHeap, doesNotEscape, leakingParam, leakingParamContent, leakingParamToResult, canInline, inliningCall, " +
        "cannotInline, capturedByRef, capturedByValue, devirtualized, ignoredSelfAssignment, mutatesParam, callsParam, zeroCopyConversion, explanation, other.";

    public static Command Build()
    {
        var command = new Command("escape", "Escape analysis from the real Go compiler: parse `go build -gcflags=-m[=2]` output, or compile with the local Go.");
        command.Subcommands.Add(BuildParse());
        command.Subcommands.Add(BuildRun());
        return command;
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON document instead of the table. " + JsonShape };

    private static Command BuildParse()
    {
        var file = CliOptions.TextArgument("FILE", "Output of `go build -gcflags=-m` (or -m=2, or `go tool compile -m`), or a golab recording such as data/recordings/escape/cases-go1.19-m2.txt.");
        var json = JsonOption();
        var command = new Command("parse", "Parse saved -gcflags=-m output into findings (kind, name, position, -m=2 flow).") { file, json };
        command.SetAction(parse =>
        {
            var report = EscapeParser.ParseFile(parse.GetValue(file)!);
            Print(report, parse.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildRun()
    {
        var target = CliOptions.TextArgument("DIR|FILE.go", "A Go package folder or one .go file; it is copied to a temp folder and built there.");
        var level = CliOptions.Int("--m", "1 for -gcflags=-m, 2 for -gcflags=-m=2 (adds the flow explanations). Default: 1.", 1, 1, 2, "1|2");
        var json = JsonOption();
        var command = new Command("run", "Compile with the local Go (`go build -gcflags=-m`) and show its escape-analysis findings.") { target, level, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var m = parse.GetValue(level);
            if (m is not (1 or 2)) throw KitInputException.For($"must be 1 or 2, not {m}", parameter: "--m");
            var go = GoToolchain.Find();
            if (go is null)
            {
                try
                {
                    GoToolchain.Require();
                }
                catch (GoToolNotFoundException e)
                {
                    await Console.Error.WriteLineAsync($"golab: Go is not installed: {e.Message}").ConfigureAwait(false);
                }
                return ExitCodes.Failure;
            }
            try
            {
                var report = await EscapeRunner.RunAsync(parse.GetValue(target)!, m, go, cancellationToken).ConfigureAwait(false);
                Print(report, parse.GetValue(json));
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is GoBuildException or TimeoutException)
            {
                await Console.Error.WriteLineAsync($"golab: escape run: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static void Print(EscapeReport report, bool json)
    {
        if (json)
        {
            var doc = new
            {
                source = report.Source,
                findings = report.Findings.Select(f => new
                {
                    file = f.File, line = f.Line, column = f.Column, kind = EscapeKinds.ToCamelCase(f.Kind), name = f.Name, detail = f.Detail, flow = f.Flow,
                }),
                counts = report.Counts.ToDictionary(kv => EscapeKinds.ToCamelCase(kv.Key), kv => kv.Value),
                other = report.Other.Select(o => new { line = o.SourceLine, text = o.Text }),
            };
            Console.Out.WriteLine(JsonSerializer.Serialize(doc, Json));
            return;
        }
        Console.Out.Write(Table(report));
    }

    internal static string Table(EscapeReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(report.Source);
        var rows = report.Findings.Select(f => (f.Position, Kind: EscapeKinds.ToCamelCase(f.Kind), f.Name, f.Detail, f.Flow)).ToList();
        var w1 = Math.Max("position".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Position.Length));
        var w2 = Math.Max("kind".Length, rows.Count == 0 ? 0 : rows.Max(r => r.Kind.Length));
        text.AppendLine(CultureInfo.InvariantCulture, $"{"position".PadRight(w1)}  {"kind".PadRight(w2)}  name / detail");
        foreach (var r in rows)
        {
            var detail = r.Detail.Length == 0 ? "" : "  — " + (r.Detail.Length > 60 ? r.Detail[..57] + "..." : r.Detail);
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Position.PadRight(w1)}  {r.Kind.PadRight(w2)}  {r.Name}{detail}");
            foreach (var flow in r.Flow) text.Append(' ', w1 + w2 + 4).AppendLine(flow.TrimEnd());
        }
        text.AppendLine();
        text.AppendLine(string.Join(", ", report.Counts.Where(kv => kv.Value > 0).Select(kv => $"{EscapeKinds.ToCamelCase(kv.Key)} {kv.Value}")));
        foreach (var o in report.Other) text.AppendLine(CultureInfo.InvariantCulture, $"unrecognised line {o.SourceLine}: {o.Text}");
        return text.ToString();
    }
}
