// Mirrors: one JSON line of data/go/poolprobe (its httpResult / sqlResult structs): a real net/http Transport
// against a 127.0.0.1 server counting accepted connections (ConnState StateNew), or a real database/sql DB over a
// fake driver counting Open calls. Go 1.19–1.23.
namespace GoRuntimeLab.NetPool;

/// <summary>One measured case of the real pools, and the model inputs that describe the same run.</summary>
/// <param name="Mode">"http" or "sql".</param>
/// <param name="Pattern">"waves" or "loop".</param>
/// <param name="Concurrency">Requests at once.</param>
/// <param name="Requests">Requests in all.</param>
/// <param name="LatencyMs">The handler's (or Exec's) sleep.</param>
/// <param name="ThinkMs">Pause between a worker's requests, or between waves.</param>
/// <param name="StaggerMs">Closed loop: worker start offset.</param>
/// <param name="CloseBody">http: bodies read and closed (false: the leak case).</param>
/// <param name="MaxIdleConnsPerHost">http: Transport.MaxIdleConnsPerHost.</param>
/// <param name="Accepted">http: connections the server accepted.</param>
/// <param name="GotConnNew">http: requests httptrace saw get a connection with Reused false.</param>
/// <param name="GotConnReused">http: requests that got a reused connection.</param>
/// <param name="DialMeanUs">http: mean TCP connect time (ConnectStart → ConnectDone).</param>
/// <param name="MaxOpen">sql: SetMaxOpenConns.</param>
/// <param name="MaxIdle">sql: SetMaxIdleConns, null when never called.</param>
/// <param name="DriverOpens">sql: driver Open calls.</param>
/// <param name="WaitCount">sql: DBStats.WaitCount.</param>
/// <param name="MaxIdleClosed">sql: DBStats.MaxIdleClosed.</param>
/// <param name="IdleAtEnd">sql: DBStats.Idle before Close.</param>
/// <param name="P50Ms">Median request latency.</param>
/// <param name="P99Ms">99th percentile.</param>
/// <param name="Go">runtime.Version() of the run.</param>
public sealed record PoolProbeCase(string Mode, string Pattern, int Concurrency, int Requests, double LatencyMs, double ThinkMs, double StaggerMs,
    bool CloseBody, int MaxIdleConnsPerHost, int Accepted, int GotConnNew, int GotConnReused, double DialMeanUs,
    int MaxOpen, int? MaxIdle, int DriverOpens, long WaitCount, long MaxIdleClosed, int IdleAtEnd, double P50Ms, double P99Ms, string Go)
{
    /// <summary>The connections the real run opened: server-accepted (http) or driver Opens (sql).</summary>
    public int Opened => Mode == "http" ? Accepted : DriverOpens;

    /// <summary>A short label: "http waves k=2 c=10", "sql loop open=5 idle=default c=50".</summary>
    public string Label => Mode == "http"
        ? $"http {Pattern} k={MaxIdleConnsPerHost} c={Concurrency}{(CloseBody ? "" : " body-not-closed")}"
        : $"sql {Pattern} open={MaxOpen} idle={(MaxIdle is { } i ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "default")} c={Concurrency}";

    /// <summary>The same requests as a model workload (constant latency; seed 1).</summary>
    public PoolWorkload ToWorkload() => PoolWorkload.Default
        .WithRequests(Requests)
        .WithConcurrency(Concurrency)
        .WithPattern(Pattern == "waves" ? WorkloadPattern.Waves : WorkloadPattern.ClosedLoop)
        .WithLatency(LatencyDistribution.Constant(TimeSpan.FromMilliseconds(LatencyMs)))
        .WithThink(TimeSpan.FromMilliseconds(ThinkMs))
        .WithStagger(TimeSpan.FromMilliseconds(StaggerMs))
        .WithReleasesConnections(CloseBody);

    /// <summary>The client's Transport: <c>&amp;http.Transport{MaxIdleConnsPerHost: k}</c>, with the measured mean dial time.</summary>
    public TransportPoolConfig ToTransportConfig() => TransportPoolConfig.Default
        .WithMaxIdleConnsPerHost(MaxIdleConnsPerHost)
        .WithDialCost(TimeSpan.FromMilliseconds(Math.Clamp(DialMeanUs, 0, 3_600_000_000) / 1000.0));

    /// <summary>The DB's settings: SetMaxOpenConns, and SetMaxIdleConns when it was called.</summary>
    public SqlPoolConfig ToSqlConfig()
    {
        var config = SqlPoolConfig.Default.WithMaxOpenConns(MaxOpen);
        return MaxIdle is { } idle ? config.WithMaxIdleConns(idle) : config;
    }
}
