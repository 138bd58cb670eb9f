// Mirrors: what a real run shows of net/http.Transport's pool: the server's accepted connections (ConnState
// StateNew), httptrace.GotConnInfo.Reused, and why connections were closed (transport.go's errors:
// errTooManyIdleHost, errTooManyIdle, errIdleConnTimeout, errKeepAlivesDisabled).
namespace GoRuntimeLab.NetPool;

/// <summary>What a simulated <c>http.Transport</c> did for a workload.</summary>
/// <param name="Config">The transport's settings.</param>
/// <param name="Workload">The requests served.</param>
/// <param name="Requests">Requests completed.</param>
/// <param name="Dials">Connections dialed: what a server counts as accepted.</param>
/// <param name="Reused">Requests whose connection had been through the idle pool before (GotConnInfo.Reused).</param>
/// <param name="DialsHandedOn">Dials whose connection was not used by the request that started them: that request
/// took a connection freed meanwhile, and the new one went to the idle pool (or was closed).</param>
/// <param name="ClosedIdleOverflow">Closed on return because the host already had MaxIdleConnsPerHost idle (errTooManyIdleHost).</param>
/// <param name="ClosedIdleLru">Closed as the oldest idle connection past MaxIdleConns (errTooManyIdle).</param>
/// <param name="ClosedIdleTimeout">Closed after IdleConnTimeout idle.</param>
/// <param name="ClosedNoKeepAlive">Closed after one request because keep-alives are off.</param>
/// <param name="WaitedForConnsPerHost">Requests that queued because MaxConnsPerHost connections existed.</param>
/// <param name="MaxOpen">Most connections open at once (dialing excluded).</param>
/// <param name="IdleAtEnd">Idle connections left in the pool.</param>
/// <param name="BusyAtEnd">Connections still held at the end: bodies never closed (leaked).</param>
/// <param name="DurationMs">Simulated time from the first request to the last response.</param>
/// <param name="Latency">Request latencies.</param>
/// <param name="Records">Every request.</param>
public sealed record TransportPoolResult(
    TransportPoolConfig Config,
    PoolWorkload Workload,
    int Requests,
    int Dials,
    int Reused,
    int DialsHandedOn,
    int ClosedIdleOverflow,
    int ClosedIdleLru,
    int ClosedIdleTimeout,
    int ClosedNoKeepAlive,
    int WaitedForConnsPerHost,
    int MaxOpen,
    int IdleAtEnd,
    int BusyAtEnd,
    double DurationMs,
    LatencySummary Latency,
    IReadOnlyList<PoolRequestRecord> Records)
{
    /// <summary>Connections closed during the run, for any reason.</summary>
    public int Closed => ClosedIdleOverflow + ClosedIdleLru + ClosedIdleTimeout + ClosedNoKeepAlive;

    /// <summary>Reused requests over all requests (0–1).</summary>
    public double ReuseRatio => Requests == 0 ? 0 : (double)Reused / Requests;
}
