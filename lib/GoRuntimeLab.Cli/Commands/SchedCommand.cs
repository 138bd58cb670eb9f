using System.CommandLine;
using System.Globalization;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab sched simulate (--workload NAME | --file W.json) [--procs N] [--go V] [--seed S] [--asyncpreempt on|off]
/// [--schedtrace MS] [--scheddetail] [--duration D] [--chrome-trace OUT.json] [--json]</c> and <c>--list</c>.
/// </summary>
internal static class SchedCommand
{
    public static Command Build()
    {
        var command = new Command("sched", "The G/M/P scheduler simulator (proc.go, chan.go, select.go).");
        command.Subcommands.Add(BuildSimulate());
        return command;
    }

    private static Command BuildSimulate()
    {
        var workload = CliOptions.OptionalText("--workload", "Ready-made workload (see --list).", "NAME");
        var file = CliOptions.OptionalText("--file", "Workload JSON file (ops: compute, tightloop, sleep, syscall, netwait, send, recv, range, close, select, go, add, done, wait, lock, unlock, gosched, count, print, repeat, forever, return).", "W.json");
        var procs = GoSettingOptions.Procs(4);
        var go = GoSettingOptions.Go("1.13 to 1.23", why: "1.13 has no async preemption; 1.21+ prints needspinning.");
        var seed = CliOptions.Text("--seed", "Seed of every random choice (steal order, select order), 0 to 2^64-1; same seed, same result.", "1", "S");
        var async = CliOptions.Choice("--asyncpreempt", "on, or off like GODEBUG=asyncpreemptoff=1. Default: on.", "on", "on", "off");
        var schedtrace = CliOptions.Int("--schedtrace", "GODEBUG=schedtrace=MS: print a SCHED line every MS ms of simulated time (0 = off).", 0, 0, 3_600_000, "MS");
        var detail = new Option<bool>("--scheddetail") { Description = "GODEBUG=scheddetail=1: P, M and G lines after each SCHED line (needs --schedtrace)." };
        var duration = CliOptions.Text("--duration", "Stop after this much simulated time (Go duration, e.g. 2s).", "10s", "D");
        var maxEvents = CliOptions.Long("--max-events", $"Budget of scheduler events; a run that needs more stops with exit 2. Default: {SchedConfig.Default.MaxEvents}.",
            SchedConfig.Default.MaxEvents, 1, long.MaxValue);
        var maxGoroutines = CliOptions.Int("--max-goroutines", $"Budget of goroutines alive at once. Default: {SchedConfig.Default.MaxGoroutines}.",
            SchedConfig.Default.MaxGoroutines, 1, int.MaxValue);
        var maxRecords = CliOptions.Long("--max-records", $"Budget of recorded timeline spans, events and schedtrace lines. Default: {SchedConfig.Default.MaxRecords}.",
            SchedConfig.Default.MaxRecords, 1, long.MaxValue);
        var chrome = OutputFile.Optional("--chrome-trace", "Write a Chrome Trace Event JSON file (open in ui.perfetto.dev); its folder must exist.", "OUT.json");
        var json = new Option<bool>("--json") { Description = "One JSON document: {endTime, goroutines:[{id,name,createdAt,finishedAt,runningTime,runnableTime}], preemptions:{async,cooperative}, steals, handoffs, latencyNs:{p50,p90,p99,max}, …} (ns of simulated time)." };
        var list = new Option<bool>("--list") { Description = "List the ready-made workloads and exit." };
        var command = new Command("simulate", "Run a workload on the simulated Go scheduler and report per-goroutine times, preemptions, steals, handoffs and scheduling latency.")
        {
            workload, file, procs, go, seed, async, schedtrace, detail, duration, maxEvents, maxGoroutines, maxRecords, chrome, json, list,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(list))
            {
                foreach (var name in Workloads.Names) Console.Out.WriteLine($"{name,-22} {Workloads.Get(name).Description}");
                return ExitCodes.Ok;
            }

            var w = LoadWorkload(parse.GetValue(workload), parse.GetValue(file));
            var settings = GoSettingOptions.Read(parse, SchedConfig.Default.Settings, procs: procs, go: go);
            var config = BuildConfig(SchedConfig.Default.WithSettings(settings), parse.GetValue(seed)!, parse.GetValue(async) == "on",
                parse.GetValue(schedtrace), parse.GetValue(detail), parse.GetValue(duration)!);
            config = config.WithMaxEvents(parse.GetValue(maxEvents)).WithMaxGoroutines(parse.GetValue(maxGoroutines)).WithMaxRecords(parse.GetValue(maxRecords));
            var result = Scheduler.Run(w, config);
            if (parse.GetValue(chrome) is { } outPath) OutputFile.WriteAllText(outPath, result.ToChromeTrace());

            if (parse.GetValue(json)) Console.Out.WriteLine(result.ToJson());
            else PrintHuman(result);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Workload LoadWorkload(string? name, string? file)
    {
        if (name is null == file is null) throw KitInputException.For("give exactly one of --workload NAME or --file W.json (see --list)", parameter: "--workload");
        return name is not null ? Workloads.Get(name) : WorkloadJson.ParseFile(file!);
    }

    private static SchedConfig BuildConfig(SchedConfig c, string seed, bool asyncPreempt, int schedtraceMs, bool detail, string duration)
    {
        if (!ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            throw KitInputException.For($"\"{seed}\" is not a whole number from 0 to 2^64-1", parameter: "--seed");
        if (detail && schedtraceMs == 0) throw KitInputException.For("needs --schedtrace MS (Go prints scheddetail only with schedtrace)", parameter: "--scheddetail");
        if (!GoDuration.TryParse(duration, out var d) || d <= 0) throw KitInputException.For($"\"{duration}\" is not a positive Go duration (e.g. 2s)", parameter: "--duration");
        return c.WithSeed(s).WithAsyncPreempt(asyncPreempt).WithSchedTrace(schedtraceMs * 1_000_000L, detail).WithMaxTime(d);
    }

    private static void PrintHuman(SchedResult r)
    {
        var o = Console.Out;
        o.WriteLine($"{r.Workload}: {r.Config}");
        o.WriteLine($"exit: {r.Exit} at {GoDuration.Format(r.EndTime)}   threads: {r.Threads}   events: {r.EventCount}");
        o.WriteLine($"{r.Preemptions}   steals: {r.Steals} ({r.StolenGoroutines} G)   handoffs: {r.Handoffs}   spinning: {GoDuration.Format(r.SpinningTime)}   switches: {r.ContextSwitches}");
        o.WriteLine(r.Latency.ToString());
        o.WriteLine();
        var shown = r.Goroutines.Take(20).ToList();
        o.WriteLine($"{"G",5}  {"name",-22} {"created",10} {"finished",10} {"running",10} {"runnable",10}  state");
        foreach (var g in shown)
        {
            var state = g.FinishedAt is null ? $"{g.FinalStatus}{(g.WaitReason.Length > 0 && g.FinalStatus == GStatus.Waiting ? $" ({g.WaitReason})" : "")}" : "done";
            o.WriteLine($"{g.Id,5}  {Trim(g.Name),-22} {GoDuration.Format(g.CreatedAt),10} {(g.FinishedAt is { } f ? GoDuration.Format(f) : "-"),10} {GoDuration.Format(g.RunningTime),10} {GoDuration.Format(g.RunnableTime),10}  {state}");
        }

        if (r.Goroutines.Count > shown.Count) o.WriteLine($"  … {r.Goroutines.Count - shown.Count} more goroutine(s) (use --json for all)");
        if (r.Counters.Count > 0)
        {
            o.WriteLine();
            foreach (var (k, v) in r.Counters.OrderBy(kv => kv.Key, StringComparer.Ordinal)) o.WriteLine($"counter {k} = {v}");
        }

        if (r.Stdout.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("program output:");
            foreach (var line in r.Stdout.Take(40)) o.WriteLine($"  {line}");
        }

        if (r.SchedTrace.Count > 0)
        {
            o.WriteLine();
            foreach (var line in r.SchedTrace) o.WriteLine(line);
        }

        if (r.FatalMessage.Length > 0)
        {
            o.WriteLine();
            o.Write(r.FatalMessage);
        }
    }

    private static string Trim(string s) => s.Length <= 22 ? s : s[..21] + "…";
}
