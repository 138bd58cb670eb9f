// Mirrors: the client of data/go/poolprobe (runHTTP / runSQL): N requests from C concurrent callers, each reading
// and closing its response (or Rows) so the connection goes back to the pool. Any Go version.
using static System.FormattableString;

namespace GoRuntimeLab.NetPool;

/// <summary>
/// The requests a pool model serves: how many, how many at once, how long the server takes. Immutable; change it with
/// the <c>With*</c> copies, e.g. <c>PoolWorkload.Default.WithConcurrency(50)</c>.
/// </summary>
public sealed record PoolWorkload
{
    /// <summary>300 requests in waves of 10, a constant 10 ms server time, no think time, seed 1 (the recordings' http case).</summary>
    public static PoolWorkload Default { get; } = new();

    /// <summary>Requests in all (1 to 1,000,000).</summary>
    public int Requests { get; private init; } = 300;

    /// <summary>Requests in flight at once: wave size or number of workers (1 to 100,000).</summary>
    public int Concurrency { get; private init; } = 10;

    /// <summary>Waves or closed-loop workers.</summary>
    public WorkloadPattern Pattern { get; private init; } = WorkloadPattern.Waves;

    /// <summary>Server time of one request once it has a connection.</summary>
    public LatencyDistribution Latency { get; private init; } = LatencyDistribution.Constant(TimeSpan.FromMilliseconds(10));

    /// <summary>Pause of a worker after each request (closed loop) or between waves (0 to 1 hour).</summary>
    public TimeSpan Think { get; private init; }

    /// <summary>Closed loop: worker w starts after w × stagger (0 to 1 hour).</summary>
    public TimeSpan Stagger { get; private init; }

    /// <summary>
    /// True: each caller reads the body to EOF and closes it (closes Rows), so the connection is returned. False: it
    /// never does, and the connection stays busy for ever (the classic leak: no reuse).
    /// </summary>
    public bool ReleasesConnections { get; private init; } = true;

    /// <summary>Seed of the latency draws: same seed ⇒ same result.</summary>
    public int Seed { get; private init; } = 1;

    public PoolWorkload WithRequests(int requests) => requests is >= 1 and <= 1_000_000
        ? this with { Requests = requests }
        : throw KitInputException.For(Invariant($"must be 1 to 1000000 (got {requests})"), parameter: "requests");

    public PoolWorkload WithConcurrency(int concurrency) => concurrency is >= 1 and <= 100_000
        ? this with { Concurrency = concurrency }
        : throw KitInputException.For(Invariant($"must be 1 to 100000 (got {concurrency})"), parameter: "concurrency");

    public PoolWorkload WithPattern(WorkloadPattern pattern) => Enum.IsDefined(pattern)
        ? this with { Pattern = pattern }
        : throw KitInputException.For($"unknown pattern {(int)pattern}", parameter: "pattern");

    public PoolWorkload WithLatency(LatencyDistribution latency) => this with { Latency = latency ?? throw new ArgumentNullException(nameof(latency)) };

    public PoolWorkload WithThink(TimeSpan think) => this with { Think = CheckSpan(think, "think") };

    public PoolWorkload WithStagger(TimeSpan stagger) => this with { Stagger = CheckSpan(stagger, "stagger") };

    public PoolWorkload WithReleasesConnections(bool releases) => this with { ReleasesConnections = releases };

    public PoolWorkload WithSeed(int seed) => this with { Seed = seed };

    internal static TimeSpan CheckSpan(TimeSpan value, string parameter) =>
        value >= TimeSpan.Zero && value <= TimeSpan.FromHours(1)
            ? value
            : throw KitInputException.For(Invariant($"must be 0 to 1 hour (got {value.TotalMilliseconds} ms)"), parameter: parameter);

    internal static long Ns(TimeSpan span) => span.Ticks * 100L;
}
