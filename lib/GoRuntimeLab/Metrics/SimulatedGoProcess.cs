// Mirrors: runtime/metrics.go (the compute functions behind each name: gcStats, heapStats, sched counters) and where
// the runtime records into its time histograms — mgc.go (gcPauseDist / stwTotalTimeGC: one sample per stop-the-world,
// two per GC cycle) and proc.go casgstatus (timeToRun, sampled when trackingSeq % gTrackingPeriod(8) == 0), Go 1.19–1.23.
// Simplified: the heap between cycles grows linearly at the allocation rate; CPU classes count GC pauses and the 25 %
// background workers only; the scheduler is a stream of log-normal latencies, every 8th transition sampled.
using System.Globalization;
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.GoRand;

namespace GoRuntimeLab.Metrics;

/// <summary>
/// A Go process in simulated time whose runtime/metrics you can read: GC cycles from an <see cref="IGcCycleSource"/>
/// (by default the GC simulator, <see cref="GcSimulatorCycleSource"/>), allocation at a steady rate, GC pauses and
/// scheduling latencies recorded in the Go release's own <see cref="TimeHistogram"/> layout. Advance it with
/// <see cref="AdvanceTo"/>, then <see cref="Read()"/> returns <c>metrics.Read</c>-shaped samples. Deterministic: the
/// same config (seed) and the same sequence of advances give identical values.
/// </summary>
public sealed class SimulatedGoProcess
{
    /// <summary>runtime2.go gTrackingPeriod: one goroutine transition in 8 is timed for /sched/latencies.</summary>
    public const int GTrackingPeriod = 8;

    private readonly IEnumerator<GcCycleRecord> _cycles;
    private readonly List<GcCycleRecord> _completed = [];
    private readonly TimeHistogram _pauses;
    private readonly TimeHistogram _latencies;
    private readonly GoRandom _schedRandom;
    private GcCycleRecord? _next;        // the first cycle not yet completed (may be in progress)
    private bool _nextStw1Recorded;
    private long _transitions;           // goroutine transitions so far
    private long _pauseNsTotal;
    private long _markNsTotal;
    private ulong _allocs;
    private ulong _frees;
    private GcCycleRecord? _last;        // the most recently completed cycle
    private long _completedCount;
    private long _forcedCount;
    private long _completedPauseNs;
    private int? _retainedCycles;

    /// <summary>A process running <paramref name="config"/>, its GC cycles from the kit's GC simulator (<see cref="GcSimulatorCycleSource"/>).</summary>
    public SimulatedGoProcess(ProcessConfig config) : this(config, new GcSimulatorCycleSource(config ?? throw new ArgumentNullException(nameof(config))))
    {
    }

