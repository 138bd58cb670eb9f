using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace GoRuntimeLab.Benchmarks;

/// <summary>
/// The load test of <c>golab metrics serve</c> (issue 12): for each --speed, the built CLI serves on a free
/// 127.0.0.1 port in its own process and N clients (one kept-alive connection each) scrape /metrics — one request in
/// ten is a 404 — as fast as they can for a fixed time. Prints requests/s (overall and per 10 s window, to show it
/// does not decay), latency p50/p99/max, the server's resident memory at start, end and peak, and the simulated speed
/// it reached. Bounded: it stops by itself after the given seconds per speed; loopback only.
/// </summary>
public static class ServeLoadTest
{
    private const string LastSeries = "\ngo_memstats_frees_total ";

    /// <summary>Runs the test; <paramref name="args"/> may hold --seconds S, --clients N, --speeds a,b,c, --golab PATH.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = int.Parse(Arg(args, "--seconds") ?? "60", CultureInfo.InvariantCulture);
        var clients = int.Parse(Arg(args, "--clients") ?? "50", CultureInfo.InvariantCulture);
        var speeds = (Arg(args, "--speeds") ?? "1,1000,1e6").Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var golab = Arg(args, "--golab") ?? Path.Combine(RepoRoot(), "lib", "GoRuntimeLab.Cli", "bin", "golab.dll");
        if (seconds is < 1 or > 600 || clients is < 1 or > 200)
        {
            Console.Error.WriteLine("load test: --seconds must be 1…600 and --clients 1…200");
            return 2;
        }

        if (!File.Exists(golab))
        {
            Console.Error.WriteLine($"load test: {golab} not found (dotnet build lib/GoRuntimeLab.Cli -c Release first)");
            return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"golab metrics serve load test: {clients} clients × {seconds} s per speed, 1 request in 10 a 404, on {Environment.ProcessorCount} cores"));
        Console.WriteLine($"load average before: {LoadAverage()}");
        Console.WriteLine("| --speed | requests | requests/s | req/s per 10 s window | p50 ms | p99 ms | max ms | errors | RSS start → end (peak) MiB | peak RSS per 10 s window MiB | speed reached |");
        Console.WriteLine("|---:|---:|---:|---|---:|---:|---:|---:|---|---|---:|");
        var failed = false;
        foreach (var speed in speeds) failed |= !await RunOneAsync(golab, speed, seconds, clients);
        Console.WriteLine($"load average after: {LoadAverage()}");
        return failed ? 1 : 0;
    }

    private static async Task<bool> RunOneAsync(string golab, double speed, int seconds, int clients)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[golab, "metrics", "serve", "--port", "0",
                     "--duration", (seconds + 10).ToString(CultureInfo.InvariantCulture), "--speed", speed.ToString("R", CultureInfo.InvariantCulture)])
            start.ArgumentList.Add(a);
        using var server = Process.Start(start)!;
        try
        {
            var url = new Uri((await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)))!); // the free port it took
            var missing = new Uri(url, "/missing");
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
            for (var i = 0; i < 20; i++) _ = await http.GetByteArrayAsync(url); // warm-up (JIT on both sides)

            var rssStart = Rss(server);
            var peak = rssStart;
            var windows = new long[(seconds + 9) / 10];
            var windowRss = new long[windows.Length];
            var latencies = new List<double>[clients];
            long errors = 0;
            var clock = Stopwatch.StartNew();
            var duration = TimeSpan.FromSeconds(seconds);
            var workers = Enumerable.Range(0, clients).Select(n => Task.Run(async () =>
            {
                var mine = latencies[n] = new List<double>(1 << 14);
                for (var i = n; clock.Elapsed < duration; i++)
                {
                    var notFound = i % 10 == 9;
                    var t0 = Stopwatch.GetTimestamp();
                    var ok = false;
                    try
                    {
                        using var reply = await http.GetAsync(notFound ? missing : url);
                        var body = await reply.Content.ReadAsByteArrayAsync();
                        ok = notFound
                            ? reply.StatusCode == HttpStatusCode.NotFound
                            : reply.StatusCode == HttpStatusCode.OK && reply.Content.Headers.ContentLength == body.Length
                              && body.Length > 0 && System.Text.Encoding.UTF8.GetString(body).Contains(LastSeries, StringComparison.Ordinal);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        ok = false;
                    }

                    mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    if (!ok) Interlocked.Increment(ref errors);
                    var w = (int)(clock.Elapsed.TotalSeconds / 10);
                    if (w < windows.Length) Interlocked.Increment(ref windows[w]);
                }
            })).ToList();
            while (!Task.WhenAll(workers).IsCompleted)
            {
                await Task.WhenAny(Task.WhenAll(workers), Task.Delay(1000));
                var rss = Rss(server);
                peak = Math.Max(peak, rss);
                var w = Math.Min(windows.Length - 1, (int)(clock.Elapsed.TotalSeconds / 10));
                windowRss[w] = Math.Max(windowRss[w], rss);
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            var rssEnd = Rss(server);
            var all = latencies.SelectMany(l => l).Order().ToList();
            var exited = server.WaitForExit(30_000);
            var summary = exited ? (await server.StandardOutput.ReadToEndAsync()).Trim().Split('\n')[^1] : "(did not stop)";
            var reached = summary.Contains(" asked, ", StringComparison.Ordinal) ? summary[(summary.IndexOf(" asked, ", StringComparison.Ordinal) + 8)..].Replace(" reached)", "", StringComparison.Ordinal) : "?";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {speed:0.###} | {all.Count} | {all.Count / elapsed:0} | {string.Join(" ", windows.Select((c, w) => (c / (double)Math.Min(10, seconds - 10 * w)).ToString("0", CultureInfo.InvariantCulture)))} | {Quantile(all, 0.5):0.0} | {Quantile(all, 0.99):0.0} | {all[^1]:0} | {errors} | {rssStart >> 20} → {rssEnd >> 20} ({peak >> 20}) | {string.Join(" ", windowRss.Select(r => r >> 20))} | {reached} |"));
            return errors == 0 && exited;
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit(10_000);
            }
        }
    }

    private static double Quantile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];

    private static long Rss(Process p)
    {
        p.Refresh();
        return p.HasExited ? 0 : p.WorkingSet64;
    }

    // Other work on the machine skews every figure: print the 1/5/15-minute load averages (Linux) with them.
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "GoRuntimeLab.slnx"))) return d.FullName;
        return Directory.GetCurrentDirectory();
    }
}
