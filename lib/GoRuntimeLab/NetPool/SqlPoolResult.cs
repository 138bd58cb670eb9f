// Mirrors: what a real run shows of database/sql's pool: the driver's Open and Close calls and DBStats.
namespace GoRuntimeLab.NetPool;

/// <summary>What a simulated <c>*sql.DB</c> did for a workload.</summary>
/// <param name="Config">The DB's settings.</param>
/// <param name="Workload">The queries served.</param>
/// <param name="Requests">Queries completed.</param>
/// <param name="Opened">driver.Driver.Open calls (connections opened).</param>
/// <param name="Closed">driver.Conn.Close calls during the run.</param>
/// <param name="Reused">Queries served on a connection that had served one before.</param>
/// <param name="MaxOpen">Most connections open at once.</param>
/// <param name="Stats">db.Stats() at the end.</param>
/// <param name="DurationMs">Simulated time from the first query to the last.</param>
/// <param name="Latency">Query latencies, waits included.</param>
/// <param name="Records">Every query.</param>
public sealed record SqlPoolResult(SqlPoolConfig Config, PoolWorkload Workload, int Requests, int Opened, int Closed, int Reused, int MaxOpen,
    SqlPoolStats Stats, double DurationMs, LatencySummary Latency, IReadOnlyList<PoolRequestRecord> Records)
{
    /// <summary>Reused queries over all queries (0–1).</summary>
    public double ReuseRatio => Requests == 0 ? 0 : (double)Reused / Requests;
}
