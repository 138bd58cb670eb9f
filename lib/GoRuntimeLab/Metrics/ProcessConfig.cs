// Mirrors: the settings of a Go process that runtime/metrics reports (GOGC: /gc/gogc:percent, GOMEMLIMIT:
// /gc/gomemlimit:bytes, GOMAXPROCS: /sched/gomaxprocs:threads) plus a steady workload, Go 1.19–1.23.
// Simplified: one constant allocation rate, a fixed live heap, pauses as the GC simulator takes them, log-normal
// scheduling-latency noise.
using System.Globalization;
using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab.Metrics;

/// <summary>
/// What a <see cref="SimulatedGoProcess"/> runs: the Go release (which metric names exist, which histogram layout),
/// GOGC/GOMEMLIMIT/GOMAXPROCS, a steady workload and the seed. Immutable: <c>ProcessConfig.Default.WithGogc(200)</c>.
/// </summary>
public sealed record ProcessConfig
{
    /// <summary>Go 1.23, GOGC=100, no limit, GOMAXPROCS=2, 32 MiB live, 64 MiB/s of 512 B objects, 40 goroutines, seed 1.</summary>
    public static ProcessConfig Default { get; } = new();

    /// <summary>The Go settings: GOGC, GOMEMLIMIT, GOMAXPROCS (default 2) and the release (one grammar: <see cref="GoSettings"/>).</summary>
    public GoSettings Settings { get; private init; } = GoSettings.Default.WithProcs(2);

    /// <summary>The Go release the process runs (1.19, 1.21, 1.22, 1.23).</summary>
    public GoVersion Version => Settings.Version;

    /// <summary>GOGC (-1 = off).</summary>
    public int Gogc => Settings.Gogc;

    /// <summary>GOMEMLIMIT in bytes (<see cref="MemoryLimit.None"/> = off).</summary>
    public long MemoryLimit => Settings.MemoryLimit;

    /// <summary>GOMAXPROCS.</summary>
    public int Procs => Settings.Procs;

    /// <summary>Bytes the program keeps live (all pointerful: the GC scans them).</summary>
    public long LiveBytes { get; private init; } = 32L << 20;

    /// <summary>Bytes allocated per second (then dropped: garbage).</summary>
    public double AllocBytesPerSecond { get; private init; } = 64.0 * (1 << 20);

    /// <summary>Size of each allocation (for the object counts).</summary>
    public long ObjectSize { get; private init; } = 512;

    /// <summary>Goroutines alive (/sched/goroutines:goroutines); their stacks are GC roots (8 KiB each).</summary>
    public int Goroutines { get; private init; } = 40;

    /// <summary>Goroutine transitions out of running per second (every 8th is sampled for /sched/latencies).</summary>
    public double SchedTransitionsPerSecond { get; private init; } = 8000;

    /// <summary>Median runnable→running wait (ns); the spread is log-normal with σ = 1.</summary>
    public double SchedLatencyMedianNs { get; private init; } = 20_000;

    /// <summary>Length of each stop-the-world pause (ns), as the GC simulator takes it (with its per-cycle jitter).</summary>
    public double PauseMedianNs { get; private init; } = 40_000;

    /// <summary>Heap bytes one core marks per second (the GC simulator's measured default).</summary>
    public double ScanBytesPerCoreSecond { get; private init; } = 800e6;

    /// <summary>Seed of every random draw; same seed, same process.</summary>
    public int Seed { get; private init; } = 1;

    /// <summary>Stack bytes per goroutine assumed for the pacer's stack scan (Go starts stacks at 2 KiB; 8 KiB assumes some growth).</summary>
    public const long StackBytesPerGoroutine = 8 << 10;

    /// <summary>A copy with other Go settings; the release must have a runtime/metrics table and a pacer (1.19, 1.21–1.23).</summary>
    public ProcessConfig WithSettings(GoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var version = settings.Version;
        _ = MetricCatalog.For(version); // validates
        GcConfig.ValidateVersion(version);
        return this with { Settings = settings.WithVersion(new GoVersion(version.Major, version.Minor)) };
    }

    /// <summary>A copy for another Go release (1.19, 1.21, 1.22, 1.23).</summary>
    public ProcessConfig WithVersion(GoVersion version) => WithSettings(Settings.WithVersion(version));

    /// <summary>A copy for another Go release, e.g. "1.19".</summary>
    public ProcessConfig WithVersion(string version) => WithVersion(GoSettings.ParseVersion(version));

