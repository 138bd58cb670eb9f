using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Cli.Infrastructure;
using GoRuntimeLab.Layouts;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab layout FILE.go [--arch amd64|386|arm64|arm] [--json]</c>: the size, alignment, field offsets and padding
/// the Go compiler gives every type declared in a file, and the field order fieldalignment suggests (issue 13, §4.3).
/// </summary>
internal static class LayoutCommand
{
    private static readonly JsonSerializerOptions Json = CliJson.Options;

    public static Command Build()
    {
        var file = CliOptions.TextArgument("FILE.go",
            "A Go source file. Its type declarations are read (structs, arrays, named types of the file, predeclared types, pointers, slices, maps, " +
            "chans, funcs, interfaces, unsafe.Pointer); funcs, vars and consts are skipped. Types of other packages, generics and constant " +
            "expressions as array lengths are refused with file:line.");
        var arch = CliOptions.Choice("--arch", "The GOARCH whose sizes to use: amd64 and arm64 (8-byte words), 386 and arm (4-byte words; " +
                                               "int64/float64 align to 4). Default: amd64.", "amd64", [.. GoArch.All.Select(a => a.Name)]);
        var json = new Option<bool>("--json")
        {
            Description = "One JSON document: {\"file\", \"arch\", \"ptrSize\", \"types\": [{\"name\", \"kind\" (struct, array, slice, map, chan, func, interface, pointer, unsafe.Pointer, basic), \"line\", \"size\", \"align\", \"padding\" " +
                          "(size minus the fields' sizes), \"fields\": [{\"name\", \"type\", \"offset\", \"size\", \"align\", \"paddingBefore\"}], " +
                          "\"optimal\": {\"size\", \"order\": [field names as fieldalignment orders them]}, " +
                          "\"cacheLines\": [{\"index\", \"start\", \"fields\"}] (which named fields share each 64-byte line of a line-aligned struct; null if not a struct)}]}.",
        };
        var command = new Command("layout", "Struct layout as the Go compiler computes it: sizes, offsets, padding, and the field order that minimises the size.")
        {
            file, arch, json,
        };
        command.SetAction(parse =>
        {
            var report = GoLayout.AnalyzeFile(parse.GetValue(file)!, parse.GetValue(arch)!);
            Console.Out.Write(parse.GetValue(json) ? ToJson(report) + "\n" : Table(report));
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string ToJson(LayoutReport report) => JsonSerializer.Serialize(new
    {
        file = report.Source,
        arch = report.Arch.Name,
        ptrSize = report.Arch.PtrSize,
        types = report.Types.Select(t => new
        {
            name = t.Name,
            kind = t.KindName,
            line = t.Line,
            size = t.Size,
            align = t.Align,
            padding = t.Padding,
            fields = t.Fields.Select(f => new { name = f.Name, type = f.Type, offset = f.Offset, size = f.Size, align = f.Align, paddingBefore = f.PaddingBefore }),
            optimal = new { size = t.Optimal.Size, order = t.Optimal.Order },
            cacheLines = Lines(t)?.Lines.Select(l => new { index = l.Index, start = l.Start, fields = l.Fields }),
        }),
    }, Json);

    internal static string Table(LayoutReport report)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"{report.Source}: {report.Types.Count} types, GOARCH={report.Arch.Name} (pointer {report.Arch.PtrSize} bytes, 8-byte values aligned to {report.Arch.RegSize})");
        foreach (var t in report.Types)
        {
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture, $"type {t.Name} ({t.KindName}): size {t.Size}, align {t.Align}{Padding(t)}");
            if (t.Fields.Count == 0) continue;
            var nameWidth = Math.Max("field".Length, t.Fields.Max(f => f.Name.Length));
            s.AppendLine(CultureInfo.InvariantCulture, $"  {"offset",7}  {"size",6}  {"align",5}  {"pad",4}  {"field".PadRight(nameWidth)}  type");
            foreach (var f in t.Fields)
                s.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {f.Offset,7}  {f.Size,6}  {f.Align,5}  {f.PaddingBefore,4}  {f.Name.PadRight(nameWidth)}  {f.Type}").TrimEnd());
            var last = t.Fields[^1];
            var tail = t.Size - last.Offset - last.Size;
            if (tail > 0) s.AppendLine(CultureInfo.InvariantCulture, $"  {last.Offset + last.Size,7}  {tail,6}  {"",5}  {"",4}  (trailing padding)");
            if (Lines(t) is { Lines.Count: > 0 and <= 16 } map)
                s.AppendLine("  64-byte cache lines (object line-aligned): " + string.Join(" | ", map.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Index}: {string.Join(' ', l.Fields)}"))));
            s.AppendLine(t.Saving > 0
                ? string.Create(CultureInfo.InvariantCulture, $"  fieldalignment: {string.Join(", ", t.Optimal.Order)} → size {t.Optimal.Size} (saves {t.Saving} bytes)")
                : "  fieldalignment: no order of these fields is smaller");
        }
        return s.ToString();
    }

    // Which named fields share each 64-byte line, for structs small enough to map (CacheLineMap.MaxLines).
    private static CacheLineMap? Lines(TypeLayout t) =>
        t.Kind == GoTypeKind.Struct && t.Size / CacheLineMap.DefaultLineSize + 1 <= CacheLineMap.MaxLines ? t.CacheLines() : null;

    private static string Padding(TypeLayout t) => t.Kind == GoTypeKind.Struct ? string.Create(CultureInfo.InvariantCulture, $", padding {t.Padding}") : "";
}
