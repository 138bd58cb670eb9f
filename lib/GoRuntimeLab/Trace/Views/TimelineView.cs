// Mirrors: what `go tool trace`'s "View trace" page draws (cmd/trace trace.go generateTrace, Go 1.19/1.21: one row per
// P with a slice per goroutine run, GC and STW rows; Go 1.22/1.23: cmd/trace/v2 procgen.go) and its goroutine pages (a goroutine's running, runnable, waiting
// and syscall time), in the shapes the scheduler simulator already produces (PSlice, GSpan), so one chart draws both.
// Simplified: P rows show goroutine runs only (no idle/spinning slices from a real trace: neither format has an event
// for a P that is spinning); GC is one row of cycles and stop-the-world pauses.
using GoRuntimeLab.Sched;

namespace GoRuntimeLab.Trace.Views;

/// <summary>
/// A run's timeline, simulated (<see cref="FromSimulation"/>) or traced (<see cref="TraceTimeline.Read(string, string, string?)"/>):
/// per-P slices, per-goroutine state spans, the scheduling-latency samples (runnable → running) and GC periods.
/// Times in nanoseconds from the start of the run (simulation) or the trace's first event.
/// </summary>
public sealed record TimelineView
{
    /// <summary>The workload's name ("pingpong").</summary>
    public required string Workload { get; init; }

    /// <summary>Where it comes from: "simulated go1.19" or "traced go1.19.8 (pingpong-go1.19.8.trace)".</summary>
    public required string Source { get; init; }

    /// <summary>True for the simulator's timeline, false for a real trace.</summary>
    public required bool Simulated { get; init; }

    /// <summary>GOMAXPROCS: the number of P rows.</summary>
    public required int Procs { get; init; }

    /// <summary>The last time of the run (ns).</summary>
    public required long EndTime { get; init; }

    /// <summary>Goroutines in id order: id and the name the chart shows (the workload's name, or the function it started in).</summary>
    public required IReadOnlyList<TimelineGoroutine> Goroutines { get; init; }

    /// <summary>What each P did; from a trace only <see cref="PActivity.Running"/> slices.</summary>
    public required IReadOnlyList<PSlice> PTimeline { get; init; }

    /// <summary>Each goroutine's states over time, in start order.</summary>
    public required IReadOnlyList<GSpan> GTimeline { get; init; }

    /// <summary>Runnable → running waits (ns), one per start of a goroutine that had been made runnable.</summary>
    public required IReadOnlyList<long> LatencySamples { get; init; }

    /// <summary>GC cycles and stop-the-world pauses (empty for the simulator, which has no GC).</summary>
    public required IReadOnlyList<TimelineGcSpan> Gc { get; init; }

    /// <summary>The name of goroutine <paramref name="id"/>, or "" when unknown.</summary>
    public string NameOf(int id)
    {
        foreach (var g in Goroutines) if (g.Id == id) return g.Name;
        return "";
    }

    /// <summary>
    /// The goroutines of the program itself: without the runtime's own (cmd/trace IsSystemGoroutine, Go 1.19: a start
    /// function in package runtime other than runtime.main), the tracer's reader (runtime/trace.Start.func1) and those
    /// that never ran while tracing. For the simulator, every goroutine.
    /// </summary>
    public IReadOnlyList<int> UserGoroutines() =>
    [
        .. Goroutines.Where(g => Simulated || (g.Name != TimelineGoroutine.NeverRan && !g.Name.StartsWith("runtime/trace.", StringComparison.Ordinal)
            && (!g.Name.StartsWith("runtime.", StringComparison.Ordinal) || g.Name == "runtime.main"))).Select(g => g.Id),
    ];

    /// <summary>The simulator's result as a view: its P timeline, goroutine spans and latency samples unchanged.</summary>
    public static TimelineView FromSimulation(SchedResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new TimelineView
        {
            Workload = result.Workload,
            Source = $"simulated {result.Config.Version}",
            Simulated = true,
            Procs = result.Config.Procs,
            EndTime = result.EndTime,
            Goroutines = [.. result.Goroutines.Select(g => new TimelineGoroutine(g.Id, g.Name))],
            PTimeline = result.PTimeline,
            GTimeline = result.GTimeline,
            LatencySamples = result.LatencySamples,
            Gc = [],
        };
    }
}
