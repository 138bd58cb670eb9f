using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Trace.Exec;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab trace stats FILE [--json]</c>: a Go execution trace (runtime/trace, <c>go test -trace</c>) summed up — the
/// Go version of its format, its span, its Ps and goroutines, and its events counted by type as <c>go tool trace -d</c>
/// names them. JSON: {"goVersion":"1.19","durationNs":…,"procs":…,"goroutines":…,"events":{"GoCreate":13,…}}.
/// <c>golab trace goroutines FILE [--json]</c>: per-goroutine times as <c>go tool trace</c>'s goroutine pages.
/// <c>golab trace pprof --kind net|sync|syscall|sched FILE -o OUT.pb</c>: the profile <c>go tool trace -pprof=KIND</c> writes.
/// <c>golab trace chrome FILE -o OUT.json</c>: the trace as Chrome Trace JSON (opens in ui.perfetto.dev), drawn as <c>go tool trace</c> does.
/// <c>golab trace tasks FILE [--json]</c>: the user tasks (runtime/trace.NewTask) with their logs and regions (Go 1.22+ traces).
/// All of them read Go 1.7–1.21 traces and the generation-based traces of Go 1.22/1.23.
/// </summary>
internal static class TraceCommand
{
    public static Command Build()
    {
        var command = new Command("trace", "Go execution traces (runtime/trace.Start, go test -trace): the binary files `go tool trace` opens.");
        command.Subcommands.Add(Stats());
        command.Subcommands.Add(Pprof());
        command.Subcommands.Add(Goroutines());
        command.Subcommands.Add(Chrome());
        command.Subcommands.Add(Tasks());
        return command;
    }

