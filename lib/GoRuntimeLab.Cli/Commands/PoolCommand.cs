using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GoRuntimeLab.Cli.Infrastructure;
using GoRuntimeLab.NetPool;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab pool simulate [--pool http|sql] [--requests N] [--concurrency C] [--pattern waves|loop] [--latency D]
/// [--latency-dist constant|uniform|exponential] [--latency-max D] [--think D] [--stagger D] [--no-close] [--seed S]
/// [http: --default-transport --max-idle-per-host K --max-idle N --max-conns-per-host N --idle-timeout D --dial D]
/// [sql: --max-open N --max-idle-conns N --max-lifetime D --max-idle-time D --open-cost D] [--go V] [--max-events N] [--json]</c>.
/// </summary>
internal static class PoolCommand
{
    private static readonly JsonSerializerOptions Json = CliJson.Options;

    public static Command Build()
    {
        var command = new Command("pool", "Connection-pool models: net/http.Transport's idle pool and database/sql's pool (transport.go, sql.go).");
        command.Subcommands.Add(BuildSimulate());
        return command;
    }

    private static Command BuildSimulate()
    {
        var pool = CliOptions.Choice("--pool", "http (an http.Transport and one host) or sql (a *sql.DB). Default: http.", "http", "http", "sql");
        var requests = CliOptions.Int("--requests", "Requests (queries) in all. Default: 300.", 300, 1, 1_000_000);
        var concurrency = CliOptions.Int("--concurrency", "Requests at once: wave size or closed-loop workers. Default: 10.", 10, 1, 100_000, "C");
        var pattern = CliOptions.Choice("--pattern", "waves (C at once, then the next C) or loop (C workers, back to back). Default: waves.", "waves", "waves", "loop");
        var latency = CliOptions.Text("--latency", "Server (query) time as a Go duration: the constant, the uniform minimum or the exponential mean.", "10ms", "D");
        var dist = CliOptions.Choice("--latency-dist", "Latency distribution. Default: constant.", "constant", "constant", "uniform", "exponential");
        var latencyMax = CliOptions.OptionalText("--latency-max", "Uniform: the maximum (Go duration).", "D");
        var think = CliOptions.Text("--think", "Pause after each request (loop) or between waves.", "0s", "D");
        var stagger = CliOptions.Text("--stagger", "Loop: worker w starts after w × D.", "0s", "D");
        var noClose = new Option<bool>("--no-close") { Description = "Never read/close response bodies (Rows): every connection leaks." };
        var seed = CliOptions.Int("--seed", "Seed of the latency draws and of database/sql's choice of waiter. Default: 1.", 1, int.MinValue, int.MaxValue, "S");
        var defaultTransport = new Option<bool>("--default-transport") { Description = "http: start from http.DefaultTransport (MaxIdleConns 100, IdleConnTimeout 90s) instead of a zero Transport{}." };
        var perHost = CliOptions.Int("--max-idle-per-host", "http: Transport.MaxIdleConnsPerHost (0 = 2, -1 = no keep-alive). Default: 0.", 0, -1, 1_000_000, "K");
        var maxIdle = CliOptions.Int("--max-idle", "http: Transport.MaxIdleConns (0 = no limit; 100 with --default-transport).", -1, -1, 1_000_000);
        var connsPerHost = CliOptions.Int("--max-conns-per-host", "http: Transport.MaxConnsPerHost (0 = no limit). Default: 0.", 0, 0, 1_000_000);
        var idleTimeout = CliOptions.OptionalText("--idle-timeout", "http: Transport.IdleConnTimeout (Go duration; 0 = none; 90s with --default-transport).", "D");
        var dial = CliOptions.Text("--dial", "http: time to dial a connection.", "200us", "D");
        var maxOpen = CliOptions.Int("--max-open", "sql: SetMaxOpenConns (0 = no limit). Default: 0.", 0, 0, 1_000_000);
        var maxIdleConns = CliOptions.Int("--max-idle-conns", "sql: SetMaxIdleConns (≤ 0 keeps none). Default: 2 (database/sql's default).", 2, -1, 1_000_000);
        var lifetime = CliOptions.Text("--max-lifetime", "sql: SetConnMaxLifetime (0 = for ever).", "0s", "D");
        var idleTime = CliOptions.Text("--max-idle-time", "sql: SetConnMaxIdleTime (0 = for ever).", "0s", "D");
        var openCost = CliOptions.Text("--open-cost", "sql: time the driver takes to open a connection.", "0s", "D");
        var go = GoSettingOptions.Go("1.19 to 1.23", why: "the pool rules counted here are the same in all of them.");
        var maxEvents = CliOptions.Long("--max-events", "Budget of simulation events; a run that needs more stops with exit 2. Default: 5000000.", 5_000_000, 1, long.MaxValue);
        var json = new Option<bool>("--json") { Description = "One JSON document: {pool, requests, opened, closed, reused, reuseRatio, maxOpen, waits, latencyMs:{p50,p90,p99,max,mean}, …}." };
        var command = new Command("simulate", "Serve a request workload with a simulated connection pool and report connections opened/closed, reuse, waits and latency percentiles.")
        {
            pool, requests, concurrency, pattern, latency, dist, latencyMax, think, stagger, noClose, seed, defaultTransport, perHost, maxIdle,
            connsPerHost, idleTimeout, dial, maxOpen, maxIdleConns, lifetime, idleTime, openCost, go, maxEvents, json,
        };
        command.SetAction(parse =>
        {
            // Every duration is checked, whichever pool runs: a bad value is never silently ignored.
            var mean = Duration(parse.GetValue(latency)!, "--latency");
            TimeSpan? max = parse.GetValue(latencyMax) is { } maxText ? Duration(maxText, "--latency-max") : null;
            TimeSpan? idleConnTimeout = parse.GetValue(idleTimeout) is { } it ? Duration(it, "--idle-timeout") : null;
            var dialCost = Duration(parse.GetValue(dial)!, "--dial");
            var maxLifetime = Duration(parse.GetValue(lifetime)!, "--max-lifetime");
            var maxIdleTime = Duration(parse.GetValue(idleTime)!, "--max-idle-time");
            var open = Duration(parse.GetValue(openCost)!, "--open-cost");
            var distribution = parse.GetValue(dist) switch
            {
                "uniform" => LatencyDistribution.Uniform(mean, max
                    ?? throw KitInputException.For("needs --latency-max with --latency-dist uniform", parameter: "--latency-max")),
                "exponential" => LatencyDistribution.Exponential(mean),
                _ => LatencyDistribution.Constant(mean),
            };
            var workload = PoolWorkload.Default.WithRequests(parse.GetValue(requests)).WithConcurrency(parse.GetValue(concurrency))
                .WithPattern(parse.GetValue(pattern) == "loop" ? WorkloadPattern.ClosedLoop : WorkloadPattern.Waves).WithLatency(distribution)
                .WithThink(Duration(parse.GetValue(think)!, "--think")).WithStagger(Duration(parse.GetValue(stagger)!, "--stagger"))
                .WithReleasesConnections(!parse.GetValue(noClose)).WithSeed(parse.GetValue(seed));
            var version = GoSettingOptions.Read(parse, GoSettings.Default, go: go).Version;

            if (parse.GetValue(pool) == "sql")
            {
                var config = SqlPoolConfig.Default.WithVersion(version).WithMaxOpenConns(parse.GetValue(maxOpen)).WithMaxIdleConns(parse.GetValue(maxIdleConns))
                    .WithConnMaxLifetime(maxLifetime).WithConnMaxIdleTime(maxIdleTime).WithOpenCost(open).WithSeed(parse.GetValue(seed)).WithMaxEvents(parse.GetValue(maxEvents));
                var r = SqlPoolSimulator.Run(config, workload);
                if (parse.GetValue(json)) Console.Out.WriteLine(JsonSerializer.Serialize(SqlJson(r), Json));
                else PrintSql(r);
                return ExitCodes.Ok;
            }

            var t = (parse.GetValue(defaultTransport) ? TransportPoolConfig.DefaultTransport : TransportPoolConfig.Default).WithVersion(version)
                .WithMaxIdleConnsPerHost(parse.GetValue(perHost)).WithMaxConnsPerHost(parse.GetValue(connsPerHost))
                .WithDialCost(dialCost).WithMaxEvents(parse.GetValue(maxEvents));
            if (parse.GetValue(maxIdle) >= 0) t = t.WithMaxIdleConns(parse.GetValue(maxIdle));
            if (idleConnTimeout is { } timeout) t = t.WithIdleConnTimeout(timeout);
            var result = TransportPoolSimulator.Run(t, workload);
            if (parse.GetValue(json)) Console.Out.WriteLine(JsonSerializer.Serialize(HttpJson(result), Json));
            else PrintHttp(result);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static TimeSpan Duration(string text, string flag)
    {
        if (!GoDuration.TryParse(text, out var ns) || ns < 0 || ns > 3_600_000_000_000)
            throw KitInputException.For($"\"{text}\" is not a Go duration from 0 to 1h (e.g. 10ms)", parameter: flag);
        return TimeSpan.FromTicks(ns / 100);
    }

    private static object Latency(LatencySummary l) => new { p50 = l.P50Ms, p90 = l.P90Ms, p99 = l.P99Ms, max = l.MaxMs, mean = l.MeanMs };

    private static object HttpJson(TransportPoolResult r) => new
    {
        pool = "http",
        requests = r.Requests,
        opened = r.Dials,
        closed = r.Closed,
        closedBy = new { idleOverflow = r.ClosedIdleOverflow, maxIdleConns = r.ClosedIdleLru, idleTimeout = r.ClosedIdleTimeout, noKeepAlive = r.ClosedNoKeepAlive },
        reused = r.Reused,
        reuseRatio = r.ReuseRatio,
        maxOpen = r.MaxOpen,
        waits = r.WaitedForConnsPerHost,
        dialsHandedOn = r.DialsHandedOn,
        idleAtEnd = r.IdleAtEnd,
        leakedAtEnd = r.BusyAtEnd,
        durationMs = r.DurationMs,
        latencyMs = Latency(r.Latency),
        config = new
        {
            maxIdleConns = r.Config.MaxIdleConns, maxIdleConnsPerHost = r.Config.MaxIdleConnsPerHost, effectiveMaxIdleConnsPerHost = r.Config.EffectiveMaxIdleConnsPerHost,
            maxConnsPerHost = r.Config.MaxConnsPerHost, idleConnTimeoutMs = r.Config.IdleConnTimeout.TotalMilliseconds, dialMs = r.Config.DialCost.TotalMilliseconds,
            go = r.Config.Version.ToString(),
        },
    };

    private static object SqlJson(SqlPoolResult r) => new
    {
        pool = "sql",
        requests = r.Requests,
        opened = r.Opened,
        closed = r.Closed,
        reused = r.Reused,
        reuseRatio = r.ReuseRatio,
        maxOpen = r.MaxOpen,
        waits = r.Stats.WaitCount,
        stats = r.Stats,
        durationMs = r.DurationMs,
        latencyMs = Latency(r.Latency),
        config = new
        {
            maxOpenConns = r.Config.MaxOpenConns, maxIdleConns = r.Config.EffectiveMaxIdle, connMaxLifetimeMs = r.Config.ConnMaxLifetime.TotalMilliseconds,
            connMaxIdleTimeMs = r.Config.ConnMaxIdleTime.TotalMilliseconds, go = r.Config.Version.ToString(),
        },
    };

    private static string Ms(double v) => v.ToString("0.###", CultureInfo.InvariantCulture) + " ms";

    private static void PrintHttp(TransportPoolResult r)
    {
        var o = Console.Out;
        o.WriteLine($"http.Transport: MaxIdleConnsPerHost {r.Config.MaxIdleConnsPerHost} (in force: {r.Config.EffectiveMaxIdleConnsPerHost}), MaxIdleConns {r.Config.MaxIdleConns}, " +
                    $"MaxConnsPerHost {r.Config.MaxConnsPerHost}, IdleConnTimeout {Ms(r.Config.IdleConnTimeout.TotalMilliseconds)}, dial {Ms(r.Config.DialCost.TotalMilliseconds)}");
        o.WriteLine($"workload: {r.Workload.Requests} requests, {r.Workload.Pattern} of {r.Workload.Concurrency}, latency {r.Workload.Latency}{(r.Workload.ReleasesConnections ? "" : ", bodies never closed")}");
        o.WriteLine($"connections opened (server accepts): {r.Dials}   closed: {r.Closed} (idle overflow {r.ClosedIdleOverflow}, MaxIdleConns {r.ClosedIdleLru}, idle timeout {r.ClosedIdleTimeout}, no keep-alive {r.ClosedNoKeepAlive})");
        o.WriteLine($"reused: {r.Reused}/{r.Requests} ({r.ReuseRatio:P1})   max open: {r.MaxOpen}   waited for MaxConnsPerHost: {r.WaitedForConnsPerHost}   idle at end: {r.IdleAtEnd}   leaked: {r.BusyAtEnd}");
        o.WriteLine($"latency p50 {Ms(r.Latency.P50Ms)}  p90 {Ms(r.Latency.P90Ms)}  p99 {Ms(r.Latency.P99Ms)}  max {Ms(r.Latency.MaxMs)}   duration {Ms(r.DurationMs)}");
    }

    private static void PrintSql(SqlPoolResult r)
    {
        var o = Console.Out;
        var s = r.Stats;
        o.WriteLine($"sql.DB: MaxOpenConns {r.Config.MaxOpenConns}, MaxIdleConns in force {r.Config.EffectiveMaxIdle}, ConnMaxLifetime {Ms(r.Config.ConnMaxLifetime.TotalMilliseconds)}, ConnMaxIdleTime {Ms(r.Config.ConnMaxIdleTime.TotalMilliseconds)}");
        o.WriteLine($"workload: {r.Workload.Requests} queries, {r.Workload.Pattern} of {r.Workload.Concurrency}, latency {r.Workload.Latency}{(r.Workload.ReleasesConnections ? "" : ", Rows never closed")}");
        o.WriteLine($"connections opened (driver Open): {r.Opened}   closed: {r.Closed}   reused: {r.Reused}/{r.Requests} ({r.ReuseRatio:P1})   max open: {r.MaxOpen}");
        o.WriteLine($"DBStats: open {s.OpenConnections}, in use {s.InUse}, idle {s.Idle}, WaitCount {s.WaitCount}, WaitDuration {Ms(s.WaitDurationMs)}, MaxIdleClosed {s.MaxIdleClosed}, MaxIdleTimeClosed {s.MaxIdleTimeClosed}, MaxLifetimeClosed {s.MaxLifetimeClosed}");
        o.WriteLine($"latency p50 {Ms(r.Latency.P50Ms)}  p90 {Ms(r.Latency.P90Ms)}  p99 {Ms(r.Latency.P99Ms)}  max {Ms(r.Latency.MaxMs)}   duration {Ms(r.DurationMs)}");
    }
}
