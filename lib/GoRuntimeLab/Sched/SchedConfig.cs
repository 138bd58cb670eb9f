// Mirrors: the knobs of a Go process that shape scheduling: GOMAXPROCS (procresize), GODEBUG=asyncpreemptoff=1, GODEBUG=schedtrace=X,scheddetail=1 (proc.go), Go 1.13–1.23.
// Simplified: GOMAXPROCS is fixed for the run; the seed replaces the runtime's per-M random seeds.
using static System.FormattableString;

namespace GoRuntimeLab.Sched;

/// <summary>
/// Immutable simulator settings; change them with the <c>With*</c> copies, e.g.
/// <c>SchedConfig.Default.WithProcs(1).WithAsyncPreempt(false)</c>.
/// </summary>
public sealed record SchedConfig
{
    /// <summary>GOMAXPROCS 4, seed 1, the newest modelled Go, async preemption on, 10 s of simulated time at most.</summary>
    public static SchedConfig Default { get; } = new();

    /// <summary>GOMAXPROCS (1–256).</summary>
    public int Procs { get; private init; } = 4;

    /// <summary>Seed of every random choice (steal order, select poll order): same seed ⇒ same result.</summary>
    public ulong Seed { get; private init; } = 1;

    /// <summary>Go release whose behaviour is modelled (1.13 = no async preemption; 1.21+ = needspinning).</summary>
    public GoVersion Version { get; private init; } = GoVersion.Latest;

    /// <summary>False is <c>GODEBUG=asyncpreemptoff=1</c>. Has no effect before Go 1.14 (there is none).</summary>
    public bool AsyncPreempt { get; private init; } = true;

    /// <summary>The simulation stops at this simulated time (ns) if main has not returned.</summary>
    public long MaxTime { get; private init; } = 10_000_000_000;

    /// <summary><c>GODEBUG=schedtrace=X</c> in nanoseconds (0 = off); sysmon prints a line every X.</summary>
    public long SchedTrace { get; private init; }

    /// <summary><c>GODEBUG=scheddetail=1</c>: P, M and G lines after each schedtrace header.</summary>
    public bool SchedDetail { get; private init; }

    /// <summary>Record per-P and per-G timelines and events (turn off for large benchmark runs).</summary>
    public bool RecordTimeline { get; private init; } = true;

    /// <summary>Check the hchan invariants after every channel operation and throw if one breaks (tests).</summary>
    public bool CheckInvariants { get; private init; }

    public SchedCosts Costs { get; private init; } = SchedCosts.Default;

    // Budgets: every run is bounded in work and memory whatever the workload (a `forever` loop, a million goroutines,
    // hours of simulated time). Exceeding one throws SimulationBudgetException naming it ("SchedConfig.MaxEvents"…);
    // a run is never cut short silently. The defaults are far above what the kit's workloads, tests and notebooks
    // need (the largest built-in workload starts about 10,000 goroutines); each is sized to stop a run within a few
    // seconds of CPU and a few hundred MB.

    /// <summary>
    /// Budget: discrete events processed (the simulator's unit of work: 0.2–3 million a second, depending on the
    /// workload). Default 3,000,000; the busiest built-in workload (pingpong-hog) takes about 450,000.
    /// </summary>
    public long MaxEvents { get; private init; } = 3_000_000;

    /// <summary>
    /// Budget: workload statements executed. Zero-time statements (counter updates, prints) run up to 100,000 per event,
    /// so events alone do not bound the work. Default 50,000,000 (≈ 2 s).
    /// </summary>
    public long MaxStatements { get; private init; } = 50_000_000;

    /// <summary>
    /// Budget: goroutines created in one run (each keeps its G, about 600 bytes, and its summary in the result).
    /// Default 250,000: 25 times the largest built-in workload.
    /// </summary>
    public int MaxGoroutines { get; private init; } = 250_000;

    /// <summary>
    /// Budget: records kept for the result: P slices, G spans and scheduler events (when <see cref="RecordTimeline"/>
    /// is on) and schedtrace lines. Default 3,000,000 (≈ 200 MB, plus as much again for a Chrome trace of them); the
    /// busiest built-in workload records about 700,000.
    /// </summary>
    public long MaxRecords { get; private init; } = 3_000_000;

    /// <summary>Budget: lines the workload prints. Default 1,000,000.</summary>
    public long MaxOutputLines { get; private init; } = 1_000_000;

