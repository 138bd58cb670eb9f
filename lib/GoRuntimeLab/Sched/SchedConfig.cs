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

    public SchedConfig WithCosts(SchedCosts costs) => this with { Costs = costs ?? throw KitInputException.For("costs must not be null", parameter: "costs") };

    public override string ToString() =>
        Invariant($"GOMAXPROCS={Procs} {Version} seed={Seed} asyncpreempt={(AsyncPreemptionActive ? "on" : "off")} maxTime={GoDuration.Format(MaxTime)}") +
        (SchedTrace > 0 ? $" schedtrace={GoDuration.Format(SchedTrace)}{(SchedDetail ? ",scheddetail=1" : "")}" : "");
}
