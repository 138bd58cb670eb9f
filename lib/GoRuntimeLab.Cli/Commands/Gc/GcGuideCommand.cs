using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Gc.Guide;

namespace GoRuntimeLab.Cli.Commands.Gc;

/// <summary>
/// <c>golab gc guide --graph 1..5 [--gogc N|off] [--limit MiB] [--other MiB] [--json]</c>: one of the five
/// interactive graphs of go.dev/doc/gc-guide, run by the kit's port of the page's model.
/// </summary>
internal static class GcGuideCommand
{
    public static Command Build()
    {
        var graph = new Option<int>("--graph")
        {
            Description = "Which of the page's five graphs: 1 steady state, 2 changing live heap, 3 transient spike, " +
                          "4 steady state + 10 MiB other memory + limit slider, 5 transient spike + limit slider.",
            Required = true,
            HelpName = "1..5",
        };
        var gogc = new Option<string?>("--gogc")
        {
            Description = "GOGC: a whole number 0 or more, or off. Default: the page's slider default, 100.",
            HelpName = "N|off",
        };
        var limit = new Option<string?>("--limit")
        {
            Description = "Memory limit in MiB (positive). Default: the page's (100 on graphs 4 and 5, none on 1-3). " +
                          "Graphs 1-3 have no limit slider on the page; a limit there is modelled all the same.",
            HelpName = "MiB",
        };
        var other = new Option<string?>("--other")
        {
            Description = "Other (non-heap) memory in MiB, 0 or more. Default: the page's (10 on graph 4, else 0).",
            HelpName = "MiB",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document: {graph, gogc (number or \"off\"), memoryLimit (MiB or null), otherMem, " +
                          "peakMem, gcCpuPercent, totalTime, mutatorTime, cycles, peakLive, series:[{t, other, live, new}]} " +
                          "(MiB and CPU seconds).",
        };
        var command = new Command(
            "guide",
            "The Go GC guide's interactive model (go.dev/doc/gc-guide): a workload's memory over CPU time for a GOGC and " +
            "memory limit, with the page's footer: total CPU time, GC CPU %, peak memory, peak live heap. The GC " +
            "pauses the program, costs live/scanRate + 0.04 s per cycle, and the GC CPU limiter is not modelled — as on the page.")
        {
            graph, gogc, limit, other, json,
        };
        command.SetAction(parse =>
        {
            var number = parse.GetValue(graph);
            if (number is < 1 or > 5) throw KitInputException.For($"must be 1 to 5 (the page has five graphs), not {number}", parameter: "--graph");
            var g = GuideGraphs.Graph(number);
            var config = g.BaseConfig;
            if (parse.GetValue(gogc) is { } gogcText) config = config.WithGogc(ParseGogc(gogcText));
            if (parse.GetValue(limit) is { } limitText) config = config.WithMemoryLimit(ParseMiB(limitText, "--limit", positive: true));
            if (parse.GetValue(other) is { } otherText) config = config.WithOtherMem(ParseMiB(otherText, "--other", positive: false));
            var result = g.Run(config);
            Console.Out.Write(parse.GetValue(json) ? Json(g, result) : Table(g, result));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int? ParseGogc(string text)
    {
        if (string.Equals(text.Trim(), "off", StringComparison.OrdinalIgnoreCase)) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0) return value;
        throw KitInputException.For($"must be a whole number 0 or more, or off; got \"{text}\"", parameter: "--gogc");
    }

    private static double ParseMiB(string text, string parameter, bool positive)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && (positive ? value > 0 : value >= 0))
            return value;
        throw KitInputException.For($"must be a {(positive ? "positive" : "non-negative")} number of MiB; got \"{text}\"", parameter: parameter);
    }

    private static string Table(GuideGraph graph, GuideResult r)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"GC guide graph {graph.Number}: {graph.Title} (go.dev/doc/gc-guide#{graph.Section})");
        text.AppendLine(inv, $"workload: {graph.Workload}");
        text.AppendLine(inv, $"config:   {r.Config}");
        text.AppendLine();
        text.AppendLine(inv, $"{"Total",-11}{r.TotalTime,10:0.00} s");
        text.AppendLine(inv, $"{"GC CPU",-11}{r.GcCpuPercent,10:0.0} %");
        text.AppendLine(inv, $"{"Peak Mem",-11}{r.PeakMem,10:0.0} MiB");
        text.AppendLine(inv, $"{"Peak Live",-11}{r.PeakLive,10:0.0} MiB");
        if (r.Config.OtherMem != 0) text.AppendLine(inv, $"{"Other Mem",-11}{r.Config.OtherMem,10:0.0} MiB");
        text.AppendLine(inv, $"{"GC cycles",-11}{r.Cycles,10}");
        text.AppendLine(inv, $"{"points",-11}{r.Series.Count,10}   (the series: --json)");
        return text.ToString();
    }

    private static string Json(GuideGraph graph, GuideResult r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("graph", graph.Number);
            if (r.Config.Gogc is { } gogc) w.WriteNumber("gogc", gogc);
            else w.WriteString("gogc", "off");
            if (r.Config.HasLimit) w.WriteNumber("memoryLimit", r.Config.MemoryLimit);
            else w.WriteNull("memoryLimit");
            w.WriteNumber("otherMem", r.Config.OtherMem);
            w.WriteNumber("peakMem", r.PeakMem);
            w.WriteNumber("gcCpuPercent", r.GcCpuPercent);
            w.WriteNumber("totalTime", r.TotalTime);
            w.WriteNumber("mutatorTime", r.MutatorTime);
            w.WriteNumber("cycles", r.Cycles);
            w.WriteNumber("peakLive", r.PeakLive);
            w.WriteStartArray("series");
            foreach (var p in r.Series)
            {
                w.WriteStartObject();
                w.WriteNumber("t", p.T);
                w.WriteNumber("other", p.Other);
                w.WriteNumber("live", p.Live);
                w.WriteNumber("new", p.New);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
