using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Gc.Simulation;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands.Gc;

/// <summary>
/// <c>golab gc simulate …workload… [--gogc] [--memlimit] [--procs] [--go] [--seed] [--gctrace] [--json]</c>: runs a
/// workload on the pacer-driven GC simulator and prints its cycles, totals, or the gctrace lines Go would print.
/// </summary>
internal static class GcSimulateCommand
{
    private static readonly JsonSerializerOptions Json = CliJson.Options;

    public static Command Build()
    {
        var live = CliOptions.Text("--live", "Live heap held for the whole run, in Go's byte syntax (64MiB, 512KiB, 1048576).", "32MiB", "BYTES");
        var objectSize = CliOptions.Long("--object-size", "Size of every object in bytes (8 to 1 GiB). Default: 1024.", 1024, 8, 1L << 30, "BYTES");
        var pointers = new Option<bool>("--pointers") { Description = "Objects contain pointers, so the GC scans them (default: pointer-free, noscan)." };
        var allocRate = CliOptions.Text("--alloc-rate", "Garbage allocated per second of wall time (256MiB/s).", "256MiB/s", "RATE");
        var duration = CliOptions.Text("--duration", "How long the program allocates, in Go's duration syntax (5s, 1500ms).", "5s", "DURATION");
        var procs = GoSettingOptions.Procs(2);
        var gogc = GoSettingOptions.Gogc();
        var memlimit = GoSettingOptions.MemoryLimit();
        var stacks = CliOptions.Text("--stacks", "Goroutine stack bytes the GC scans (a GC root counted in the goal since Go 1.18).", "8KiB", "BYTES");
        var globals = CliOptions.Text("--globals", "Scannable globals (data+bss) bytes (a GC root).", "32KiB", "BYTES");
        var otherMem = CliOptions.OptionalText("--other-mem",
            "Runtime memory outside the heap counted against GOMEMLIMIT (default: an estimate fitted to real Go runs; see NonHeapEstimate).", "BYTES");
        var spike = CliOptions.OptionalText("--spike", "A transient extra live heap (Go's byte syntax), allocated at --spike-at and dropped after --spike-for.", "BYTES");
        var spikeAt = CliOptions.Text("--spike-at", "When the spike is allocated (Go duration; needs --spike).", "1s", "DURATION");
        var spikeFor = CliOptions.Text("--spike-for", "How long the spike stays live (Go duration; needs --spike).", "500ms", "DURATION");
        var goroutines = CliOptions.Int("--goroutines", "Allocating goroutines (each uses at most one P for its allocation and assists). Default: 1.", 1, 1, 1_000_000);
        var go = GoSettingOptions.Go("1.19 to 1.23", why: "The pacer's rules differ by release.");
        var maxSteps = CliOptions.Long("--max-steps", $"Budget of simulation steps; a run that needs more stops with exit 2 (never a hang). Default: {GcSimOptions.DefaultMaxSteps}.",
            GcSimOptions.DefaultMaxSteps, 1000, long.MaxValue);
        var maxCycles = CliOptions.Int("--max-cycles", $"Budget of GC cycles; a run that needs more stops with exit 2 (never a silent cut). Default: {GcSimOptions.DefaultMaxCycles}.",
            GcSimOptions.DefaultMaxCycles, 1, int.MaxValue);
        var seed = CliOptions.Int("--seed", "Seed for the run-to-run jitter; the same seed gives the same output. Default: 1.", 1, int.MinValue, int.MaxValue, "S");
        var gctrace = new Option<bool>("--gctrace")
        {
            Description = "Print the whole log as GODEBUG=gctrace=1 would: the setup's cycles and its forced GC, then the run's cycles.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document: {gcCount, peakHeapBytes, gcCpuFraction, pauseTotalNs, nonHeapBytes, setupCycles:[{number, gctrace}], cycles:[{number, startNs, " +
                          "sweepTermNs, markNs, markTermNs, trigger, heapAtTrigger, heapAtMarkEnd, marked, goal, assistCpuNs, backgroundCpuNs, " +
                          "idleCpuNs, pauseCpuNs, limiterOn, gctrace}]} (bytes and ns as integers). gcCount counts cycles finished within --duration.",
        };

        var command = new Command(
            "simulate",
            "Simulate a workload (a live heap plus garbage at a steady rate) under Go's pacer and GC CPU limiter: cycles, pauses, " +
            "CPU split, peak heap, and the gctrace lines Go would print. Like data/go/gcload, the program first allocates its live heap " +
            "(GC cycles run meanwhile), calls runtime.GC(), then allocates garbage for --duration; only that part is counted.")
        {
            live, objectSize, pointers, allocRate, duration, procs, gogc, memlimit, stacks, globals, otherMem, spike, spikeAt, spikeFor, goroutines, go, seed, maxSteps, maxCycles, gctrace, json,
        };
        command.SetAction(parse =>
        {
            foreach (var needsSpike in (Option[])[spikeAt, spikeFor])
                if (parse.WasGiven(needsSpike) && parse.GetValue(spike) is null)
                    throw KitInputException.For("has no effect without --spike BYTES", parameter: needsSpike.Name);
            var workload = GcWorkload.Default
                .WithLive(parse.GetValue(live)!)
                .WithObjectSize(parse.GetValue(objectSize))
                .WithPointers(parse.GetValue(pointers))
                .WithAllocRate(parse.GetValue(allocRate)!)
                .WithDuration(parse.GetValue(duration)!)
                .WithStacks(parse.GetValue(stacks)!)
                .WithGlobals(parse.GetValue(globals)!)
                .WithGoroutines(parse.GetValue(goroutines));
            if (parse.GetValue(spike) is { } spikeBytes) workload = workload.WithSpike(spikeBytes, parse.GetValue(spikeAt)!, parse.GetValue(spikeFor)!);
            var options = GcSimOptions.Default
                .WithSettings(GoSettingOptions.Read(parse, GcSimOptions.Default.Settings, gogc, memlimit, procs, go))
                .WithSeed(parse.GetValue(seed))
                .WithMaxSteps(parse.GetValue(maxSteps))
                .WithMaxCycles(parse.GetValue(maxCycles));
            if (parse.GetValue(otherMem) is { } other) options = options.WithOtherMem(GcWorkload.ParseBytes(other, "otherMem"));

            var result = GcSimulator.Run(workload, options, recordSeries: false);
            if (parse.GetValue(gctrace)) Console.Out.Write(string.Concat(result.SetupCycles.Concat(result.Cycles).Select(c => c.GcTrace + "\n")));
            else Console.Out.Write(parse.GetValue(json) ? ToJson(result) : ToTable(result));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ToJson(GcSimResult r) => JsonSerializer.Serialize(new
    {
        gcCount = r.GcCount,
        peakHeapBytes = r.PeakHeapBytes,
        gcCpuFraction = r.GcCpuFraction,
        pauseTotalNs = r.PauseTotalNs,
        nonHeapBytes = r.NonHeapBytes,
        setupCycles = r.SetupCycles.Select(c => new { number = c.Number, gctrace = c.GcTrace }),
        cycles = r.Cycles.Select(c => new
        {
            number = c.Number,
            startNs = c.StartNs,
            sweepTermNs = c.SweepTermNs,
            markNs = c.MarkNs,
            markTermNs = c.MarkTermNs,
            trigger = c.Trigger,
            heapAtTrigger = c.HeapAtTrigger,
            heapAtMarkEnd = c.HeapAtMarkEnd,
            marked = c.Marked,
            goal = c.Goal,
            assistCpuNs = c.AssistCpuNs,
            backgroundCpuNs = c.BackgroundCpuNs,
            idleCpuNs = c.IdleCpuNs,
            pauseCpuNs = c.PauseCpuNs,
            limiterOn = c.LimiterOn,
            gctrace = c.GcTrace,
        }),
    }, Json) + "\n";

    private static string ToTable(GcSimResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(r.Workload.ToString());
        sb.AppendLine(r.ToString());
        sb.AppendLine(inv, $"{"cycle",5} {"start s",8} {"trigger MiB",11} {"heap0→1→marked MiB",20} {"goal MiB",8} {"mark ms",8} {"pause µs",9} {"assist ms",9} {"limiter",7}");
        foreach (var c in r.Cycles)
        {
            sb.AppendLine(inv,
                $"{c.Number,5} {c.StartNs / 1e9,8:F3} {c.Trigger / 1048576.0,11:F1} {$"{c.HeapAtTrigger / 1048576.0:F1}→{c.HeapAtMarkEnd / 1048576.0:F1}→{c.Marked / 1048576.0:F1}",20} {c.Goal / 1048576.0,8:F1} {c.MarkNs / 1e6,8:F2} {(c.SweepTermNs + c.MarkTermNs) / 1e3,9:F1} {c.AssistCpuNs / 1e6,9:F2} {(c.LimiterOn ? "on" : ""),7}");
        }

        return sb.ToString();
    }
}
