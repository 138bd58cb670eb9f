// Mirrors: database/sql's pool settings, src/database/sql/sql.go (Go 1.19–1.23): DB.SetMaxOpenConns,
// DB.SetMaxIdleConns (never called ⇒ defaultMaxIdleConns = 2; n ≤ 0 ⇒ none kept; capped at MaxOpen),
// DB.SetConnMaxLifetime, DB.SetConnMaxIdleTime (1.15+).
// Simplified: the driver's Open always succeeds after OpenCost; no session reset, no context cancellation.
using static System.FormattableString;

namespace GoRuntimeLab.NetPool;

/// <summary>
/// A <c>*sql.DB</c>'s pool settings, as the setters leave them. <see cref="Default"/> is a fresh <c>sql.Open</c>:
/// no open limit, 2 idle, no lifetime. Immutable; change it with the <c>With*</c> copies (named after the setters).
/// </summary>
public sealed record SqlPoolConfig
{
    /// <summary>sql.go: <c>const defaultMaxIdleConns = 2</c>, used while SetMaxIdleConns was never called.</summary>
    public const int DefaultMaxIdleConns = 2;

    /// <summary>A fresh DB: MaxOpen 0 (no limit), MaxIdle unset (2), no lifetime or idle time.</summary>
    public static SqlPoolConfig Default { get; } = new();

    /// <summary>SetMaxOpenConns (0 = no limit).</summary>
    public int MaxOpenConns { get; private init; }

    /// <summary>SetMaxIdleConns as called; null while never called (then 2).</summary>
    public int? MaxIdleConns { get; private init; }

    /// <summary>SetConnMaxLifetime (0 = for ever): older connections are closed when returned, taken, or by the cleaner.</summary>
    public TimeSpan ConnMaxLifetime { get; private init; }

    /// <summary>SetConnMaxIdleTime (0 = for ever): the cleaner closes connections idle longer.</summary>
    public TimeSpan ConnMaxIdleTime { get; private init; }

    /// <summary>Time the driver takes to open a connection.</summary>
    public TimeSpan OpenCost { get; private init; }

    /// <summary>The Go release modelled (1.19–1.23). The wait queue is a map in 1.19–1.22 (the first key a range
    /// yields) and connRequestSet.TakeRandom in 1.23: a random waiter either way, drawn here from the seed.</summary>
    public GoVersion Version { get; private init; } = GoVersion.Latest;

    /// <summary>Seed of the choice of waiter.</summary>
    public int Seed { get; private init; } = 1;

    /// <summary>Budget: simulation events. Default 5,000,000.</summary>
    public long MaxEvents { get; private init; } = 5_000_000;

    /// <summary>sql.go maxIdleConnsLocked, after SetMaxOpenConns/SetMaxIdleConns' sync: idle connections kept.</summary>
    public int EffectiveMaxIdle
    {
        get
        {
            var idle = MaxIdleConns switch { null => DefaultMaxIdleConns, <= 0 => 0, var n => n.Value };
            return MaxOpenConns > 0 ? Math.Min(idle, MaxOpenConns) : idle;
        }
    }

    /// <summary>DB.SetMaxOpenConns: n ≤ 0 means no limit (stored as 0).</summary>
    public SqlPoolConfig WithMaxOpenConns(int n) => this with { MaxOpenConns = Math.Max(n, 0) };

    /// <summary>DB.SetMaxIdleConns: n ≤ 0 keeps none.</summary>
    public SqlPoolConfig WithMaxIdleConns(int n) => this with { MaxIdleConns = n };

    public SqlPoolConfig WithConnMaxLifetime(TimeSpan d) => this with { ConnMaxLifetime = d <= TimeSpan.Zero ? TimeSpan.Zero : PoolWorkload.CheckSpan(d, "ConnMaxLifetime") };

    public SqlPoolConfig WithConnMaxIdleTime(TimeSpan d) => this with { ConnMaxIdleTime = d <= TimeSpan.Zero ? TimeSpan.Zero : PoolWorkload.CheckSpan(d, "ConnMaxIdleTime") };

    public SqlPoolConfig WithOpenCost(TimeSpan cost) => this with { OpenCost = PoolWorkload.CheckSpan(cost, "openCost") };

    public SqlPoolConfig WithSeed(int seed) => this with { Seed = seed };

    public SqlPoolConfig WithVersion(GoVersion version) => new GoVersion(version.Major, version.Minor) is var release && release >= GoVersion.Go1_19 && release <= GoVersion.Latest
        ? this with { Version = version }
        : throw KitInputException.For($"{version} is not modelled ({GoVersion.Go1_19} to {GoVersion.Latest})", parameter: GoSettings.VersionName);

    public SqlPoolConfig WithMaxEvents(long events) => events >= 1
        ? this with { MaxEvents = events }
        : throw KitInputException.For(Invariant($"must be ≥ 1 (got {events})"), parameter: "SqlPoolConfig.MaxEvents");
}
