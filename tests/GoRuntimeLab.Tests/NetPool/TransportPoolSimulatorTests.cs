using GoRuntimeLab.NetPool;

namespace GoRuntimeLab.Tests.NetPool;

/// <summary>The Transport model's rules, each against the transport.go behaviour it mirrors.</summary>
public class TransportPoolSimulatorTests
{
    private static readonly PoolWorkload Waves = PoolWorkload.Default.WithRequests(30).WithConcurrency(3);

    [Fact]
    public void DefaultTransport_keeps_idle_connections_90_seconds_and_a_zero_transport_for_ever()
    {
        // transport.go: DefaultTransport has IdleConnTimeout: 90 * time.Second, MaxIdleConns: 100; a zero Transport{} has neither.
        Assert.Equal(TimeSpan.FromSeconds(90), TransportPoolConfig.DefaultTransport.IdleConnTimeout);
        Assert.Equal(100, TransportPoolConfig.DefaultTransport.MaxIdleConns);
        Assert.Equal(TimeSpan.Zero, TransportPoolConfig.Default.IdleConnTimeout);
        Assert.Equal(2, TransportPoolConfig.Default.EffectiveMaxIdleConnsPerHost);
        Assert.Equal(2, TransportPoolConfig.DefaultTransport.EffectiveMaxIdleConnsPerHost);
        Assert.Equal(0, TransportPoolConfig.Default.WithMaxIdleConnsPerHost(-1).EffectiveMaxIdleConnsPerHost);
    }

    [Fact]
    public void The_third_concurrent_requests_connection_is_closed_when_it_finishes()
    {
        var r = TransportPoolSimulator.Run(TransportPoolConfig.Default, Waves);
        Assert.Equal(3 + 9, r.Dials);              // 10 waves: 3, then 1 new per wave
        Assert.Equal(10, r.ClosedIdleOverflow);    // errTooManyIdleHost once per wave
        Assert.Equal(2, r.IdleAtEnd);
        Assert.Equal(18, r.Reused);
        Assert.Equal(0.6, r.ReuseRatio, 6);
        var kept = TransportPoolSimulator.Run(TransportPoolConfig.Default.WithMaxIdleConnsPerHost(3), Waves);
        Assert.Equal(3, kept.Dials);
        Assert.Equal(0, kept.Closed);
    }

    [Fact]
    public void MaxConnsPerHost_queues_requests_and_never_exceeds_the_limit()
    {
        var config = TransportPoolConfig.Default.WithMaxConnsPerHost(2).WithMaxIdleConnsPerHost(10);
        var r = TransportPoolSimulator.Run(config, PoolWorkload.Default.WithRequests(40).WithConcurrency(8));
        Assert.Equal(2, r.Dials);
        Assert.Equal(2, r.MaxOpen);
        Assert.True(r.WaitedForConnsPerHost >= 6 * 5, $"waited {r.WaitedForConnsPerHost}");
        Assert.Equal(40, r.Requests);
        // 8 at once, 2 connections, 10 ms each: 4 rounds per wave of 8, 5 waves.
        Assert.Equal(200, r.DurationMs, 0);
        Assert.Equal(40.0 + 0.2, r.Latency.MaxMs, 6);
    }

    [Fact]
    public void MaxConnsPerHost_with_the_default_idle_cap_dials_again_after_overflow_closes()
    {
        // Returned connections go to the waiting requests first (tryPutIdleConn delivers before the idle cap applies),
        // so with 4 allowed and 2 idle slots only the last round of each wave overflows.
        var config = TransportPoolConfig.Default.WithMaxConnsPerHost(4);
        var r = TransportPoolSimulator.Run(config, PoolWorkload.Default.WithRequests(16).WithConcurrency(8));
        Assert.Equal(4, r.MaxOpen);
        Assert.Equal(4 + 2, r.Dials);
        Assert.Equal(4, r.ClosedIdleOverflow);
    }

    [Fact]
    public void MaxIdleConns_closes_the_oldest_idle_connection()
    {
        var config = TransportPoolConfig.Default.WithMaxIdleConnsPerHost(10).WithMaxIdleConns(3);
        var r = TransportPoolSimulator.Run(config, PoolWorkload.Default.WithRequests(20).WithConcurrency(5));
        Assert.Equal(5 + 2 * 3, r.Dials);
        Assert.Equal(2 * 4, r.ClosedIdleLru);
        Assert.Equal(0, r.ClosedIdleOverflow);
        Assert.Equal(3, r.IdleAtEnd);
    }

    [Fact]
    public void IdleConnTimeout_closes_connections_idle_longer_than_the_pause()
    {
        var workload = PoolWorkload.Default.WithRequests(6).WithConcurrency(2).WithThink(TimeSpan.FromSeconds(2));
        var shortTimeout = TransportPoolSimulator.Run(TransportPoolConfig.Default.WithIdleConnTimeout(TimeSpan.FromSeconds(1)), workload);
        Assert.Equal(6, shortTimeout.Dials);
        Assert.Equal(4, shortTimeout.ClosedIdleTimeout); // the last wave's two are still idle when the run ends
        Assert.Equal(2, shortTimeout.IdleAtEnd);
        var ninety = TransportPoolSimulator.Run(TransportPoolConfig.DefaultTransport, workload);
        Assert.Equal(2, ninety.Dials);
        Assert.Equal(0, ninety.ClosedIdleTimeout);
    }

