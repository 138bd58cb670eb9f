using System.CommandLine;
using System.Globalization;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Workloads;

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
        var workload = new Option<string?>("--workload") { Description = "Ready-made workload (see --list).", HelpName = "NAME" };
        var file = new Option<string?>("--file") { Description = "Workload JSON file (ops: compute, tightloop, sleep, syscall, netwait, send, recv, range, close, select, go, add, done, wait, lock, unlock, gosched, count, print, repeat, forever, return).", HelpName = "W.json" };
        var procs = new Option<int>("--procs") { Description = "GOMAXPROCS (1–256).", DefaultValueFactory = _ => 4, HelpName = "N" };
        var go = new Option<string>("--go") { Description = "Go version to model (1.13–1.23): 1.13 has no async preemption; 1.21+ prints needspinning.", DefaultValueFactory = _ => "1.23", HelpName = "V" };
        var seed = new Option<string>("--seed") { Description = "Seed of every random choice (steal order, select order); same seed, same result.", DefaultValueFactory = _ => "1", HelpName = "S" };
        var async = new Option<string>("--asyncpreempt") { Description = "on, or off like GODEBUG=asyncpreemptoff=1.", DefaultValueFactory = _ => "on", HelpName = "on|off" };
        var schedtrace = new Option<int>("--schedtrace") { Description = "GODEBUG=schedtrace=MS: print a SCHED line every MS ms of simulated time (0 = off).", HelpName = "MS" };
        var detail = new Option<bool>("--scheddetail") { Description = "GODEBUG=scheddetail=1: P, M and G lines after each SCHED line." };
        var duration = new Option<string>("--duration") { Description = "Stop after this much simulated time (Go duration, e.g. 2s).", DefaultValueFactory = _ => "10s", HelpName = "D" };
        var chrome = new Option<string?>("--chrome-trace") { Description = "Write a Chrome Trace Event JSON file (open in ui.perfetto.dev).", HelpName = "OUT.json" };
        var json = new Option<bool>("--json") { Description = "One JSON document: {endTime, goroutines:[{id,name,createdAt,finishedAt,runningTime,runnableTime}], preemptions:{async,cooperative}, steals, handoffs, latencyNs:{p50,p90,p99,max}, …} (ns of simulated time)." };
        var list = new Option<bool>("--list") { Description = "List the ready-made workloads and exit." };
        var command = new Command("simulate", "Run a workload on the simulated Go scheduler and report per-goroutine times, preemptions, steals, handoffs and scheduling latency.")
        {
            workload, file, procs, go, seed, async, schedtrace, detail, duration, chrome, json, list,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(list))
            {
                foreach (var name in Workloads.Names) Console.Out.WriteLine($"{name,-22} {Workloads.Get(name).Description}");
                return ExitCodes.Ok;
            }

            var w = LoadWorkload(parse.GetValue(workload), parse.GetValue(file));
            var config = BuildConfig(parse.GetValue(procs), parse.GetValue(go)!, parse.GetValue(seed)!, parse.GetValue(async)!,
                parse.GetValue(schedtrace), parse.GetValue(detail), parse.GetValue(duration)!);
            var result = Scheduler.Run(w, config);
            if (parse.GetValue(chrome) is { } outPath)
            {
                try
                {
                    File.WriteAllText(outPath, result.ToChromeTrace());
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
                {
                    throw KitInputException.For($"cannot write: {e.Message}", parameter: "--chrome-trace");
                }
            }

            if (parse.GetValue(json)) Console.Out.WriteLine(result.ToJson());
            else PrintHuman(result);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Workload LoadWorkload(string? name, string? file)
    {
        if (name is null == file is null) throw KitInputException.For("give exactly one of --workload NAME or --file W.json (see --list)", parameter: "--workload");
        if (name is not null) return Workloads.Get(name);
        string text;
        try
        {
            text = File.ReadAllText(file!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw KitInputException.For($"cannot read: {e.Message}", parameter: "--file", file: file);
        }

        return Workload.FromJson(text, file);
    }

    private static SchedConfig BuildConfig(int procs, string go, string seed, string async, int schedtraceMs, bool detail, string duration)
    {
        if (procs is < 1 or > 256) throw KitInputException.For($"GOMAXPROCS must be between 1 and 256 (got {procs})", parameter: "--procs");
        var c = SchedConfig.Default.WithProcs(procs);
        var v = CliVersion.Parse(go, x => c.WithVersion(x));
        c = c.WithVersion(v);

        if (!ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out var s)) throw KitInputException.For($"\"{seed}\" is not a non-negative integer", parameter: "--seed");
        c = c.WithSeed(s);
        c = async switch
        {
            "on" => c.WithAsyncPreempt(true),
            "off" => c.WithAsyncPreempt(false),
            _ => throw KitInputException.For($"must be on or off (got \"{async}\")", parameter: "--asyncpreempt"),
        };
        if (schedtraceMs < 0) throw KitInputException.For($"must not be negative (got {schedtraceMs})", parameter: "--schedtrace");
        if (detail && schedtraceMs == 0) throw KitInputException.For("needs --schedtrace MS (Go prints scheddetail only with schedtrace)", parameter: "--scheddetail");
        c = c.WithSchedTrace(schedtraceMs * 1_000_000L, detail);
        if (!GoDuration.TryParse(duration, out var d) || d <= 0) throw KitInputException.For($"\"{duration}\" is not a positive Go duration (e.g. 2s)", parameter: "--duration");
        return c.WithMaxTime(d);
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
