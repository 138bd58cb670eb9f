using GoRuntimeLab.NetPool;

namespace GoRuntimeLab.Tests.NetPool;

/// <summary>The database/sql model's rules, each against the sql.go behaviour it mirrors.</summary>
public class SqlPoolSimulatorTests
{
    private static readonly PoolWorkload Loop = PoolWorkload.Default.WithPattern(WorkloadPattern.ClosedLoop)
        .WithLatency(LatencyDistribution.Constant(TimeSpan.FromMilliseconds(2)));

    [Fact]
    public void SetMaxIdleConns_semantics()
    {
        Assert.Equal(2, SqlPoolConfig.Default.EffectiveMaxIdle);                          // defaultMaxIdleConns
        Assert.Equal(0, SqlPoolConfig.Default.WithMaxIdleConns(0).EffectiveMaxIdle);       // n <= 0 ⇒ maxIdleCount = -1
        Assert.Equal(5, SqlPoolConfig.Default.WithMaxIdleConns(10).WithMaxOpenConns(5).EffectiveMaxIdle); // synced to maxOpen
        Assert.Equal(1, SqlPoolConfig.Default.WithMaxOpenConns(1).EffectiveMaxIdle);
        Assert.Equal(0, SqlPoolConfig.Default.WithMaxOpenConns(-3).MaxOpenConns);
    }

    [Fact]
    public void MaxOpen_makes_callers_wait_and_hands_returned_connections_to_them()
    {
        var r = SqlPoolSimulator.Run(SqlPoolConfig.Default.WithMaxOpenConns(2), Loop.WithRequests(100).WithConcurrency(4));
        Assert.Equal(2, r.Opened);
        Assert.Equal(2, r.MaxOpen);
        Assert.Equal(98, r.Stats.WaitCount);
        Assert.Equal(0, r.Stats.MaxIdleClosed);
        Assert.Equal(2, r.Stats.Idle);
        Assert.Equal(100, r.DurationMs, 6);          // 100 queries, 2 at a time, 2 ms each
        Assert.Equal(4.0, r.Latency.P50Ms, 6);       // every waiter waits one query
        Assert.Equal(98 * 2.0, r.Stats.WaitDurationMs, 6);
    }

    [Fact]
    public void Waiters_are_served_in_random_order_but_the_seed_fixes_it()
    {
        var workload = Loop.WithRequests(60).WithConcurrency(6);
        var a = SqlPoolSimulator.Run(SqlPoolConfig.Default.WithMaxOpenConns(1).WithSeed(1), workload);
        var b = SqlPoolSimulator.Run(SqlPoolConfig.Default.WithMaxOpenConns(1).WithSeed(1), workload);
        var c = SqlPoolSimulator.Run(SqlPoolConfig.Default.WithMaxOpenConns(1).WithSeed(2), workload);
        Assert.Equal(a.Records, b.Records);
        Assert.NotEqual(a.Records.Select(r => r.Caller), c.Records.Select(r => r.Caller));
        Assert.Equal(a.Stats.WaitCount, c.Stats.WaitCount);
    }

    [Fact]
    public void ConnMaxLifetime_closes_old_connections_on_return_and_reopens()
    {
        var config = SqlPoolConfig.Default.WithConnMaxLifetime(TimeSpan.FromMilliseconds(10));
        var r = SqlPoolSimulator.Run(config, Loop.WithRequests(100).WithConcurrency(1));
        // One connection serves queries until it is older than 10 ms when returned (the 6th query ends at 12 ms).
        Assert.Equal(100 / 6 + 1, r.Opened);
        Assert.Equal(r.Opened - 1, r.Stats.MaxLifetimeClosed);
    }

    [Fact]
    public void ConnMaxIdleTime_cleaner_runs_at_most_once_a_second()
    {
        // Two queries per wave, waves 3 s apart: a connection idle longer than 500 ms is closed by the cleaner, which
        // wakes every max(500 ms, 1 s) = 1 s (connectionCleaner's minInterval).
        var workload = PoolWorkload.Default.WithRequests(6).WithConcurrency(2).WithThink(TimeSpan.FromSeconds(3))
            .WithLatency(LatencyDistribution.Constant(TimeSpan.FromMilliseconds(2)));
        var r = SqlPoolSimulator.Run(SqlPoolConfig.Default.WithConnMaxIdleTime(TimeSpan.FromMilliseconds(500)), workload);
        Assert.Equal(6, r.Opened);
        Assert.Equal(4, r.Stats.MaxIdleTimeClosed); // the last wave's two are still idle when the run ends
        Assert.Equal(2, r.Stats.Idle);
        var none = SqlPoolSimulator.Run(SqlPoolConfig.Default, workload);
        Assert.Equal(2, none.Opened);
    }

    [Fact]
    public void Rows_never_closed_leak_every_connection()
    {
        var r = SqlPoolSimulator.Run(SqlPoolConfig.Default.WithMaxOpenConns(3), Loop.WithRequests(10).WithConcurrency(1).WithReleasesConnections(false));
        Assert.Equal(3, r.Opened);
        Assert.Equal(3, r.Requests);   // the fourth query waits for ever: the pool is exhausted
        Assert.Equal(3, r.Stats.InUse);
        Assert.Equal(1, r.Stats.WaitCount);
    }

    [Fact]
    public void Bad_settings_are_refused()
    {
        Assert.Equal("ConnMaxLifetime", Assert.Throws<KitInputException>(() => SqlPoolConfig.Default.WithConnMaxLifetime(TimeSpan.FromDays(2))).Parameter);
        Assert.Equal("version", Assert.Throws<KitInputException>(() => SqlPoolConfig.Default.WithVersion(new GoVersion(1, 24))).Parameter);
        Assert.Equal("SqlPoolConfig.MaxEvents", Assert.Throws<SimulationBudgetException>(() =>
            SqlPoolSimulator.Run(SqlPoolConfig.Default.WithMaxEvents(10), Loop)).Parameter);
    }

    [Fact]
    public void Recording_lines_that_are_not_cases_name_the_file_and_line()
    {
        var e = Assert.Throws<KitInputException>(() => PoolProbeRecording.Parse("{\"mode\":\"http\",\"pattern\":\"waves\",\"concurrency\":1,\"requests\":1}\nnot json\n", "x.txt"));
        Assert.Equal(("x.txt", 2), (e.FilePath, e.Line));
        Assert.Throws<KitInputException>(() => PoolProbeRecording.Parse("{\"mode\":\"ftp\",\"concurrency\":1,\"requests\":1}", "y.txt"));
    }
}
