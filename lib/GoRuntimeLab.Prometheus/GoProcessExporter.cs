// Mirrors: prometheus/client_golang's Go collector (go_collector.go base metrics go_goroutines, go_gc_duration_seconds
// as a constant summary of debug.ReadGCStats — runtime/debug/garbage.go PauseQuantiles over the last 256 pauses —,
// go_info; go_collector_latest.go: runtime/metrics as go_* series, memStatsFromRM for go_memstats_*), applied to the
// kit's SimulatedGoProcess. Simplified: only the metrics the simulation models; no go_threads, no process_* series.
using System.Globalization;
using System.Text;
using GoRuntimeLab.Metrics;
using Prometheus;

namespace GoRuntimeLab.Prometheus;

/// <summary>
/// Exposes a <see cref="SimulatedGoProcess"/> the way a Go program instrumented with client_golang's default Go
/// collector is exposed: runtime/metrics-derived series (<c>go_gc_heap_goal_bytes</c>, <c>go_sched_latencies_seconds</c>
/// …, histograms re-bucketed as the client does), <c>go_memstats_*</c>, <c>go_goroutines</c>, <c>go_info</c> and the
/// <c>go_gc_duration_seconds</c> summary of per-cycle pauses. Uses its own prometheus-net registry (no .NET defaults).
/// </summary>
public sealed class GoProcessExporter
{
    private readonly SimulatedGoProcess _process;
    private readonly List<Action> _updates = [];

    /// <summary>Registers every series for <paramref name="process"/> in a fresh registry.</summary>
    public GoProcessExporter(SimulatedGoProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        _process = process;
        Registry = global::Prometheus.Metrics.NewCustomRegistry();
        var factory = global::Prometheus.Metrics.WithCustomRegistry(Registry);

        var goroutines = factory.CreateGauge("go_goroutines", "Number of goroutines that currently exist.");
        _updates.Add(() => goroutines.Set(process.Read("/sched/goroutines:goroutines").Uint64));
        var info = factory.CreateGauge("go_info", "Information about the Go environment.", new GaugeConfiguration { LabelNames = ["version"] });
        info.WithLabels(string.Create(CultureInfo.InvariantCulture, $"go{process.Config.Version.Major}.{process.Config.Version.Minor}")).Set(1);

        foreach (var name in process.ModelledNames) AddRuntimeMetric(factory, process.Catalog.Get(name));
        AddMemStats(factory);
    }

    /// <summary>
    /// The registry holding every series but <c>go_gc_duration_seconds</c>, which the Go client builds afresh at each
    /// scrape as a constant summary (and <see cref="ExposeAsync"/> writes first, as the Go collector does).
    /// </summary>
    public CollectorRegistry Registry { get; }

    /// <summary>The process being exposed.</summary>
    public SimulatedGoProcess Process => _process;

    /// <summary>Copies the process's current values into the series (the server does it before each snapshot).</summary>
    public void Update()
    {
        foreach (var u in _updates) u();
    }

    /// <summary>Updates, then returns the Prometheus text exposition (format 0.0.4), as a scrape of /metrics would.</summary>
    public async Task<string> ExposeAsync(CancellationToken cancellationToken = default) =>
        Encoding.UTF8.GetString(await ExposeUtf8Async(cancellationToken).ConfigureAwait(false));

    /// <summary>Updates, then returns the exposition as UTF-8 bytes (what the server sends).</summary>
    public async Task<byte[]> ExposeUtf8Async(CancellationToken cancellationToken = default)
    {
        Update();
        using var stream = new MemoryStream();
        var summary = Encoding.UTF8.GetBytes(GcDurationSummary());
        stream.Write(summary);
        await Registry.CollectAndExportAsTextAsync(stream, cancellationToken).ConfigureAwait(false);
        return stream.ToArray();
    }

    /// <summary>
    /// <c>go_gc_duration_seconds</c> as go_collector.go (base) writes it: MustNewConstSummary(NumGC, PauseTotal,
    /// quantiles 0, .25, .5, .75, 1 of debug.ReadGCStats), where the quantiles come from the last 256 per-cycle pause
    /// totals (MemStats.PauseNs: both stop-the-world phases of a cycle), sorted: sorted[n*i/4] for i &lt; 4, then the max.
    /// </summary>
    private string GcDurationSummary()
    {
        const int maxPause = 256; // len(MemStats.PauseNs)
        var cycles = _process.CompletedCycles;
        var n = (int)Math.Min(Math.Min(_process.CompletedCycleCount, maxPause), cycles.Count);
        var sorted = new long[n];
        for (var i = 0; i < n; i++) sorted[i] = cycles[cycles.Count - n + i].TotalPauseNs;
        Array.Sort(sorted);
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append("# HELP go_gc_duration_seconds A summary of the wall-time pause (stop-the-world) duration in garbage collection cycles.\n");
        sb.Append("# TYPE go_gc_duration_seconds summary\n");
        string[] labels = ["0", "0.25", "0.5", "0.75", "1"];
        for (var i = 0; i < labels.Length; i++)
        {
            var q = n == 0 ? 0 : i < labels.Length - 1 ? sorted[n * i / (labels.Length - 1)] : sorted[n - 1];
            sb.Append(inv, $"go_gc_duration_seconds{{quantile=\"{labels[i]}\"}} {Number(q / 1e9)}\n");
        }

        sb.Append(inv, $"go_gc_duration_seconds_sum {Number(_process.CompletedPauseNs / 1e9)}\n");
        sb.Append(inv, $"go_gc_duration_seconds_count {_process.CompletedCycleCount}\n");
        return sb.ToString();
    }

