// Mirrors: the two client shapes of data/go/poolprobe (runHTTP/runSQL): waves and closed-loop workers.
namespace GoRuntimeLab.NetPool;

/// <summary>How the concurrent requests of a pool workload are issued.</summary>
public enum WorkloadPattern
{
    /// <summary>
    /// Waves: <c>Concurrency</c> requests start together, the next wave starts when all of them have finished (plus
    /// the think time). Every connection is back in the pool before anyone asks again, so the idle cap decides.
    /// </summary>
    Waves,

    /// <summary>
    /// Closed loop: <c>Concurrency</c> workers, each sending its next request as soon as the previous one finished
    /// (plus the think time); with no think time a worker takes back the connection it just returned.
    /// </summary>
    ClosedLoop,
}
