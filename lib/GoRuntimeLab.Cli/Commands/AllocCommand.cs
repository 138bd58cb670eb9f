using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Alloc;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab alloc class SIZE [--pointers] [--go V] [--json]</c>, <c>golab alloc classes [--go V] [--json]</c> and
/// <c>golab alloc simulate …</c>: the size classes and the allocator model (runtime/sizeclasses.go, malloc.go).
/// </summary>
internal static class AllocCommand
{
    private static readonly JsonSerializerOptions Json = CliJson.Options;

    public static Command Build()
    {
        var command = new Command("alloc", "Go's heap allocator: size classes (runtime/sizeclasses.go), where an object goes (mallocgc), and an mcache/mcentral/mheap simulation.");
        command.Subcommands.Add(BuildClass());
        command.Subcommands.Add(BuildClasses());
        command.Subcommands.Add(BuildSimulate());
        return command;
    }

    private static Option<string> GoOption() => GoSettingOptions.Go("1.19 to 1.23", why: "1.22+ adds the 8-byte malloc header to pointerful objects over 512 B.");

    // The allocator model's own release check (SizeClasses.CheckVersion) names the parameter "version", shown as --go.
    private static GoVersion Version(ParseResult parse, Option<string> go) => SizeClasses.CheckVersion(GoSettings.ParseVersion(parse.GetValue(go)!));

    private static Option<bool> JsonOption() => new("--json") { Description = "Print exactly one JSON document (camelCase, bytes as integers) instead of the table." };