    // Shortest round-trip form with a lower-case exponent, as Go's strconv.FormatFloat(v, 'g', -1, 64) writes it.
    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');

    /// <summary>The Prometheus name the Go client gives each modelled runtime/metrics name.</summary>
    public IEnumerable<(string RuntimeName, string PrometheusName)> RuntimeSeries =>
        _process.ModelledNames.Select(n => (n, PrometheusNaming.ToPrometheusName(_process.Catalog.Get(n))!));

    private void AddRuntimeMetric(MetricFactory factory, MetricDescription d)
    {
        var name = PrometheusNaming.ToPrometheusName(d);
        if (name is null) return;
        // go_collector_latest.go attachOriginalName.
        var help = $"{d.Description} Sourced from {d.Name}.";
        var p = _process;
        switch (d.Kind)
        {
            case MetricKind.Float64Histogram:
                AddHistogram(factory, d, name, help);
                break;
            case var _ when d.Cumulative:
                var counter = factory.CreateCounter(name, help);
                _updates.Add(() => counter.IncTo(p.Read(d.Name).AsDouble)); // counters never decrease (Go guards too)
                break;
            default:
                var gauge = factory.CreateGauge(name, help);
                _updates.Add(() => gauge.Set(p.Read(d.Name).AsDouble));
                break;
        }
    }

    private void AddHistogram(MetricFactory factory, MetricDescription d, string name, string help)
    {
        var p = _process;
        var reduced = PrometheusNaming.BucketsForUnit(p.Read(d.Name).Histogram!.Buckets, d.Unit);
        var shape = PrometheusNaming.ToPrometheus(p.Read(d.Name).Histogram!, reduced);
        var histogram = factory.CreateHistogram(name, help, new HistogramConfiguration { Buckets = [.. shape.UpperBounds] });
        var lower = shape.LowerBounds; // without -Inf: lower[i] is bucket i's inclusive lower bound
        var seen = new ulong[lower.Count - 1];
        _updates.Add(() =>
        {
            // batchHistogram.update replaces the counts; prometheus-net only adds, so observe the growth of each
            // bucket at its lower bound: the same le buckets and the same lower-bound sum the Go client writes.
            var now = PrometheusNaming.ToPrometheus(p.Read(d.Name).Histogram!, reduced);
            ulong previous = 0;
            for (var i = 0; i < seen.Length; i++)
            {
                var cumulative = i < now.CumulativeCounts.Count ? now.CumulativeCounts[i] : now.Count;
                var inBucket = cumulative - previous;
                previous = cumulative;
                if (inBucket > seen[i])
                {
                    histogram.Observe(lower[i], (long)(inBucket - seen[i]));
                    seen[i] = inBucket;
                }
            }
        });
    }

    private void AddMemStats(MetricFactory factory)
    {
        // memStatsFromRM: the MemStats fields the Go client rebuilds from runtime/metrics, as go_memstats_*.
        var p = _process;
        ulong Read(string n) => p.Read(n).Uint64;
        Gauge("go_memstats_alloc_bytes", "Number of bytes allocated in heap and currently in use.", () => Read("/memory/classes/heap/objects:bytes"));
        Gauge("go_memstats_heap_alloc_bytes", "Number of heap bytes allocated and currently in use.", () => Read("/memory/classes/heap/objects:bytes"));
        Gauge("go_memstats_heap_objects", "Number of currently allocated objects.", () => Read("/gc/heap/objects:objects"));
        Gauge("go_memstats_next_gc_bytes", "Number of heap bytes when next garbage collection will take place.", () => Read("/gc/heap/goal:bytes"));
        Counter("go_memstats_alloc_bytes_total", "Total number of bytes allocated in heap until now, even if released already.", () => Read("/gc/heap/allocs:bytes"));
        Counter("go_memstats_mallocs_total", "Total number of heap objects allocated.", () => Read("/gc/heap/allocs:objects"));
        Counter("go_memstats_frees_total", "Total number of heap objects frees.", () => Read("/gc/heap/frees:objects"));

        void Gauge(string name, string help, Func<ulong> value)
        {
            var g = factory.CreateGauge(name, help);
            _updates.Add(() => g.Set(value()));
        }

        void Counter(string name, string help, Func<ulong> value)
        {
            var c = factory.CreateCounter(name, help);
            _updates.Add(() => c.IncTo(value()));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Prometheus exporter of {_process}";
}