    /// <summary>A copy with another GOGC (any negative value = off).</summary>
    public ProcessConfig WithGogc(int gogc) => this with { Settings = Settings.WithGogc(gogc) };

    /// <summary>A copy with a memory limit (bytes ≥ 0 or <see cref="MemoryLimit.None"/>).</summary>
    public ProcessConfig WithMemoryLimit(long bytes) => this with { Settings = Settings.WithMemoryLimit(bytes) };

    /// <summary>A copy with another GOMAXPROCS (1 … <see cref="GoSettings.MaxProcs"/>).</summary>
    public ProcessConfig WithProcs(int procs) => this with { Settings = Settings.WithProcs(procs) };

    /// <summary>A copy with another live heap (bytes, 0 … 64 GiB).</summary>
    public ProcessConfig WithLiveBytes(long bytes) =>
        bytes is < 0 or > 64L << 30 ? throw KitInputException.For(Fmt($"must be between 0 and 64 GiB, not {bytes}"), parameter: "liveBytes") : this with { LiveBytes = bytes };

    /// <summary>A copy with another allocation rate (bytes/s, &gt; 0 and ≤ 64 GiB/s).</summary>
    public ProcessConfig WithAllocRate(double bytesPerSecond) =>
        !(bytesPerSecond > 0 && bytesPerSecond <= 64.0 * (1L << 30))
            ? throw KitInputException.For(Fmt($"must be > 0 and ≤ 64 GiB/s, not {bytesPerSecond}"), parameter: "allocRate")
            : this with { AllocBytesPerSecond = bytesPerSecond };

    /// <summary>A copy with another object size (8 B … 1 GiB).</summary>
    public ProcessConfig WithObjectSize(long bytes) =>
        bytes is < 8 or > 1L << 30 ? throw KitInputException.For(Fmt($"must be between 8 B and 1 GiB, not {bytes}"), parameter: "objectSize") : this with { ObjectSize = bytes };

    /// <summary>A copy with another number of goroutines (1 … 10 million).</summary>
    public ProcessConfig WithGoroutines(int n) =>
        n is < 1 or > 10_000_000 ? throw KitInputException.For(Fmt($"must be between 1 and 10000000, not {n}"), parameter: "goroutines") : this with { Goroutines = n };

    /// <summary>A copy with another scheduling rate (transitions/s, 0 … 10 million) and median latency (ns, &gt; 0).</summary>
    public ProcessConfig WithScheduling(double transitionsPerSecond, double medianLatencyNs) =>
        !(transitionsPerSecond is >= 0 and <= 1e7) ? throw KitInputException.For(Fmt($"must be between 0 and 1e7 per second, not {transitionsPerSecond}"), parameter: "transitionsPerSecond")
        : !(medianLatencyNs > 0 && medianLatencyNs < 1e12) ? throw KitInputException.For(Fmt($"must be > 0 ns and < 1000 s, not {medianLatencyNs}"), parameter: "medianLatencyNs")
        : this with { SchedTransitionsPerSecond = transitionsPerSecond, SchedLatencyMedianNs = medianLatencyNs };

    /// <summary>A copy with another median stop-the-world pause (ns, &gt; 0 and &lt; 10 s).</summary>
    public ProcessConfig WithPauseMedian(double ns) =>
        !(ns > 0 && ns < 1e10) ? throw KitInputException.For(Fmt($"must be > 0 and < 1e10 ns, not {ns}"), parameter: "pauseMedianNs") : this with { PauseMedianNs = ns };

    /// <summary>A copy with another marking speed (bytes per core-second, &gt; 0).</summary>
    public ProcessConfig WithScanRate(double bytesPerCoreSecond) =>
        !(bytesPerCoreSecond > 0) || double.IsInfinity(bytesPerCoreSecond)
            ? throw KitInputException.For(Fmt($"must be > 0, not {bytesPerCoreSecond}"), parameter: "scanRate")
            : this with { ScanBytesPerCoreSecond = bytesPerCoreSecond };

    /// <summary>A copy with another seed.</summary>
    public ProcessConfig WithSeed(int seed) => this with { Seed = seed };

    /// <inheritdoc/>
    public override string ToString() => Fmt(
        $"go{Version.Major}.{Version.Minor} GOGC={GoGcSetting.Format(Gogc)} GOMEMLIMIT={Gc.Pacer.MemoryLimit.Format(MemoryLimit)} GOMAXPROCS={Procs}, live {LiveBytes >> 20} MiB, alloc {AllocBytesPerSecond / (1 << 20):0.#} MiB/s, {Goroutines} goroutines, seed {Seed}");

    private static string Fmt(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
}
