// Mirrors: database/sql.DBStats (src/database/sql/sql.go, Go 1.19–1.23), taken at the end of the run.
namespace GoRuntimeLab.NetPool;

/// <summary>The simulated <c>db.Stats()</c> after the last query.</summary>
/// <param name="MaxOpenConnections">SetMaxOpenConns (0 = no limit).</param>
/// <param name="OpenConnections">Open connections, in use or idle.</param>
/// <param name="InUse">Connections in use (leaked when Rows are never closed).</param>
/// <param name="Idle">Idle connections.</param>
/// <param name="WaitCount">Queries that waited for a connection.</param>
/// <param name="WaitDurationMs">Their total wait.</param>
/// <param name="MaxIdleClosed">Closed because the idle list was full (SetMaxIdleConns).</param>
/// <param name="MaxIdleTimeClosed">Closed by the cleaner after SetConnMaxIdleTime.</param>
/// <param name="MaxLifetimeClosed">Closed because older than SetConnMaxLifetime.</param>
public sealed record SqlPoolStats(int MaxOpenConnections, int OpenConnections, int InUse, int Idle, long WaitCount, double WaitDurationMs,
    long MaxIdleClosed, long MaxIdleTimeClosed, long MaxLifetimeClosed);
