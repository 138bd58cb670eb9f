// Mirrors: what one can learn from a Go program's run: exit (or panic/deadlock report), schedtrace lines, the execution trace's
// per-P/per-G timelines and scheduling latency (proc.go, trace), Go 1.13–1.23.
// Simplified: times are simulated nanoseconds from program start.
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static System.FormattableString;

namespace GoRuntimeLab.Sched;

/// <summary>The outcome of <c>Scheduler.Run</c>. All times are nanoseconds of simulated time.</summary>
public sealed record SchedResult
{
    public required string Workload { get; init; }
    public required SchedConfig Config { get; init; }
    public required SchedExit Exit { get; init; }
    public required long EndTime { get; init; }
    public required IReadOnlyList<GoroutineSummary> Goroutines { get; init; }
    public required PreemptionCounts Preemptions { get; init; }

    /// <summary>Successful runqsteal calls (each took half of a victim's queue, or its runnext).</summary>
    public required long Steals { get; init; }

    public required long StolenGoroutines { get; init; }

    /// <summary>Ps handed off from syscalls (entersyscallblock and sysmon's syscall retake).</summary>
    public required long Handoffs { get; init; }

    /// <summary>Total time Ms spent spinning (looking for work while holding a P).</summary>
    public required long SpinningTime { get; init; }

    public required long ContextSwitches { get; init; }

    /// <summary>Discrete events processed (the simulator's unit of work).</summary>
    public required long EventCount { get; init; }

    public required LatencyStats Latency { get; init; }
    public required IReadOnlyList<long> LatencySamples { get; init; }
    public required IReadOnlyDictionary<string, long> Counters { get; init; }
    public required IReadOnlyList<OutputLine> Stdout { get; init; }

    /// <summary>Go's report for a panic, fatal error or deadlock ("fatal error: all goroutines are asleep - deadlock!"…); empty otherwise.</summary>
    public required string FatalMessage { get; init; }

    /// <summary><c>GODEBUG=schedtrace</c> lines (and scheddetail blocks) as the modelled Go version prints them.</summary>
    public required IReadOnlyList<string> SchedTrace { get; init; }

    public required IReadOnlyList<PSlice> PTimeline { get; init; }
    public required IReadOnlyList<GSpan> GTimeline { get; init; }
    public required IReadOnlyList<SchedEvent> Events { get; init; }

    /// <summary>Ms created (threads), including M0 and sysmon's M.</summary>
    public required int Threads { get; init; }

    /// <summary>The counter's value, 0 when never incremented.</summary>
    public long Counter(string name) => Counters.TryGetValue(name, out var v) ? v : 0;

    /// <summary>The goroutine with this name (the first one if several share it).</summary>
    public GoroutineSummary Goroutine(string name) =>
        Goroutines.FirstOrDefault(g => g.Name == name) ?? throw KitInputException.For($"no goroutine named \"{name}\"", parameter: "name");

    /// <summary>The CLI's JSON document (camelCase; times in ns).</summary>
    public string ToJson(bool indented = true)
    {
        var doc = new JsonObject
        {
            ["workload"] = Workload,
            ["go"] = Config.Version.ToString(),
            ["gomaxprocs"] = Config.Procs,
            ["seed"] = Config.Seed,
            ["asyncPreempt"] = Config.AsyncPreemptionActive,
            ["exit"] = JsonNamingPolicy.CamelCase.ConvertName(Exit.ToString()),
            ["endTime"] = EndTime,
            ["goroutines"] = new JsonArray(Goroutines.Select(g => (JsonNode)new JsonObject
            {
                ["id"] = g.Id,
                ["name"] = g.Name,
                ["createdAt"] = g.CreatedAt,
                ["finishedAt"] = g.FinishedAt,
                ["runningTime"] = g.RunningTime,
                ["runnableTime"] = g.RunnableTime,
                ["status"] = JsonNamingPolicy.CamelCase.ConvertName(g.FinalStatus.ToString()),
                ["waitReason"] = g.WaitReason,
            }).ToArray()),
            ["preemptions"] = new JsonObject { ["async"] = Preemptions.Async, ["cooperative"] = Preemptions.Cooperative },
            ["steals"] = Steals,
            ["stolenGoroutines"] = StolenGoroutines,
            ["handoffs"] = Handoffs,
            ["spinningTime"] = SpinningTime,
            ["contextSwitches"] = ContextSwitches,
            ["threads"] = Threads,
            ["events"] = EventCount,
            ["latencyNs"] = new JsonObject { ["count"] = Latency.Count, ["p50"] = Latency.P50, ["p90"] = Latency.P90, ["p99"] = Latency.P99, ["max"] = Latency.Max },
            ["counters"] = new JsonObject(Counters.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["stdout"] = new JsonArray(Stdout.Select(l => (JsonNode)new JsonObject { ["time"] = l.Time, ["g"] = l.G, ["text"] = l.Text }).ToArray()),
            ["fatal"] = FatalMessage,
            ["schedtrace"] = new JsonArray(SchedTrace.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
    }

    /// <summary>Chrome Trace Event JSON (opens in ui.perfetto.dev / chrome://tracing): P tracks, G tracks, run-queue counters, steal/preempt instants.</summary>
    public string ToChromeTrace() => SchedChromeTrace.Build(this).ToJson();

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Invariant($"{Workload} on {Config}: {Exit} at {GoDuration.Format(EndTime)}; {Goroutines.Count} goroutine(s), "));
        sb.Append(Invariant($"{Goroutines.Count(g => g.FinishedAt is not null)} finished; {Preemptions}; {Steals} steal(s); {Handoffs} handoff(s); {Latency}"));
        if (FatalMessage.Length > 0) sb.Append('\n').Append(FatalMessage.TrimEnd());
        return sb.ToString();
    }
}