    private static Command BuildClass()
    {
        var size = CliOptions.LongArgument("SIZE", "Requested bytes (0 to 1 TiB), e.g. the size of a struct or of make([]T, n).", 0, SizeClasses.MaxObjectSize);
        var pointers = new Option<bool>("--pointers") { Description = "The type contains pointers (scan span class; 1.22+ header rule)." };
        var go = GoOption();
        var json = JsonOption();
        var command = new Command("class", "Where one heap allocation of SIZE bytes goes: tiny block, size class (rounded size, span, objects, tail waste) or large span.")
        {
            size, pointers, go, json,
        };
        command.SetAction(parse =>
        {
            var a = SizeClasses.Lookup(parse.GetValue(size), parse.GetValue(pointers), Version(parse, go));
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    @class = a.Class,
                    size = a.Size,
                    spanBytes = a.SpanBytes,
                    objects = a.Objects,
                    tailWaste = a.TailWaste,
                    tiny = a.Tiny,
                    large = a.Large,
                    requestedSize = a.RequestedSize,
                    pointers = a.Pointers,
                    go = a.Version.ToString(),
                    path = a.Path.ToString().ToLowerInvariant(),
                    headerBytes = a.HeaderBytes,
                    spanClass = a.SpanClass,
                    pages = a.Pages,
                    tinyAlign = a.TinyAlign,
                    tinyPerBlock = a.TinyPerBlock,
                    bytesPerObject = a.BytesPerObject,
                    waste = a.Waste,
                }, Json));
                return ExitCodes.Ok;
            }
            var inv = CultureInfo.InvariantCulture;
            var rows = new List<(string, string)>
            {
                ("request", string.Create(inv, $"{a.RequestedSize} B, {(a.Pointers ? "pointerful (scan)" : "pointer-free (noscan)")}, {a.Version}")),
                ("path", a.Path switch
                {
                    AllocPath.ZeroBase => "zero-size: &zerobase, nothing allocated",
                    AllocPath.Tiny => "tiny allocator (16-byte blocks, class 2)",
                    AllocPath.Large => "large object: own span (mcache.allocLarge)",
                    _ => "small size class (mcache span)",
                }),
                ("class", a.Class.ToString(inv)),
                ("size", string.Create(inv, $"{a.Size} B{(a.HeaderBytes > 0 ? $" (incl. {a.HeaderBytes} B malloc header)" : "")}")),
                ("span class", string.Create(inv, $"{a.SpanClass} (class<<1|noscan)")),
                ("span", string.Create(inv, $"{a.SpanBytes} B = {a.Pages} page(s), {a.Objects} {(a.Tiny ? "blocks" : "objects")}, tail waste {a.TailWaste} B")),
            };
            if (a.Tiny) rows.Add(("tiny packing", string.Create(inv, $"align {a.TinyAlign}, {a.TinyPerBlock} per block")));
            rows.Add(("charged", string.Create(inv, $"{a.BytesPerObject:0.##} B per object, waste {a.Waste:0.##} B ({a.WastePercent:0.#}%)")));
            Console.Out.Write(Table(rows));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildClasses()
    {
        var go = GoOption();
        var json = JsonOption();
        var command = new Command("classes", "The whole size-class table, as the comment atop runtime/sizeclasses.go prints it (identical in Go 1.19…1.23).")
        {
            go, json,
        };
        command.SetAction(parse =>
        {
            var v = Version(parse, go);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    go = v.ToString(),
                    pageSize = SizeClasses.PageSize,
                    maxSmallSize = SizeClasses.MaxSmallSize,
                    tinySize = SizeClasses.TinySize,
                    mallocHeader = v.AtLeast(GoVersion.Go1_22),
                    classes = SizeClasses.Rows.Select(r => new
                    {
                        @class = r.Class, size = r.Size, spanBytes = r.SpanBytes, objects = r.Objects,
                        tailWaste = r.TailWaste, maxWastePercent = Math.Round(r.MaxWastePercent, 2), minAlign = r.MinAlign,
                    }),
                }, Json));
                return ExitCodes.Ok;
            }
            Console.Out.WriteLine($"# size classes, {v} (runtime/sizeclasses.go; 8 KiB pages; class 0 = large objects)");
            Console.Out.Write(SizeClasses.FormatTable());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildSimulate()
    {
        var workload = CliOptions.Choice("--workload", "realistic (a seeded server-like mix) or constant (--size, --count). Default: realistic.", "realistic", "realistic", "constant");
        var count = CliOptions.Int("--count", "Allocations in the stream (at most 1000000). Default: 100000.", 100_000, 1, 1_000_000);
        var size = CliOptions.Long("--size", "Object size in bytes for --workload constant (0 to 1 TiB). Default: 64.", 64, 0, SizeClasses.MaxObjectSize, "BYTES");
        var pointers = new Option<bool>("--pointers") { Description = "Pointerful objects for --workload constant." };
        var seed = CliOptions.Int("--seed", "Seed of the realistic mix. Default: 1.", 1, int.MinValue, int.MaxValue, "S");
        var procs = GoSettingOptions.Procs(1);
        var gogc = GoSettingOptions.Gogc();
        var go = GoOption();
        var json = JsonOption();
        var command = new Command("simulate", "Run the mcache/mcentral/mheap model on an allocation stream: refills, spans, GC cycles, waste.")
        {
            workload, count, size, pointers, seed, procs, gogc, go, json,
        };
        command.SetAction(parse =>
        {
            var constant = parse.GetValue(workload) == "constant";
            foreach (var onlyConstant in (Option[])[size, pointers])
                if (!constant && parse.WasGiven(onlyConstant))
                    throw KitInputException.For("applies only to --workload constant", parameter: onlyConstant.Name);
            var version = Version(parse, go);
            var config = AllocatorConfig.Default.WithSettings(GoSettingOptions.Read(parse, AllocatorConfig.Default.Settings.WithVersion(version), gogc, procs: procs));
            var stream = constant
                ? AllocationStream.Constant(parse.GetValue(size), parse.GetValue(count), parse.GetValue(pointers))
                : AllocationStream.RealisticMix(parse.GetValue(seed), parse.GetValue(count));
            var r = AllocatorModel.Run(stream, config);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    stream = r.StreamName, go = config.Version.ToString(), procs = config.Procs, gogc = config.Gogc,
                    r.Mallocs, r.TinyAllocs, r.TinyBlocks, r.SmallAllocs, r.LargeAllocs, r.TotalAllocBytes, r.RequestedBytes,
                    r.Frees, r.Refills, r.SpansGrown, r.SpansFreed, r.Gcs, r.HeapInUseBytes, r.PeakHeapInUseBytes, r.HeapMappedBytes,
                    r.ObjectBytes, r.ObjectRequestedBytes, r.FreeSlotBytes, r.TailWasteBytes, r.AllocsPerRefill,
                    classes = r.Classes.Select(c => new { c.SpanClass, c.SizeClass, c.Noscan, c.ElemSize, c.Allocs, c.Refills, c.Grows, c.SpansAtEnd, c.PeakSpans }),
                }, Json));
                return ExitCodes.Ok;
            }
            Console.Out.WriteLine(r.ToString());
            Console.Out.WriteLine();
            var inv = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            sb.Append(inv, $"{"spanclass",9} {"class",5} {"bytes",7} {"kind",6} {"allocs",9} {"refills",8} {"allocs/refill",13} {"grown",6} {"peak spans",10}").Append('\n');
            foreach (var c in r.Classes.OrderByDescending(c => c.Allocs).Take(15))
                sb.Append(inv, $"{c.SpanClass,9} {c.SizeClass,5} {(c.SizeClass == 0 ? "large" : c.ElemSize.ToString(inv)),7} {(c.Noscan ? "noscan" : "scan"),6} {c.Allocs,9} {c.Refills,8} {c.AllocsPerRefill,13:0.0} {c.Grows,6} {c.PeakSpans,10}").Append('\n');
            Console.Out.Write(sb.ToString());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Table(IEnumerable<(string Key, string Value)> rows)
    {
        var list = rows.ToList();
        var width = list.Max(r => r.Key.Length);
        var sb = new StringBuilder();
        foreach (var (k, v) in list) sb.Append(k.PadRight(width)).Append("  ").Append(v).Append('\n');
        return sb.ToString();
    }
}