    [Fact]
    public void DisableKeepAlives_dials_once_per_request()
    {
        var r = TransportPoolSimulator.Run(TransportPoolConfig.Default.WithDisableKeepAlives(true), Waves);
        Assert.Equal(30, r.Dials);
        Assert.Equal(30, r.ClosedNoKeepAlive);
        Assert.Equal(0, r.Reused);
        var negative = TransportPoolSimulator.Run(TransportPoolConfig.Default.WithMaxIdleConnsPerHost(-1), Waves);
        Assert.Equal(30, negative.Dials);
    }

    [Fact]
    public void A_request_waiting_for_a_dial_takes_a_connection_freed_first_and_the_dial_goes_to_the_pool()
    {
        // Worker 0 starts at 0 and dials (5 ms); its request ends at 15 ms. Worker 1 starts at 10.5 ms, finds no idle
        // connection, starts a dial (done at 15.5 ms) and waits in idleConnWait. At 15 ms tryPutIdleConn hands it
        // worker 0's connection (late binding); the dial finishes unneeded and goes to the idle pool, where worker 0's
        // next request finds it (GotConnInfo.Reused is true: markReused ran in tryPutIdleConn).
        var workload = PoolWorkload.Default.WithPattern(WorkloadPattern.ClosedLoop).WithRequests(3).WithConcurrency(2)
            .WithStagger(TimeSpan.FromMilliseconds(10.5)).WithThink(TimeSpan.FromMilliseconds(1));
        var r = TransportPoolSimulator.Run(TransportPoolConfig.Default.WithDialCost(TimeSpan.FromMilliseconds(5)), workload);
        Assert.Equal(2, r.Dials);
        Assert.Equal(1, r.DialsHandedOn);
        var second = r.Records.Single(x => x.Index == 1);
        Assert.Equal(1, second.Connection);
        Assert.True(second.Reused);
        Assert.Equal(4.5, second.WaitMs, 6);
        var third = r.Records.Single(x => x.Index == 2);
        Assert.Equal(2, third.Connection); // the dialed connection, from the idle pool
        Assert.True(third.Reused);
    }

    [Fact]
    public void Same_seed_same_result_and_latency_distributions_are_drawn_from_it()
    {
        var workload = PoolWorkload.Default.WithPattern(WorkloadPattern.ClosedLoop).WithRequests(500).WithConcurrency(20)
            .WithLatency(LatencyDistribution.Exponential(TimeSpan.FromMilliseconds(5))).WithSeed(7);
        var a = TransportPoolSimulator.Run(TransportPoolConfig.Default, workload);
        var b = TransportPoolSimulator.Run(TransportPoolConfig.Default, workload);
        Assert.Equal(a.Records, b.Records);
        Assert.Equal(a.Latency, b.Latency);
        var c = TransportPoolSimulator.Run(TransportPoolConfig.Default, workload.WithSeed(8));
        Assert.NotEqual(a.Latency, c.Latency);
        Assert.InRange(a.Latency.MeanMs, 4.0, 6.5);
        Assert.True(a.Latency.P99Ms > a.Latency.P50Ms * 3);
        var uniform = TransportPoolSimulator.Run(TransportPoolConfig.Default,
            workload.WithLatency(LatencyDistribution.Uniform(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(4))));
        Assert.InRange(uniform.Records.Min(r => r.LatencyMs), 2.0, 2.5);
        Assert.InRange(uniform.Records.Max(r => r.LatencyMs), 3.5, 4.3);
    }

    [Fact]
    public void Bad_settings_and_budgets_are_refused_with_their_names()
    {
        Assert.Equal("MaxIdleConnsPerHost", Assert.Throws<KitInputException>(() => TransportPoolConfig.Default.WithMaxIdleConnsPerHost(-2)).Parameter);
        Assert.Equal("MaxIdleConns", Assert.Throws<KitInputException>(() => TransportPoolConfig.Default.WithMaxIdleConns(-1)).Parameter);
        Assert.Equal("MaxConnsPerHost", Assert.Throws<KitInputException>(() => TransportPoolConfig.Default.WithMaxConnsPerHost(-1)).Parameter);
        Assert.Equal("IdleConnTimeout", Assert.Throws<KitInputException>(() => TransportPoolConfig.Default.WithIdleConnTimeout(TimeSpan.FromSeconds(-1))).Parameter);
        Assert.Equal("version", Assert.Throws<KitInputException>(() => TransportPoolConfig.Default.WithVersion(new GoVersion(1, 18))).Parameter);
        Assert.Equal("concurrency", Assert.Throws<KitInputException>(() => PoolWorkload.Default.WithConcurrency(0)).Parameter);
        Assert.Equal("requests", Assert.Throws<KitInputException>(() => PoolWorkload.Default.WithRequests(0)).Parameter);
        Assert.Equal("latencyMax", Assert.Throws<KitInputException>(() => LatencyDistribution.Uniform(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(1))).Parameter);
        var budget = Assert.Throws<SimulationBudgetException>(() => TransportPoolSimulator.Run(TransportPoolConfig.Default.WithMaxEvents(100), PoolWorkload.Default));
        Assert.Equal("TransportPoolConfig.MaxEvents", budget.Parameter);
    }
}
