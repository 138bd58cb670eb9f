using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>
/// A real Prometheus server (Debian `prometheus`), started on loopback with a temp config and tsdb, scrapes
/// `golab metrics serve`; its HTTP query API must return the simulated series. Skipped without prometheus; failed
/// without it when GOLAB_REQUIRE_PROMETHEUS=1. Both processes are stopped by the test.
/// </summary>
public class MetricsPrometheusLiveTests
{
    [SkippableFact]
    public async Task Prometheus_scrapes_golab_metrics_serve()
    {
        var prometheus = Requirement.OnPath("prometheus");
        Requirement.Tool(prometheus is not null, "GOLAB_REQUIRE_PROMETHEUS", "prometheus is not installed (apt-get install prometheus)");
        using var dir = new TempDir("golab-prom-");
        var golabPort = FreePort();
        var promPort = FreePort();
        File.WriteAllText(dir.File("prometheus.yml"), string.Create(CultureInfo.InvariantCulture,
            $"global: {{ scrape_interval: 1s, evaluation_interval: 1s }}\nscrape_configs: [ {{ job_name: golab, static_configs: [ {{ targets: ['127.0.0.1:{golabPort}'] }} ] }} ]\n"));

        using var serve = Start("dotnet", [Golab.Dll, "metrics", "serve", "--port", golabPort.ToString(CultureInfo.InvariantCulture), "--duration", "120", "--speed", "10"]);
        using var prom = Start(prometheus!, [$"--config.file={dir.File("prometheus.yml")}", $"--storage.tsdb.path={dir.File("tsdb")}",
            $"--web.listen-address=127.0.0.1:{promPort}"]);
        try
        {
            // golab prints its URL first.
            var url = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal($"http://127.0.0.1:{golabPort}/metrics", url);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var exposition = await http.GetStringAsync(new Uri(url!));
            Assert.Contains("go_gc_heap_goal_bytes", exposition, StringComparison.Ordinal);

            // Service discovery delivers the first target after ~5 s: poll the query API (building-blocks.md §3).
            var query = new Uri($"http://127.0.0.1:{promPort}/api/v1/query?query=go_gc_cycles_total_gc_cycles_total");
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
            JsonElement result = default;
            while (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                if (prom.HasExited) Assert.Fail($"prometheus exited with {prom.ExitCode}: {await prom.StandardError.ReadToEndAsync()}");
                try
                {
                    using var doc = JsonDocument.Parse(await http.GetStringAsync(query));
                    result = doc.RootElement.GetProperty("data").GetProperty("result").Clone();
                    if (result.GetArrayLength() > 0) break;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
            }

            Assert.True(result.ValueKind == JsonValueKind.Array && result.GetArrayLength() == 1, $"no series after 45 s: {result}");
            var series = result[0];
            Assert.Equal("golab", series.GetProperty("metric").GetProperty("job").GetString());
            var value = double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
            Assert.True(value >= 1, $"the simulated process (10× speed) should have finished GC cycles by now, got {value}");

            // A histogram series made it too, with its le buckets.
            using var h = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{promPort}/api/v1/query?query=go_sched_latencies_seconds_bucket")));
            Assert.True(h.RootElement.GetProperty("data").GetProperty("result").GetArrayLength() >= 5);
        }
        finally
        {
            Stop(prom);
            Stop(serve);
        }
    }

    private static Process Start(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        return Process.Start(start)!;
    }

    private static void Stop(Process p)
    {
        if (p.HasExited) return;
        p.Kill(entireProcessTree: true);
        p.WaitForExit(10_000);
    }

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