    private static Command Stats()
    {
        var file = CliOptions.TextArgument("FILE", "An execution trace as runtime/trace writes it (header \"go 1.NN trace\"; formats of Go 1.7-1.23).");
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document: {goVersion (the header's \"1.NN\"), durationNs, procs, goroutines, events: {EventName: count}} " +
                          "with the events named and counted as `go tool trace -d` prints them.",
        };
        var command = new Command("stats", "Go version, duration, Ps, goroutines and the count of each event type (the same counts as `go tool trace -d FILE`).")
        {
            file, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var stats = ExecTrace.ReadStats(path);
            Console.Out.Write(parse.GetValue(json) ? Json(stats) : Table(path, stats));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Pprof()
    {
        var file = CliOptions.TextArgument("FILE", "An execution trace of Go 1.7-1.23 (runtime/trace).");
        var kind = CliOptions.Choice("--kind", "Which blocking profile, as `go tool trace -pprof=KIND`: net (network wait), sync (channels, select, " +
            "Mutex, Cond, GC assist wait), syscall (blocking syscalls), sched (from unblock or creation until the goroutine runs).", "sync",
            "net", "sync", "syscall", "sched");
        kind.DefaultValueFactory = null;
        kind.Required = true;
        var output = OutputFile.Required("--out", "Where to write the profile (pprof protobuf, gzip); its folder must exist.", "OUT.pb");
        output.Aliases.Add("-o");
        var command = new Command("pprof", "Write the blocking profile `go tool trace -pprof=KIND FILE` writes (contentions and delay by stack); " +
            "`go tool pprof -top` prints the same table for both.")
        {
            file, kind, output,
        };
        command.SetAction(parse =>
        {
            var profile = ExecTrace.Profile(parse.GetValue(file)!, Enum.Parse<ExecTraceProfileKind>(parse.GetValue(kind)!, ignoreCase: true));
            var outPath = parse.GetValue(output)!;
            OutputFile.Write(outPath, temp => GoRuntimeLab.Pprof.PprofWriter.Write(profile, temp));
            Console.Out.WriteLine($"wrote {outPath}: {profile.Samples.Count} stacks, {N(profile.Total("contentions"))} contentions, " +
                $"{(profile.Total("delay") / 1e6).ToString("0.000", CultureInfo.InvariantCulture)} ms delay");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Chrome()
    {
        var file = CliOptions.TextArgument("FILE", "An execution trace of Go 1.7-1.23 (runtime/trace).");
        var output = OutputFile.Required("--out", "Where to write the Chrome Trace Event JSON (open in ui.perfetto.dev); its folder must exist.", "OUT.json");
        output.Aliases.Add("-o");
        var command = new Command("chrome", "Write the trace as Chrome Trace JSON (ui.perfetto.dev, chrome://tracing): per P a slice per goroutine run, " +
            "GC and STW tracks, per goroutine its runs and blocking syscalls, user regions — as `go tool trace` draws it.")
        {
            file, output,
        };
        command.SetAction(parse =>
        {
            var trace = ExecTrace.ToChromeTrace(parse.GetValue(file)!);
            var outPath = parse.GetValue(output)!;
            OutputFile.WriteAllText(outPath, trace.ToJson());
            Console.Out.WriteLine($"wrote {outPath}: {N(trace.Events.Count)} events, {N(trace.Events.Count(e => e.Phase == "X"))} slices");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Tasks()
    {
        var file = CliOptions.TextArgument("FILE", "An execution trace of Go 1.22 or 1.23 (runtime/trace) that uses trace.NewTask, WithRegion or Log.");
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document: {tasks: [{id, name, parentId (null: none), startNs, endNs (-1: not in the trace), logs: [{atNs, " +
                          "goroutine, category, message}], regions: [{goroutine, name, startNs, endNs, execNs, schedWaitNs}], goroutines: [id…]}]}, sorted by id.",
        };
        var command = new Command("tasks", "User tasks with their logs and regions, as `go tool trace`'s task pages list them (internal/trace summary.go; " +
            "Go 1.22+ traces).")
        {
            file, json,
        };
        command.SetAction(parse =>
        {
            var tasks = ExecTrace.Tasks(parse.GetValue(file)!);
            Console.Out.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(new { tasks }, CliJson.Options) + "\n"
                : TaskText(tasks));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string TaskText(IReadOnlyList<ExecTraceTask> tasks)
    {
        static string Ms(long ns) => ns < 0 ? "-" : (ns / 1e6).ToString("0.000", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        if (tasks.Count == 0) text.Append("no user tasks in the trace\n");
        foreach (var t in tasks)
        {
            var parent = t.ParentId is { } p ? $" (parent {N((long)p)})" : "";
            var span = t.StartNs >= 0 && t.EndNs >= 0 ? $"{Ms(t.EndNs - t.StartNs)} ms" : "incomplete";
            text.Append(CultureInfo.InvariantCulture, $"task {t.Id} {(t.Name.Length == 0 ? "-" : t.Name)}{parent}: {Ms(t.StartNs)} → {Ms(t.EndNs)} ms ({span}), " +
                $"{t.Regions.Count} region(s), {t.Logs.Count} log(s), goroutines {string.Join(",", t.Goroutines)}\n");
            foreach (var l in t.Logs)
                text.Append(CultureInfo.InvariantCulture, $"  log    {Ms(l.AtNs),10} ms  G{l.Goroutine}  {l.Category}: {l.Message}\n");
            foreach (var r in t.Regions)
                text.Append(CultureInfo.InvariantCulture, $"  region {Ms(r.StartNs),10} ms  G{r.Goroutine}  {r.Name}: {Ms(r.EndNs >= 0 && r.StartNs >= 0 ? r.EndNs - r.StartNs : -1)} ms, exec {Ms(r.ExecNs)} ms, sched wait {Ms(r.SchedWaitNs)} ms\n");
        }
        return text.ToString();
    }

    private static readonly string[] GoroutineHeader = ["goroutine", "function", "exec ms", "sched wait ms", "net ms", "sync ms", "syscall ms", "GC ms", "sweep ms", "total ms"];

    private static Command Goroutines()
    {
        var file = CliOptions.TextArgument("FILE", "An execution trace of Go 1.7-1.23 (runtime/trace).");
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document: {goroutines: [{id, name, creationNs, startNs, endNs (0: did not end), execNs, schedWaitNs, ioNs, " +
                          "blockNs, syscallNs, gcNs, sweepNs, totalNs}]}, sorted by id.",
        };
        var command = new Command("goroutines", "Per-goroutine times — running, waiting for a P, network, sync, syscall, GC, sweep — as " +
            "`go tool trace`'s goroutine pages compute them (internal/trace GoroutineStats; for Go 1.22+ traces summary.go, whose " +
            "block times by reason, syscall-blocked time and range times (GC mark assist, sweep, stop-the-world) the JSON adds).")
        {
            file, json,
        };
        command.SetAction(parse =>
        {
            var goroutines = ExecTrace.Goroutines(parse.GetValue(file)!);
            Console.Out.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(new { goroutines }, CliJson.Options) + "\n"
                : GoroutineTable(goroutines));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string GoroutineTable(IReadOnlyList<ExecTraceGoroutine> goroutines)
    {
        static string Ms(long ns) => (ns / 1e6).ToString("0.000", CultureInfo.InvariantCulture);
        var rows = goroutines.Select(g => new[]
        {
            N((long)g.Id), g.Name.Length == 0 ? "-" : g.Name, Ms(g.ExecNs), Ms(g.SchedWaitNs), Ms(g.IoNs), Ms(g.BlockNs), Ms(g.SyscallNs), Ms(g.GcNs), Ms(g.SweepNs), Ms(g.TotalNs),
        }).ToList();
        var widths = GoroutineHeader.Select((h, c) => Math.Max(h.Length, rows.Select(r => r[c].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(GoroutineHeader))
            text.Append(string.Join("  ", row.Select((cell, c) => c == 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
        return text.ToString();
    }

    private static string Json(ExecTraceStats stats) => JsonSerializer.Serialize(new
    {
        goVersion = stats.GoVersion,
        durationNs = stats.DurationNs,
        procs = stats.Procs,
        goroutines = stats.Goroutines,
        events = stats.Events,
    }, CliJson.Options) + "\n";

    private static string Table(string path, ExecTraceStats stats)
    {
        var text = new StringBuilder();
        var total = stats.Events.Values.Sum();
        Row(text, "trace", path);
        Row(text, "Go version", stats.GoVersion);
        Row(text, "duration", $"{(stats.DurationNs / 1e6).ToString("0.000", CultureInfo.InvariantCulture)} ms ({N(stats.DurationNs)} ns)");
        Row(text, "Ps", N(stats.Procs));
        Row(text, "goroutines", N(stats.Goroutines));
        Row(text, "events", N(total));
        text.Append('\n');
        var width = Math.Max("event".Length, stats.Events.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max());
        var countWidth = Math.Max("count".Length, N(total).Length);
        text.Append("event".PadRight(width)).Append("  ").Append("count".PadLeft(countWidth)).Append('\n');
        foreach (var (name, count) in stats.Events)
            text.Append(name.PadRight(width)).Append("  ").Append(N(count).PadLeft(countWidth)).Append('\n');
        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, string value) => text.Append(label.PadRight(12)).Append(value).Append('\n');

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