    /// <summary>A process running <paramref name="config"/> whose GC cycles come from <paramref name="source"/>.</summary>
    public SimulatedGoProcess(ProcessConfig config, IGcCycleSource source)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(source);
        Config = config;
        Source = source;
        Catalog = MetricCatalog.For(config.Version);
        _pauses = new TimeHistogram(config.Version);
        _latencies = new TimeHistogram(config.Version);
        _schedRandom = new GoRandom(unchecked(config.Seed * 7919L + 17));
        _cycles = source.Cycles().GetEnumerator();
        _next = _cycles.MoveNext() ? _cycles.Current : null;
        _allocs = source.InitialHeapBytes;
    }

    /// <summary>What the process runs.</summary>
    public ProcessConfig Config { get; }

    /// <summary>Where its GC cycles come from.</summary>
    public IGcCycleSource Source { get; }

    /// <summary>The metric names of its Go release.</summary>
    public MetricCatalog Catalog { get; }

    /// <summary>Simulated time since the process started (ns).</summary>
    public long NowNs { get; private set; }

    /// <summary>
    /// GC cycles that have finished (mark termination ended) by <see cref="NowNs"/>: all of them, or only the last
    /// <see cref="RetainedCycles"/> when that is set.
    /// </summary>
    public IReadOnlyList<GcCycleRecord> CompletedCycles => _completed;

    /// <summary>
    /// How many finished cycles <see cref="CompletedCycles"/> keeps (null = all). A long-running process (an exporter)
    /// sets it so memory stays flat; the counters (<see cref="CompletedCycleCount"/>, the metrics) still count every
    /// cycle. Go itself keeps the last 256 pauses (MemStats.PauseNs, mstats.go).
    /// </summary>
    /// <exception cref="KitInputException">Less than 1.</exception>
    public int? RetainedCycles
    {
        get => _retainedCycles;
        set
        {
            if (value is < 1) throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be ≥ 1, not {value}"), parameter: nameof(RetainedCycles));
            _retainedCycles = value;
            if (_completed.Count > value) _completed.RemoveRange(0, _completed.Count - value.Value);
        }
    }

    /// <summary>GC cycles finished by <see cref="NowNs"/> (memstats.numgc), retained or not.</summary>
    public long CompletedCycleCount => _completedCount;

    /// <summary>Stop-the-world time of every finished cycle, in ns (memstats.pause_total_ns: both pauses per cycle).</summary>
    public long CompletedPauseNs => _completedPauseNs;

    /// <summary>The stop-the-world pauses so far (two per cycle), as /gc/pauses:seconds reads them.</summary>
    public Float64Histogram Pauses => _pauses.Snapshot();

    /// <summary>The sampled scheduling latencies so far, as /sched/latencies:seconds reads them.</summary>
    public Float64Histogram SchedLatencies => _latencies.Snapshot();

    /// <summary>Advances simulated time by <paramref name="duration"/>.</summary>
    public SimulatedGoProcess Advance(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw KitInputException.For("cannot run backwards", parameter: "duration");
        return AdvanceTo(checked(NowNs + (long)(duration.Ticks * 100)));
    }

    /// <summary>Advances simulated time to <paramref name="ns"/> (≥ <see cref="NowNs"/>), recording every pause and sampled latency on the way.</summary>
    public SimulatedGoProcess AdvanceTo(long ns)
    {
        if (ns < NowNs) throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"time {ns} ns is before now ({NowNs} ns)"), parameter: "ns");
        while (_next is { } c && c.MarkStartNs <= ns)
        {
            if (!_nextStw1Recorded)
            {
                _pauses.Record(c.SweepTermPauseNs); // gcStart: stop-the-world for sweep termination
                _pauseNsTotal += c.SweepTermPauseNs;
                _nextStw1Recorded = true;
            }

            if (c.EndNs > ns) break;
            _pauses.Record(c.MarkTermPauseNs); // gcMarkDone → gcMarkTermination: the second stop-the-world
            _pauseNsTotal += c.MarkTermPauseNs;
            _markNsTotal += c.MarkNs;
            _completed.Add(c);
            if (_completed.Count > _retainedCycles) _completed.RemoveAt(0);
            _last = c;
            _completedCount++;
            _completedPauseNs += c.TotalPauseNs;
            if (c.Forced) _forcedCount++;
            _nextStw1Recorded = false;
            if (_cycles.MoveNext())
            {
                var n = _cycles.Current;
                if (n.StartNs < c.EndNs)
                    throw new InvalidOperationException($"GC cycle source: cycle {n.Number} starts before cycle {c.Number} ends");
                _next = n;
            }
            else
            {
                _next = null;
            }
        }

        // Goroutine transitions out of running at a steady rate; Go times one in gTrackingPeriod (8).
        var transitions = (long)(Config.SchedTransitionsPerSecond * (ns / 1e9));
        var sampled = transitions / GTrackingPeriod - _transitions / GTrackingPeriod;
        for (long i = 0; i < sampled; i++)
        {
            var latency = Config.SchedLatencyMedianNs * Math.Exp(Normal(_schedRandom));
            _latencies.Record((long)latency);
        }

        _transitions = transitions;
        NowNs = ns;

        // Cumulative counters never go down, whatever the cycle source says about the heap.
        var allocs = Source.InitialHeapBytes + (ulong)(Source.AllocBytesPerSecond * (ns / 1e9));
        _allocs = Math.Max(_allocs, allocs);
        var live = Math.Min(HeapLive(), _allocs);
        _frees = Math.Max(_frees, _allocs - live);
        return this;
    }

    /// <summary>heapLive now: bytes of heap objects (live or not yet swept).</summary>
    public ulong HeapLive()
    {
        var rate = Source.AllocBytesPerSecond;
        if (_next is { } c && c.StartNs <= NowNs)
        {
            // In a cycle: heap at trigger plus what was allocated since, up to the heap at mark end.
            var grown = (ulong)(rate * ((NowNs - c.StartNs) / 1e9));
            return Math.Min(c.HeapAtTrigger + grown, c.HeapAtMarkEnd);
        }

        var last = _last;
        var baseHeap = last?.MarkedBytes ?? Source.InitialHeapBytes;
        var since = NowNs - (last?.EndNs ?? 0);
        var heap = baseHeap + (ulong)(rate * (since / 1e9));
        // Not past the next trigger point (the source decides where the next cycle starts).
        return _next is { } n ? Math.Min(heap, Math.Max(n.HeapAtTrigger, baseHeap)) : heap;
    }

    /// <summary>The heap goal now: the goal of the cycle in progress, else the one the last cycle committed.</summary>
    public ulong HeapGoal()
    {
        if (_next is { } c && c.StartNs <= NowNs) return c.HeapGoal;
        if (_last is { } last) return last.NextGoal;
        return _next?.HeapGoal ?? 4 << 20; // before any cycle: heapMinimum (4 MiB at GOGC=100)
    }

    /// <summary>Every metric the simulation produces that exists in its Go release, in the catalogue's order.</summary>
    public IReadOnlyList<MetricSample> Read()
    {
        var all = new List<MetricSample>();
        foreach (var d in Catalog.All)
        {
            var s = Compute(d.Name);
            if (s is not null) all.Add(s);
        }

        return all;
    }

    /// <summary>One metric, like metrics.Read with one Sample.</summary>
    /// <exception cref="KitInputException">The release has no such metric, or the simulation does not produce it.</exception>
    public MetricSample Read(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _ = Catalog.Get(name);
        return Compute(name) ?? throw KitInputException.For($"the simulated process does not model \"{name}\"", parameter: "name");
    }

    /// <summary>Names of the release's metrics that the simulation produces.</summary>
    public IEnumerable<string> ModelledNames => Catalog.All.Where(d => Compute(d.Name) is not null).Select(d => d.Name);

    private MetricSample? Compute(string name)
    {
        var size = (ulong)Config.ObjectSize;
        var procs = Config.Procs;
        var seconds = NowNs / 1e9;
        var forced = (ulong)_forcedCount;
        var total = (ulong)_completedCount;
        return name switch
        {
            "/gc/cycles/automatic:gc-cycles" => MetricSample.Of(name, total - forced),
            "/gc/cycles/forced:gc-cycles" => MetricSample.Of(name, forced),
            "/gc/cycles/total:gc-cycles" => MetricSample.Of(name, total),
            "/gc/heap/allocs:bytes" => MetricSample.Of(name, _allocs),
            "/gc/heap/allocs:objects" => MetricSample.Of(name, _allocs / size),
            "/gc/heap/frees:bytes" => MetricSample.Of(name, _frees),
            "/gc/heap/frees:objects" => MetricSample.Of(name, _frees / size),
            "/gc/heap/goal:bytes" => MetricSample.Of(name, HeapGoal()),
            "/gc/heap/objects:objects" => MetricSample.Of(name, HeapLive() / size),
            "/gc/heap/live:bytes" => MetricSample.Of(name, _last?.MarkedBytes ?? 0UL),
            "/gc/gogc:percent" => MetricSample.Of(name, (ulong)Math.Max(Config.Gogc, 0)),
            "/gc/gomemlimit:bytes" => MetricSample.Of(name, (ulong)Config.MemoryLimit),
            "/gc/stack/starting-size:bytes" => MetricSample.Of(name, 2048UL),
            "/gc/pauses:seconds" => MetricSample.Of(name, _pauses.Snapshot()),
            // Go 1.22+: "identical" to /gc/pauses:seconds (both fed by every GC stop-the-world).
            "/sched/pauses/total/gc:seconds" => MetricSample.Of(name, _pauses.Snapshot()),
            "/sched/latencies:seconds" => MetricSample.Of(name, _latencies.Snapshot()),
            "/sched/goroutines:goroutines" => MetricSample.Of(name, (ulong)Config.Goroutines),
            "/sched/gomaxprocs:threads" => MetricSample.Of(name, (ulong)procs),
            "/memory/classes/heap/objects:bytes" => MetricSample.Of(name, HeapLive()),
            "/cpu/classes/gc/pause:cpu-seconds" => MetricSample.Of(name, _pauseNsTotal / 1e9 * procs),
            "/cpu/classes/gc/mark/dedicated:cpu-seconds" => MetricSample.Of(name, DedicatedCpuSeconds()),
            "/cpu/classes/gc/total:cpu-seconds" => MetricSample.Of(name, _pauseNsTotal / 1e9 * procs + DedicatedCpuSeconds()),
            "/cpu/classes/total:cpu-seconds" => MetricSample.Of(name, seconds * procs),
            _ => null,
        };
    }

    private double DedicatedCpuSeconds() => _markNsTotal / 1e9 * Config.Procs * PacerConstants.GcBackgroundUtilization;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"simulated {Config} at {NowNs / 1e9:F3} s: {_completedCount} GC cycles, heap {HeapLive() / 1048576.0:F1} MiB (goal {HeapGoal() / 1048576.0:F1} MiB), {_pauses.Total} pauses, {_latencies.Total} latency samples");

    /// <summary>A standard normal draw (Box–Muller on two Go math/rand Float64 values): deterministic per seed.</summary>
    private static double Normal(GoRandom random)
    {
        var u1 = 1 - random.Float64(); // (0, 1]: the log stays finite
        var u2 = random.Float64();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
