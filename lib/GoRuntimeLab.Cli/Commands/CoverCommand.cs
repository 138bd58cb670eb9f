using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GoRuntimeLab.Cli.Infrastructure;
using GoRuntimeLab.Cover;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab cover gate PROFILE [--min 85] [--json]</c>: the share of statements a <c>go test -coverprofile</c> profile
/// covers (the total <c>go tool cover -func</c> prints), and a gate: exit 1 with one line on stderr when below.
/// </summary>
internal static class CoverCommand
{
    public static Command Build()
    {
        var file = CliOptions.TextArgument("PROFILE", "A coverage profile written by `go test -coverprofile` (mode: set, count or atomic).");
        var min = CliOptions.Double("--min", "The gate: the lowest acceptable percentage of statements covered (exact, not the rounded figure).", 85, 0, 100, "PERCENT");
        var json = new Option<bool>("--json")
        {
            Description = "One JSON document: {file, mode, statements, covered, percent, percentText, minimum, passed, files: [{file, statements, covered, percent}]}; exit 1 when the gate fails.",
        };
        var gate = new Command("gate", "Coverage total of a profile (as go tool cover -func's total line) checked against a minimum; exit 1 below it.") { file, min, json };
        gate.SetAction(result =>
        {
            var profile = CoverProfileParser.ReadFile(result.GetValue(file)!);
            var verdict = profile.Gate(result.GetValue(min));
            if (result.GetValue(json)) Console.Out.Write(ToJson(profile, verdict) + "\n");
            else
            {
                foreach (var f in profile.Files)
                    Console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"{f.FileName}\t{f.CoveredStatements}/{f.Statements}\t{f.PercentText}\n"));
                Console.Out.Write($"total:\t(statements)\t{profile.PercentText}\n");
            }
            if (verdict.Passed) return ExitCodes.Ok;
            Console.Out.Flush();
            Console.Error.WriteLine("golab: " + verdict);
            return ExitCodes.Failure;
        });
        return new Command("cover", "Go coverage profiles (go test -coverprofile): the total and the CI gate.") { gate };
    }

    private static string ToJson(CoverProfile profile, CoverGateResult verdict) => JsonSerializer.Serialize(new
    {
        file = profile.SourceName,
        mode = profile.Mode,
        statements = profile.Statements,
        covered = profile.CoveredStatements,
        percent = profile.Percent,
        percentText = profile.PercentText,
        minimum = verdict.MinimumPercent,
        passed = verdict.Passed,
        files = profile.Files.Select(f => new { file = f.FileName, statements = f.Statements, covered = f.CoveredStatements, percent = f.Percent }),
    }, CliJson.Options);
}
