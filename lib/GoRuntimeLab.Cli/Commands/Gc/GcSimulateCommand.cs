using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.Gc.Simulation;

namespace GoRuntimeLab.Cli.Commands.Gc;

/// <summary>
/// <c>golab gc simulate …workload… [--gogc] [--memlimit] [--procs] [--go] [--seed] [--gctrace] [--json]</c>: runs a
/// workload on the pacer-driven GC simulator and prints its cycles, totals, or the gctrace lines Go would print.
/// </summary>
internal static class GcSimulateCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Command Build()
    {
        var live = Text("--live", "Live heap held for the whole run, in Go's byte syntax (64MiB, 512KiB, 1048576).", "32MiB", "BYTES");
        var objectSize = new Option<long>("--object-size") { Description = "Size of every object in bytes (≥ 8).", DefaultValueFactory = _ => 1024, HelpName = "BYTES" };
        var pointers = new Option<bool>("--pointers") { Description = "Objects contain pointers, so the GC scans them (default: pointer-free, noscan)." };
        var allocRate = Text("--alloc-rate", "Garbage allocated per second of wall time (256MiB/s).", "256MiB/s", "RATE");
        var duration = Text("--duration", "How long the program allocates, in Go's duration syntax (5s, 1500ms).", "5s", "DURATION");
        var procs = new Option<int>("--procs") { Description = "GOMAXPROCS.", DefaultValueFactory = _ => 2, HelpName = "N" };
        var gogc = Text("--gogc", "GOGC: a percentage (100) or off.", "100", "N|off");
        var memlimit = Text("--memlimit", "GOMEMLIMIT in Go's syntax (64MiB) or off.", "off", "BYTES|off");
        var stacks = Text("--stacks", "Goroutine stack bytes the GC scans (a GC root counted in the goal since Go 1.18).", "8KiB", "BYTES");
        var globals = Text("--globals", "Scannable globals (data+bss) bytes (a GC root).", "32KiB", "BYTES");
        var otherMem = new Option<string?>("--other-mem")
        {
            Description = "Runtime memory outside the heap counted against GOMEMLIMIT (default: an estimate fitted to real Go runs; see NonHeapEstimate).",
            HelpName = "BYTES",
        };
        var spike = new Option<string?>("--spike") { Description = "A transient extra live heap (Go's byte syntax), allocated at --spike-at and dropped after --spike-for.", HelpName = "BYTES" };
        var spikeAt = Text("--spike-at", "When the spike is allocated (Go duration).", "1s", "DURATION");
        var spikeFor = Text("--spike-for", "How long the spike stays live (Go duration).", "500ms", "DURATION");
        var goroutines = new Option<int>("--goroutines") { Description = "Allocating goroutines (each uses at most one P for its allocation and assists).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var go = Text("--go", "Go release whose pacer applies: 1.19, 1.20, 1.21, 1.22 or 1.23.", "1.23", "VERSION");
        var seed = new Option<int>("--seed") { Description = "Seed for the run-to-run jitter; the same seed gives the same output.", DefaultValueFactory = _ => 1 };
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
            live, objectSize, pointers, allocRate, duration, procs, gogc, memlimit, stacks, globals, otherMem, spike, spikeAt, spikeFor, goroutines, go, seed, gctrace, json,
        };
        command.SetAction(parse =>
        {
            var workload = GcWorkload.Default
                .WithLive(GcWorkload.ParseBytes(parse.GetValue(live)!, "--live"))
                .WithObjectSize(parse.GetValue(objectSize))
                .WithPointers(parse.GetValue(pointers))
                .WithAllocRate(GcWorkload.ParseRate(parse.GetValue(allocRate)!, "--alloc-rate"))
                .WithDuration(parse.GetValue(duration)!)
                .WithStacks(GcWorkload.ParseBytes(parse.GetValue(stacks)!, "--stacks"))
                .WithGlobals(GcWorkload.ParseBytes(parse.GetValue(globals)!, "--globals"))
                .WithGoroutines(parse.GetValue(goroutines));
            if (parse.GetValue(spike) is { } spikeBytes) workload = workload.WithSpike(spikeBytes, parse.GetValue(spikeAt)!, parse.GetValue(spikeFor)!);
            var options = GcSimOptions.Default
                .WithGogc(parse.GetValue(gogc)!)
                .WithMemoryLimit(parse.GetValue(memlimit)!)
                .WithProcs(parse.GetValue(procs))
                .WithVersion(CliVersion.Parse(parse.GetValue(go), GcConfig.ValidateVersion))
                .WithSeed(parse.GetValue(seed));
            if (parse.GetValue(otherMem) is { } other) options = options.WithOtherMem(GcWorkload.ParseBytes(other, "--other-mem"));

            var result = GcSimulator.Run(workload, options, recordSeries: false);
            if (parse.GetValue(gctrace)) Console.Out.Write(string.Concat(result.SetupCycles.Concat(result.Cycles).Select(c => c.GcTrace + "\n")));
            else Console.Out.Write(parse.GetValue(json) ? ToJson(result) : ToTable(result));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> Text(string name, string description, string defaultValue, string helpName) =>
        new(name) { Description = description + $" Default: {defaultValue}.", DefaultValueFactory = _ => defaultValue, HelpName = helpName };


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