    /// <summary>True when this configuration preempts tight loops asynchronously (Go 1.14+ and not asyncpreemptoff).</summary>
    public bool AsyncPreemptionActive => AsyncPreempt && Version.AtLeast(new GoVersion(1, 14));

    /// <summary>GOMAXPROCS, 1 … <see cref="GoSettings.MaxProcs"/> (the one limit of every model).</summary>
    public SchedConfig WithProcs(int procs) => this with { Procs = GoSettings.Default.WithProcs(procs).Procs };

    /// <summary>The Go settings of this run (GOMAXPROCS and the release; GOGC and GOMEMLIMIT are not modelled here).</summary>
    public GoSettings Settings => GoSettings.Default.WithProcs(Procs).WithVersion(Version);

    /// <summary>A copy with the GOMAXPROCS and release of <paramref name="settings"/> (one grammar: <see cref="GoSettings"/>).</summary>
    public SchedConfig WithSettings(GoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return WithProcs(settings.Procs).WithVersion(settings.Version);
    }

    public SchedConfig WithSeed(ulong seed) => this with { Seed = seed };

    public SchedConfig WithVersion(GoVersion version) => version.AtLeast(new GoVersion(1, 13)) && version <= GoVersion.Latest
        ? this with { Version = version }
        : throw KitInputException.For($"Go {version} is not modelled (1.13 to {GoVersion.Latest})", parameter: GoSettings.VersionName);

    public SchedConfig WithAsyncPreempt(bool on) => this with { AsyncPreempt = on };

    public SchedConfig WithMaxTime(long nanoseconds) => nanoseconds > 0
        ? this with { MaxTime = nanoseconds }
        : throw KitInputException.For(Invariant($"must be positive (got {nanoseconds} ns)"), parameter: "maxTime");

    public SchedConfig WithSchedTrace(long intervalNanoseconds, bool detail = false) => intervalNanoseconds >= 0
        ? this with { SchedTrace = intervalNanoseconds, SchedDetail = detail }
        : throw KitInputException.For(Invariant($"must not be negative (got {intervalNanoseconds} ns)"), parameter: "schedtrace");

    public SchedConfig WithRecordTimeline(bool on) => this with { RecordTimeline = on };

    public SchedConfig WithCheckInvariants(bool on) => this with { CheckInvariants = on };

    /// <summary>A copy with another event budget (≥ 1).</summary>
    public SchedConfig WithMaxEvents(long events) => this with { MaxEvents = AtLeastOne(events, "SchedConfig.MaxEvents") };

    /// <summary>A copy with another statement budget (≥ 1).</summary>
    public SchedConfig WithMaxStatements(long statements) => this with { MaxStatements = AtLeastOne(statements, "SchedConfig.MaxStatements") };

    /// <summary>A copy with another goroutine budget (≥ 1).</summary>
    public SchedConfig WithMaxGoroutines(int goroutines) => this with { MaxGoroutines = (int)AtLeastOne(goroutines, "SchedConfig.MaxGoroutines") };

    /// <summary>A copy with another budget of recorded spans, events and schedtrace lines (≥ 1).</summary>
    public SchedConfig WithMaxRecords(long records) => this with { MaxRecords = AtLeastOne(records, "SchedConfig.MaxRecords") };

    /// <summary>A copy with another budget of printed lines (≥ 1).</summary>
    public SchedConfig WithMaxOutputLines(long lines) => this with { MaxOutputLines = AtLeastOne(lines, "SchedConfig.MaxOutputLines") };

    private static long AtLeastOne(long value, string parameter) =>
        value >= 1 ? value : throw KitInputException.For(Invariant($"must be ≥ 1 (got {value})"), parameter: parameter);

    public SchedConfig WithCosts(SchedCosts costs) => this with { Costs = costs ?? throw KitInputException.For("costs must not be null", parameter: "costs") };

    public override string ToString() =>
        Invariant($"GOMAXPROCS={Procs} {Version} seed={Seed} asyncpreempt={(AsyncPreemptionActive ? "on" : "off")} maxTime={GoDuration.Format(MaxTime)}") +
        (SchedTrace > 0 ? $" schedtrace={GoDuration.Format(SchedTrace)}{(SchedDetail ? ",scheddetail=1" : "")}" : "");
}
