using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>
/// `golab metrics serve` as an exporter (issue 12): keep-alive survives any status (404s and scrapes on one raw
/// connection), every reply carries a Content-Length and the full body, scrapes answer at the highest
/// --speed while the simulation advances, and a short concurrent load gets only complete replies with flat memory.
/// HttpListener ends a connection after 100 reuses, announcing it (<c>Connection: close</c> on the 101st reply, as
/// HTTP/1.1 allows); the clients here follow that, and fail on any close that was not announced. Requests are not
/// pipelined: HttpListener discards requests sent before the previous reply (Prometheus never pipelines).
/// Timing figures (requests/s, p99) are measured by the load test in tests/GoRuntimeLab.Benchmarks, not asserted here.
/// </summary>
public class MetricsServeTests
{
    private const string FirstFamily = "# HELP go_gc_duration_seconds ";
    private const string LastSeries = "\ngo_memstats_frees_total ";

    [Fact]
    public async Task One_keep_alive_connection_mixing_404s_and_scrapes_gets_every_body()
    {
        using var serve = await ServeProcess.StartAsync("--duration", "120", "--speed", "50");
        using var c = new KeepAliveConnection(serve.Port);
        var port = c.LocalPort;
        for (var i = 0; i < 45; i++)
        {
            var notFound = await c.GetAsync(i % 2 == 0 ? "/nonexistent" : "/");
            Assert.Equal(404, notFound.Status);
            Assert.Equal("404 page not found\n", notFound.Text);
            AssertScrape(await c.GetAsync("/metrics"));
            Assert.False(c.CloseAnnounced);
        }

        // Near misses are 404s too; a query string is still /metrics.
        Assert.Equal(404, (await c.GetAsync("/metrics/x")).Status);
        Assert.Equal(404, (await c.GetAsync("/metricsx")).Status);
        AssertScrape(await c.GetAsync("/metrics?x=1"));
        AssertScrape(await c.GetAsync("/metrics/"));

        // HEAD: the headers of a scrape, no body, and the connection still carries the next request.
        var head = await c.SendAsync("HEAD", "/metrics");
        Assert.Equal(200, head.Status);
        Assert.True(long.Parse(head.Headers["Content-Length"], CultureInfo.InvariantCulture) > 1000);
        AssertScrape(await c.GetAsync("/metrics"));

        Assert.False(c.CloseAnnounced);
        Assert.Equal(96, c.Responses); // all on the one socket: it was never closed or replaced
        Assert.Equal(port, c.LocalPort);
    }

    [Fact]
    public async Task Scrapes_answer_at_the_highest_speed_and_the_simulation_moves_on()
    {
        using var serve = await ServeProcess.StartAsync("--duration", "10", "--speed", "1e6");
        using var c = new KeepAliveConnection(serve.Port);
        var cycles = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            // A guard against a hang (a scrape took 98 s at 1e5 before the fix), not a speed target.
            var reply = await c.GetAsync("/metrics").WaitAsync(TimeSpan.FromSeconds(10));
            AssertScrape(reply);
            cycles.Add(Value(reply.Text, "go_gc_cycles_total_gc_cycles_total"));
            await Task.Delay(300);
        }

        Assert.True(cycles[^1] > cycles[0], string.Join(", ", cycles));
        Assert.True(serve.Process.WaitForExit(30_000), "serve did not stop after --duration 10");
        var output = await serve.Process.StandardOutput.ReadToEndAsync();
        Assert.Equal(0, serve.Process.ExitCode);
        Assert.Contains("(speed 1000000 asked, ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Short_load_ten_clients_every_reply_complete_memory_flat()
    {
        using var serve = await ServeProcess.StartAsync("--duration", "120", "--speed", "1000");
        var failures = new ConcurrentQueue<string>();
        long scrapes = 0;
        using (var warm = new KeepAliveConnection(serve.Port))
            for (var i = 0; i < 50; i++) AssertScrape(await warm.GetAsync("/metrics"));

        // Two rounds of the same load. The first lets the GC size its heap: how far depends on the machine (the gen0
        // budget follows the CPU's cache size; 54 → 150 MiB on a 2-core Xeon with a large L3), so it is not a leak.
        // A growing history would grow again in the second round; a flat server does not.
        await Load(TimeSpan.FromSeconds(3));
        var before = serve.ResidentBytes;
        var scrapesBefore = Interlocked.Read(ref scrapes);
        await Load(TimeSpan.FromSeconds(5));
        var after = serve.ResidentBytes;

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.True(scrapes - scrapesBefore > 100, $"only {scrapes - scrapesBefore} scrapes in 5 s");
        Assert.True(after - before < 64L << 20, $"resident memory grew from {before >> 20} MiB to {after >> 20} MiB in the second round");

        Task Load(TimeSpan duration) => Task.WhenAll(Enumerable.Range(0, 10).Select(n => Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            var c = new KeepAliveConnection(serve.Port);
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                try
                {
                    if (c.CloseAnnounced)
                    {
                        if (c.Responses != 101) failures.Enqueue($"client {n}: connection closed after {c.Responses} replies");
                        c.Dispose();
                        c = new KeepAliveConnection(serve.Port);
                    }

                    var reply = await c.GetAsync(i % 4 == 3 ? "/missing" : "/metrics").WaitAsync(TimeSpan.FromSeconds(10));
                    if (i % 4 == 3)
                    {
                        if (reply.Status != 404) failures.Enqueue($"client {n}: {reply.Status} for /missing");
                    }
                    else if (Problem(reply) is { } problem)
                    {
                        failures.Enqueue($"client {n}: {problem}");
                    }
                    else
                    {
                        Interlocked.Increment(ref scrapes);
                    }
                }
                catch (Exception e) when (e is IOException or InvalidDataException or TimeoutException)
                {
                    failures.Enqueue($"client {n}: {e.Message}");
                    break;
                }
            }

            c.Dispose();
        })));
    }

    private static void AssertScrape(KeepAliveConnection.Response reply)
    {
        if (Problem(reply) is { } problem) Assert.Fail(problem);
    }

    private static string? Problem(KeepAliveConnection.Response reply)
    {
        if (reply.Status != 200) return $"status {reply.Status}";
        if (reply.Headers.GetValueOrDefault("Content-Type") != "text/plain; version=0.0.4; charset=utf-8") return $"Content-Type {reply.Headers.GetValueOrDefault("Content-Type")}";
        var text = reply.Text;
        if (!text.StartsWith(FirstFamily, StringComparison.Ordinal) || !text.Contains(LastSeries, StringComparison.Ordinal) || !text.EndsWith('\n'))
            return $"incomplete exposition ({reply.Body.Length} bytes)";
        return null;
    }

    private static double Value(string exposition, string series) =>
        double.Parse(exposition.Split('\n').Single(l => l.StartsWith(series + " ", StringComparison.Ordinal))[(series.Length + 1)..], CultureInfo.InvariantCulture);
}
