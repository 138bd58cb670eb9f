// Mirrors: the runtime settings a Go process starts with (GOGC: runtime/mgcpacer.go readGOGC; GOMEMLIMIT: readGOMEMLIMIT;
// GOMAXPROCS) plus the simulator's cost constants, which are measurements of this kit's gcload runs, not Go source.
using System.Globalization;
using GoRuntimeLab.Gc.Pacer;

namespace GoRuntimeLab.Gc.Simulation;

/// <summary>
/// How <see cref="GcSimulator"/> runs a <see cref="GcWorkload"/>: the Go settings (GOGC, GOMEMLIMIT, GOMAXPROCS, the
/// Go version whose pacer is used), the seed, and the machine costs that Go's source cannot give (how fast a core
/// marks, how long the two stop-the-world pauses take). Immutable: <c>GcSimOptions.Default.WithGogc(200)</c>.
/// </summary>
public sealed record GcSimOptions
{
    /// <summary>GOGC=100, no memory limit, GOMAXPROCS=2, the newest modelled Go, seed 1, costs measured with gcload.</summary>
    public static GcSimOptions Default { get; } = new();

    /// <summary>The Go settings: GOGC, GOMEMLIMIT, GOMAXPROCS (default 2) and the Go release (one grammar: <see cref="GoSettings"/>).</summary>
    public GoSettings Settings { get; private init; } = GoSettings.Default.WithProcs(2);

    /// <summary>GOGC; -1 is "off".</summary>
    public int Gogc => Settings.Gogc;

    /// <summary>GOMEMLIMIT in bytes; <see cref="MemoryLimit.None"/> (math.MaxInt64) is "off".</summary>
    public long MemoryLimit => Settings.MemoryLimit;

    /// <summary>GOMAXPROCS.</summary>
    public int Procs => Settings.Procs;

    /// <summary>The Go release whose pacer (and memory-limit headroom, cons/mark smoothing) is used.</summary>
    public GoVersion Version => Settings.Version;

    /// <summary>Seed of the jitter applied to mark speed and pauses; the same seed gives the same run.</summary>
    public int Seed { get; private init; } = 1;

    /// <summary>
    /// Runtime memory outside the heap (GC metadata, spans, stacks, free-but-unusable span space), which counts
    /// against GOMEMLIMIT. Null: <see cref="NonHeapEstimate"/> for the version.
    /// </summary>
    public long? OtherMemBytes { get; private init; }

    /// <summary>
    /// Bytes of pointerful heap one core marks per second; null: <see cref="DefaultScanRate"/> for the version.
    /// </summary>
    public double? ScanBytesPerCoreSecondOverride { get; private init; }

    /// <summary>The marking speed in use: the override, or the measured default for <see cref="Version"/>.</summary>
    public double ScanBytesPerCoreSecond => ScanBytesPerCoreSecondOverride ?? DefaultScanRate(Version);

    /// <summary>
    /// Mutator CPU per allocated byte (ns): decides how many Ps are left idle for idle mark workers, how much mutator
    /// time drains the CPU limiter's bucket, and how fast a program behind its pace can catch up. Default: the median
    /// over the gcload recordings of (GOMAXPROCS − (assist + background + idle mark CPU) ÷ mark wall time) ÷ the
    /// allocation rate, ≈1.5 ns per byte on both Go versions (it includes write barriers and the VM's other load).
    /// </summary>
    public double MutatorNsPerByte { get; private init; } = 1.5;

    /// <summary>Sweep termination (STW 1) wall time (ns).</summary>
    public long SweepTermPauseNs { get; private init; } = 20_000;

    /// <summary>Mark termination (STW 2) wall time (ns).</summary>
    public long MarkTermPauseNs { get; private init; } = 20_000;

    /// <summary>Relative run-to-run noise on mark speed and pauses, per cycle (0 = none).</summary>
    public double Jitter { get; private init; } = 0.05;

    /// <summary>
    /// Budget: the most simulation steps (heap-growth steps outside marking plus marking steps) one run may take, setup
    /// included. Default 10 million, about two seconds of CPU; the recorded workloads need under 1 million (marking steps
    /// are 50 µs, or 1/20000 of a long mark phase; growth steps 1 ms, or 1/200000 of a long run). Exceeding it throws
    /// <see cref="SimulationBudgetException"/> naming <c>GcSimOptions.MaxSteps</c> — as soon as the run's pace so far
    /// projects more than twice the budget — so a run is never cut short silently.
    /// </summary>
    public long MaxSteps { get; private init; } = DefaultMaxSteps;

    /// <summary>The default <see cref="MaxSteps"/>.</summary>
    public const long DefaultMaxSteps = 10_000_000;

    /// <summary>
    /// Budget: the most GC cycles one run may record (setup cycles included), which bounds the result's memory (each
    /// cycle keeps its gctrace line). Default 200,000 (≈100 MB at most); 5 s of the recorded gcload runs take about
    /// 30. Exceeding it throws <see cref="SimulationBudgetException"/> naming <c>GcSimOptions.MaxCycles</c>.
    /// </summary>
    public int MaxCycles { get; private init; } = DefaultMaxCycles;

    /// <summary>The default <see cref="MaxCycles"/>.</summary>
    public const int DefaultMaxCycles = 200_000;

    /// <summary>
    /// Measured marking speed: the median, over every cycle of the GOGC-only gcload recordings of that Go release in
    /// data/recordings/gc, of (live heap scanned: objects, their boxed slice headers and holder slots) ÷ (assist +
    /// background + idle mark CPU from the gctrace line): 766 MB/s per core for Go 1.19.8 (446 cycles), 528 MB/s for
    /// Go 1.23.5 (416 cycles); 1 KiB objects full of pointers, 2-core VM. Go 1.22+ is used for 1.22 and 1.23, 1.19 for
    /// the others.
    /// </summary>
    public static double DefaultScanRate(GoVersion version) => version.AtLeast(GoVersion.Go1_22) ? 528e6 : 766e6;

