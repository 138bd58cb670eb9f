using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Cli.Infrastructure;
using GoRuntimeLab.Leaks;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab leak RECORDING… [--json]</c>: the leak verdict of data/go/leakhunt recordings (sections 4.2 and 5.4): the
/// least-squares slope of live heap bytes and of goroutines per step, the function of the program's own code whose
/// in-use heap grew most, and the goroutine stack that grew most.
/// </summary>
internal static class LeakCommand
{
    public static Command Build()
    {
        var files = new Argument<string[]>("RECORDING")
        {
            Description = "Recordings of data/go/leakhunt (data/recordings/leak/*.txt, the golab recording format).",
            Arity = ArgumentArity.OneOrMore,
        };
        files.Validators.Add(r =>
        {
            if (r.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value))) r.AddError("RECORDING: empty value");
        });
        var json = new Option<bool>("--json")
        {
            Description = "One JSON document: {series: [{file, scenario, mode, go, steps, heapObjectsBytes, goroutines, heapSlope, goroutineSlope, heapLeaking, goroutinesLeaking, leaking, topFunction, topStack}]}.",
        };
        var command = new Command("leak", "Leak verdicts of data/go/leakhunt series: live-heap and goroutine trends, and where they grow.") { files, json };
        command.SetAction(result =>
        {
            var series = result.GetValue(files)!.Select(f => (File: f, Series: LeakSeries.Read(f))).ToList();
            if (result.GetValue(json)) Console.Out.Write(ToJson(series) + "\n");
            else Console.Out.Write(ToText(series));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ToText(List<(string File, LeakSeries Series)> all)
    {
        var text = new StringBuilder();
        foreach (var (file, s) in all)
        {
            var v = s.Verdict();
            text.Append(CultureInfo.InvariantCulture, $"{file}: {s.Name}, {s.Snapshots.Count} snapshots: {(v.Leaking ? "LEAKING" : "flat")}\n");
            foreach (var c in v.Checks)
                text.Append(CultureInfo.InvariantCulture, $"  {(c.Leaking ? "leaking" : "flat   ")}  {c.Check}: {c.Value} (bound {c.Bound})\n");
        }
        return text.ToString();
    }

    private static string ToJson(List<(string File, LeakSeries Series)> all) => JsonSerializer.Serialize(new
    {
        series = all.Select(x =>
        {
            var (file, s) = x;
            var v = s.Verdict();
            return new
            {
                file,
                scenario = s.Scenario,
                mode = s.Mode,
                go = s.GoVersion,
                steps = s.Snapshots.Select(p => p.Step),
                heapObjectsBytes = s.Snapshots.Select(p => p.HeapObjectsBytes),
                goroutines = s.Snapshots.Select(p => p.Goroutines),
                heapSlope = v.Heap.Slope,
                goroutineSlope = v.Goroutines.Slope,
                heapLeaking = v.HeapLeaking,
                goroutinesLeaking = v.GoroutinesLeaking,
                leaking = v.Leaking,
                topFunction = v.TopFunction is null ? null : new { function = v.TopFunction.Function, bytes = v.TopFunction.Bytes },
                topStack = v.TopStack is null ? null : new { start = v.TopStack.Start, waitsIn = v.TopStack.WaitsIn, blockedAt = v.TopStack.BlockedAt, counts = v.TopStack.Counts },
            };
        }),
    }, CliJson.Options);
}
