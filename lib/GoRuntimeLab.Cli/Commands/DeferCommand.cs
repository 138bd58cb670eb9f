using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Defer;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab defer classify --defers N [--in-loop] [--returns R] [--no-opt] [--race] [--heap-result] [--go V] [--json]</c> and
/// <c>golab defer bench FILE [--json]</c>: the compiler's defer kinds, and medians/spread of a recorded `go test -bench` run.
/// </summary>
internal static class DeferCommand
{
    private static readonly JsonSerializerOptions Json = CliJson.Options;

    public static Command Build()
    {
        var command = new Command("defer", "Defer kinds (open-coded / stack-allocated / heap-allocated) as the Go compiler picks them, and measured defer costs.");
        command.Subcommands.Add(BuildClassify());
        command.Subcommands.Add(BuildBench());
        return command;
    }

    private static Command BuildClassify()
    {
        var defers = CliOptions.RequiredInt("--defers", "Number of defer statements in the function (1 to 1000).", 1, 1000);
        var inLoop = new Option<bool>("--in-loop") { Description = "The defer statements sit inside a loop (for, or a label a later goto jumps back to)." };
        var returns = CliOptions.Int("--returns", "Explicit return statements in the function (0 to 1000). Default: 0.", 0, 0, 1000);
        var noOpt = new Option<bool>("--no-opt") { Description = "Compiled with -gcflags=-N (optimisations off)." };
        var race = new Option<bool>("--race") { Description = "Built with -race." };
        var heapResult = new Option<bool>("--heap-result") { Description = "A result parameter is heap-allocated (its address escapes)." };
        var go = GoSettingOptions.Go("1.19 to 1.23");
        var json = new Option<bool>("--json") { Description = "One JSON document: {go, shape, openCoded, rule, reason, rules[], sites[{index, kind, rule, reason}]}." };
        var command = new Command("classify", "Classify the defers of a function described by its shape, citing the compiler rule (walk.walkStmt, escape.goDeferStmt, ssagen.buildssa).")
        {
            defers, inLoop, returns, noOpt, race, heapResult, go, json,
        };
        command.SetAction(parse =>
        {
            var version = GoSettings.ParseVersion(parse.GetValue(go)!);
            var shape = FunctionShape.Of(parse.GetValue(defers), parse.GetValue(returns))
                .WithOptimizationsDisabled(parse.GetValue(noOpt)).WithRace(parse.GetValue(race)).WithHeapAllocatedResult(parse.GetValue(heapResult));
            if (parse.GetValue(inLoop))
                for (var i = 0; i < shape.Defers.Count; i++) shape = shape.WithDeferInLoop(i);
            var c = DeferClassifier.Classify(shape, version);
            Console.Out.WriteLine(parse.GetValue(json) ? ClassifyJson(c) : ClassifyTable(c));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ClassifyTable(DeferClassification c)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{c.Version}  {c.Shape}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"open-coded: {(c.OpenCoded ? "yes" : "no")} — {c.Reason}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"#",-4}{"kind",-17}{"rule",-23}site");
        foreach (var s in c.Sites)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Index,-4}{s.GoName,-17}{s.Rule,-23}{s.Site}");
        return sb.ToString().TrimEnd();
    }

    private static string ClassifyJson(DeferClassification c) => JsonSerializer.Serialize(new
    {
        go = c.Version.ToString(),
        shape = new
        {
            defers = c.Shape.Defers.Count,
            inLoop = c.Shape.Defers.Count(d => d.InLoop),
            returns = c.Shape.Returns,
            optimizationsDisabled = c.Shape.OptimizationsDisabled,
            race = c.Shape.Race,
            heapAllocatedResult = c.Shape.HeapAllocatedResult,
        },
        openCoded = c.OpenCoded,
        rule = Camel(c.Rule),
        reason = c.Reason,
        rules = c.Rules.Select(Camel).ToArray(),
        sites = c.Sites.Select(s => new { index = s.Index, kind = s.GoName, rule = Camel(s.Rule), reason = s.Reason }).ToArray(),
    }, Json);

    private static string Camel(DeferRule rule) => JsonNamingPolicy.CamelCase.ConvertName(rule.ToString());

    private static Command BuildBench()
    {
        var file = CliOptions.TextArgument("FILE", "Output of `go test -bench . -count N -benchmem` (e.g. data/recordings/defer/bench-go1.23.5.log).");
        var json = new Option<bool>("--json") { Description = "One JSON document: {source, config, benchmarks[{name, procs, runs, medianNsPerOp, minNsPerOp, maxNsPerOp, spread, medianBytesPerOp, medianAllocsPerOp}], costs[], loopRatios[]}." };
        var command = new Command("bench", "Medians and spread (min–max) per benchmark of a recorded `go test -bench` run; for the kit's defer benchmarks also the cost per defer kind and the loop ratios.")
        {
            file, json,
        };
        command.SetAction(parse =>
        {
            var output = GoBenchOutput.Read(parse.GetValue(file)!);
            var summaries = output.Summaries();
            var names = summaries.Select(s => s.Name).ToHashSet();
            var isDeferBench = ((string[])["DirectCall", "OpenCoded", "TwoDirect", "TwoOpenCoded", "TwoStack", "MutexDirect", "MutexDefer", "Loop100Inlined", "Loop100Call", "Loop100Defer", "CourseLoop100Direct", "CourseLoop100Defer"])
                .All(n => names.Contains("Benchmark" + n));
            var costs = isDeferBench ? DeferBenchmarks.Costs(output) : [];
            var ratios = isDeferBench ? DeferBenchmarks.LoopRatios(output) : [];
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    source = output.Source,
                    config = output.Config,
                    benchmarks = summaries.Select(s => new { name = s.Name, procs = s.Procs, runs = s.Runs, medianNsPerOp = s.MedianNsPerOp, minNsPerOp = s.MinNsPerOp, maxNsPerOp = s.MaxNsPerOp, spread = s.Spread, medianBytesPerOp = s.MedianBytesPerOp, medianAllocsPerOp = s.MedianAllocsPerOp }),
                    costs = costs.Select(c => new { kind = c.GoName(), benchmark = c.Benchmark, baseline = c.Baseline, defersPerOp = c.DefersPerOp, medianNs = c.MedianNs, lowNs = c.LowNs, highNs = c.HighNs }),
                    loopRatios = ratios,
                }, Json));
                return ExitCodes.Ok;
            }

            var sb = new StringBuilder();
            sb.AppendLine(output.ToString());
            sb.AppendLine(CultureInfo.InvariantCulture, $"{"benchmark",-30}{"runs",5}{"median ns/op",14}{"min",10}{"max",10}{"spread",8}{"B/op",7}{"allocs/op",10}");
            foreach (var s in summaries)
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"{s.Name,-30}{s.Runs,5}{s.MedianNsPerOp,14:0.###}{s.MinNsPerOp,10:0.###}{s.MaxNsPerOp,10:0.###}{s.Spread,8:0.0%}{s.MedianBytesPerOp,7:0}{s.MedianAllocsPerOp,10:0}");
            if (isDeferBench)
            {
                sb.AppendLine().AppendLine("cost per defer (median; range from the runs' extremes):");
                foreach (var c in costs) sb.AppendLine("  " + c);
                sb.AppendLine().AppendLine("the course's \"defer in a loop is 37× slower\", per baseline:");
                foreach (var r in ratios) sb.AppendLine("  " + r);
            }

            Console.Out.WriteLine(sb.ToString().TrimEnd());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string GoName(this DeferCost c) => DeferClassifier.GoName(c.Kind);
}