    /// <summary>A copy with other Go settings; the release must be one the pacer models (1.19 … 1.23).</summary>
    public GcSimOptions WithSettings(GoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        GcConfig.ValidateVersion(settings.Version);
        return this with { Settings = settings };
    }

    /// <summary>A copy with another GOGC (any negative value = off).</summary>
    public GcSimOptions WithGogc(int gogc) => this with { Settings = Settings.WithGogc(gogc) };

    /// <summary>A copy with GOGC in Go's syntax ("200", "off").</summary>
    public GcSimOptions WithGogc(string gogc) => this with { Settings = Settings.WithGogc(gogc) };

    /// <summary>A copy with another memory limit (bytes ≥ 0, or <see cref="MemoryLimit.None"/>).</summary>
    public GcSimOptions WithMemoryLimit(long bytes) => this with { Settings = Settings.WithMemoryLimit(bytes) };

    /// <summary>A copy with a memory limit in Go's syntax ("64MiB", "off").</summary>
    public GcSimOptions WithMemoryLimit(string limit) => this with { Settings = Settings.WithMemoryLimit(limit) };

    /// <summary>A copy with another GOMAXPROCS (1 … <see cref="GoSettings.MaxProcs"/>).</summary>
    public GcSimOptions WithProcs(int procs) => this with { Settings = Settings.WithProcs(procs) };

    /// <summary>A copy modelling another Go release (1.19 … 1.23).</summary>
    public GcSimOptions WithVersion(GoVersion version) => WithSettings(Settings.WithVersion(version));

    /// <summary>A copy modelling another Go release, e.g. "1.19".</summary>
    public GcSimOptions WithVersion(string version) => WithVersion(GoSettings.ParseVersion(version));

    /// <summary>A copy with another seed.</summary>
    public GcSimOptions WithSeed(int seed) => this with { Seed = seed };

    /// <summary>A copy with the non-heap memory fixed (bytes ≥ 0), or null for the estimate.</summary>
    public GcSimOptions WithOtherMem(long? bytes) =>
        bytes is < 0 or > GcWorkload.MaxBytes
            ? throw KitInputException.For($"must be between 0 bytes and 1 TiB, not {bytes}", parameter: "otherMem")
            : this with { OtherMemBytes = bytes };

    /// <summary>A copy with another simulation-step budget (≥ 1000).</summary>
    public GcSimOptions WithMaxSteps(long steps) =>
        steps < 1000 ? throw KitInputException.For($"must be ≥ 1000, not {steps}", parameter: "GcSimOptions.MaxSteps") : this with { MaxSteps = steps };

    /// <summary>A copy with another GC-cycle budget (≥ 1).</summary>
    public GcSimOptions WithMaxCycles(int cycles) =>
        cycles < 1 ? throw KitInputException.For($"must be ≥ 1, not {cycles}", parameter: "GcSimOptions.MaxCycles") : this with { MaxCycles = cycles };

    // A core marks between 1 MB/s and 1 TB/s: the measured 0.5–0.8 GB/s sits in the middle; below 1 MB/s a 1 TiB heap's
    // mark phase would outlast the simulated clock, above 1 TB/s no memory system keeps up.
    private const double MinScanRate = 1e6, MaxScanRate = 1e12;

    /// <summary>A copy with another marking speed (bytes per core-second, 1e6 … 1e12).</summary>
    public GcSimOptions WithScanRate(double bytesPerCoreSecond) =>
        !(bytesPerCoreSecond is >= MinScanRate and <= MaxScanRate)
            ? throw KitInputException.For($"must be between {MinScanRate:0e0} and {MaxScanRate:0e0} bytes per core-second, not {bytesPerCoreSecond}", parameter: "scanRate")
            : this with { ScanBytesPerCoreSecondOverride = bytesPerCoreSecond };

    /// <summary>A copy with another mutator cost per allocated byte (0 … 1000 ns: a byte costs the measured 1.5 ns, not µs).</summary>
    public GcSimOptions WithMutatorNsPerByte(double ns) =>
        !(ns is >= 0 and <= 1000) ? throw KitInputException.For($"must be between 0 and 1000 ns per byte, not {ns}", parameter: "mutatorNsPerByte") : this with { MutatorNsPerByte = ns };

    /// <summary>A copy with other stop-the-world pause times (0 … 10 s each; Go's are tens of µs).</summary>
    public GcSimOptions WithPauses(long sweepTermNs, long markTermNs) =>
        sweepTermNs is < 0 or > 10_000_000_000 || markTermNs is < 0 or > 10_000_000_000
            ? throw KitInputException.For("pause times must be between 0 and 10 s", parameter: "pauses")
            : this with { SweepTermPauseNs = sweepTermNs, MarkTermPauseNs = markTermNs };

    /// <summary>A copy with another jitter (0 ≤ j &lt; 0.5).</summary>
    public GcSimOptions WithJitter(double jitter) =>
        jitter is < 0 or >= 0.5 || double.IsNaN(jitter) ? throw KitInputException.For($"must be in [0, 0.5), not {jitter}", parameter: "jitter") : this with { Jitter = jitter };

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"go{Version.Major}.{Version.Minor} GOGC={GoGcSetting.Format(Gogc)} GOMEMLIMIT={Pacer.MemoryLimit.Format(MemoryLimit)} GOMAXPROCS={Procs} seed={Seed}");
}
