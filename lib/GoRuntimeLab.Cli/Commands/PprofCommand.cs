using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Charts.Display;
using GoRuntimeLab.Charts.Pprof;
using GoRuntimeLab.Pprof;
using Plotly.NET;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab pprof top|flame|diff|convert</c>: pprof profiles (docs/ARCHITECTURE.md §2). <c>top</c> prints what
/// <c>go tool pprof -top</c> prints; <c>--json</c> gives {sampleType, unit, total, rows:[{function, flat, flatPercent,
/// sumPercent, cum, cumPercent}]} with values in the sample type's unit.
/// </summary>
internal static class PprofCommand
{
    public static Command Build()
    {
        var command = new Command("pprof", "pprof profiles (profile.proto, gzip or raw): top table, flame graph, base diff, re-encode.");
        command.Subcommands.Add(Top());
        command.Subcommands.Add(Diff());
        command.Subcommands.Add(Flame());
        command.Subcommands.Add(Convert());
        return command;
    }

    private static Option<string?> SampleIndex() => CliOptions.OptionalText("--sample-index",
        "Sample type by index or name (like -sample_index), e.g. cpu, samples, alloc_space, inuse_objects. Default: the profile's default, else the last.",
        "N|name");

    private static Option<int> NodeCount() => CliOptions.Int("--nodecount",
        "Show only the first K functions (like -nodecount). Default 0: all (pprof -top's default).", 0, 0, int.MaxValue, "K");

    private static Option<bool> JsonOption() => new("--json")
    {
        Description = "Print one JSON document: {sampleType, unit, total, rows:[{function, flat, flatPercent, sumPercent, cum, cumPercent}]} (values in the sample type's unit, e.g. nanoseconds, bytes, count).",
    };

    private static Option<string?> Focus() => CliOptions.OptionalText("--focus", "Only samples through a function matching this regexp (like -focus).", "REGEX");

    private static Option<string?> Ignore() => CliOptions.OptionalText("--ignore", "Drop samples through a function matching this regexp (like -ignore).", "REGEX");

    private static Argument<string> ProfileArgument(string name, string description) => CliOptions.TextArgument(name, description);

    private static Command Top()
    {
        var file = ProfileArgument("FILE", "A pprof profile (.pb.gz as Go writes it, or raw protobuf).");
        var (si, nc, json, focus, ignore) = (SampleIndex(), NodeCount(), JsonOption(), Focus(), Ignore());
        var command = new Command("top", "The top table by function: flat, flat%, sum%, cum, cum% — the same text as `go tool pprof -top FILE`.")
        {
            file, si, nc, focus, ignore, json,
        };
        command.SetAction(parse =>
        {
            var profile = PprofReader.Read(parse.GetValue(file)!);
            var report = Run(profile, Options(parse.GetValue(si), parse.GetValue(nc), parse.GetValue(focus), parse.GetValue(ignore)));
            Console.Out.Write(parse.GetValue(json) ? Json(report) : report.Text);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Diff()
    {
        var baseFile = ProfileArgument("BASE", "The earlier profile (subtracted).");
        var newFile = ProfileArgument("NEW", "The later profile.");
        var (si, nc, json) = (SampleIndex(), NodeCount(), JsonOption());
        var command = new Command("diff", "NEW minus BASE by function, like `go tool pprof -top -base BASE NEW`: what grew (a leak) is on top.")
        {
            baseFile, newFile, si, nc, json,
        };
        command.SetAction(parse =>
        {
            var diff = PprofProfile.Diff(PprofReader.Read(parse.GetValue(baseFile)!), PprofReader.Read(parse.GetValue(newFile)!));
            var report = Run(diff, Options(parse.GetValue(si), parse.GetValue(nc), null, null));
            Console.Out.Write(parse.GetValue(json) ? Json(report) : report.Text);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Flame()
    {
        var file = ProfileArgument("FILE", "A pprof profile.");
        var html = OutputFile.Required("--html", "Where to write the standalone HTML page (plotly.js inside; works offline); its folder must exist.", "OUT.html");
        var si = SampleIndex();
        var command = new Command("flame", "A flame graph (icicle: root on top, width = cumulative value) as one standalone HTML page.") { file, html, si };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var profile = PprofReader.Read(path);
            var chart = PprofCharts.FlameGraph(profile, parse.GetValue(si));
            var outPath = parse.GetValue(html)!;
            var page = new StringBuilder()
                .Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .Append(WebUtility.HtmlEncode($"flame graph · {Path.GetFileName(path)}"))
                .Append("</title>\n<script type=\"text/javascript\">")
                .Append(Encoding.UTF8.GetString(PlotlyJs.ReadEmbedded()).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase))
                .Append("</script></head>\n<body>\n")
                .Append(PlotlyHtml.FromFigureJson(GenericChart.toFigureJson(chart), heightPx: 600))
                .Append("</body></html>\n");
            OutputFile.WriteAllText(outPath, page.ToString());
            Console.Out.WriteLine($"wrote {outPath} ({profile.FlameGraph(parse.GetValue(si)).Count} boxes)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Convert()
    {
        var file = ProfileArgument("IN", "A pprof profile (gzip or raw).");
        var output = OutputFile.Required("--out", "Where to write the re-encoded profile (gzip); its folder must exist.", "OUT.pb.gz");
        var command = new Command("convert", "Re-encode a profile through the kit's reader and writer; `go tool pprof -top` prints the same table for IN and OUT.") { file, output };
        command.SetAction(parse =>
        {
            var profile = PprofReader.Read(parse.GetValue(file)!);
            OutputFile.Write(parse.GetValue(output)!, temp => PprofWriter.Write(profile, temp));
            Console.Out.WriteLine($"wrote {parse.GetValue(output)}: {profile}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static PprofTopReport Run(PprofProfile profile, TopOptions options) => profile.Top(options);

    private static TopOptions Options(string? sampleIndex, int nodeCount, string? focus, string? ignore) =>
        TopOptions.Default.WithSampleIndex(sampleIndex).WithNodeCount(nodeCount).WithFocus(focus).WithIgnore(ignore);

    private static string Json(PprofTopReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, CliJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("sampleType", report.SampleType.Type);
            w.WriteString("unit", report.SampleType.Unit);
            w.WriteNumber("total", report.Total);
            w.WriteStartArray("rows");
            foreach (var r in report.Rows)
            {
                w.WriteStartObject();
                w.WriteString("function", r.Function);
                w.WriteNumber("flat", r.Flat);
                w.WriteNumber("flatPercent", Math.Round(r.FlatPercent, 4));
                w.WriteNumber("sumPercent", Math.Round(r.SumPercent, 4));
                w.WriteNumber("cum", r.Cum);
                w.WriteNumber("cumPercent", Math.Round(r.CumPercent, 4));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
