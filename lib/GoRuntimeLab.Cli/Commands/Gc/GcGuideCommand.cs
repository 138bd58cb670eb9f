using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Gc.Guide;
using GoRuntimeLab.Gc.Simulation;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands.Gc;

/// <summary>
/// <c>golab gc guide --graph 1..5 [--gogc N|off] [--memlimit BYTES|off] [--other-mem BYTES] [--json]</c>: one of the five
/// interactive graphs of go.dev/doc/gc-guide, run by the kit's port of the page's model.
/// </summary>
internal static class GcGuideCommand
{
    public static Command Build()
    {
        var graph = CliOptions.RequiredInt("--graph",
            "Which of the page's five graphs: 1 steady state, 2 changing live heap, 3 transient spike, " +
            "4 steady state + 10 MiB other memory + limit slider, 5 transient spike + limit slider.", 1, 5, "1..5");
        var gogc = CliOptions.OptionalText("--gogc",
            "GOGC: a percentage, or off; any negative number is off too, as in Go. Default: the page's slider default, 100.", "N|off");
        var limit = CliOptions.OptionalText("--memlimit",
            "GOMEMLIMIT in Go's byte syntax (100MiB), or off. Default: the page's (100MiB on graphs 4 and 5, off on 1-3). " +
            "Graphs 1-3 have no limit slider on the page; a limit there is modelled all the same.", "BYTES|off");
        var other = CliOptions.OptionalText("--other-mem",
            "Other (non-heap) memory in Go's byte syntax (10MiB). Default: the page's (10MiB on graph 4, else 0).", "BYTES");
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
            var g = GuideGraphs.Graph(parse.GetValue(graph));
            var config = g.BaseConfig;
            if (parse.GetValue(gogc) is { } gogcText) config = config.WithGogc(GoSettings.ParseGogc(gogcText));
            if (parse.GetValue(limit) is { } limitText)
                config = config.WithSettings(GoSettings.Default.WithGogc(config.Gogc ?? -1).WithMemoryLimit(limitText));
            if (parse.GetValue(other) is { } otherText) config = config.WithOtherMem(GcWorkload.ParseBytes(otherText, "otherMem") / (double)(1 << 20));
            var result = g.Run(config);
            Console.Out.Write(parse.GetValue(json) ? Json(g, result) : Table(g, result));
            return ExitCodes.Ok;
        });
        return command;
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
        using (var w = new Utf8JsonWriter(stream, CliJson.WriterOptions))
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
