// Mirrors: promhttp.Handler() serving a Go process's /metrics (client_golang), here over prometheus-net's MetricServer.
// Simplified: loopback only; the process's simulated clock follows wall time since Start (times a speed factor).
using System.Diagnostics;
using System.Globalization;
using GoRuntimeLab.Metrics;
using Prometheus;

namespace GoRuntimeLab.Prometheus;

/// <summary>
/// Serves <c>http://127.0.0.1:PORT/metrics</c> for a simulated Go process: before every scrape the process advances to
/// the simulated time (wall time since start × <see cref="Speed"/>) and the exporter copies its values. Loopback only.
/// </summary>
public sealed class SimulatedMetricsServer : IDisposable
{
    private readonly MetricServer _server;
    private readonly Stopwatch _clock = new();
    private readonly Lock _gate = new();

    private SimulatedMetricsServer(GoProcessExporter exporter, int port, double speed)
    {
        Exporter = exporter;
        Port = port;
        Speed = speed;
        exporter.Registry.AddBeforeCollectCallback(Advance);
        _server = new MetricServer("127.0.0.1", port, "metrics/", exporter.Registry);
    }

    /// <summary>The exporter whose registry is served.</summary>
    public GoProcessExporter Exporter { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Simulated seconds per wall second.</summary>
    public double Speed { get; }

    /// <summary>The scrape URL.</summary>
    public Uri Url => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/metrics"));

    /// <summary>Starts serving <paramref name="process"/> on 127.0.0.1:<paramref name="port"/> (0 = a free port).</summary>
    /// <exception cref="KitInputException">The port is out of range or cannot be bound.</exception>
    public static SimulatedMetricsServer Start(SimulatedGoProcess process, int port, double speed = 1)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (port is < 0 or > 65535) throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 65535, not {port}"), parameter: "--port");
        if (!(speed > 0 && speed <= 1e6)) throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be > 0 and ≤ 1e6, not {speed}"), parameter: "--speed");
        if (port == 0) port = FreePort();
        var server = new SimulatedMetricsServer(new GoProcessExporter(process), port, speed);
        try
        {
            server._server.Start();
        }
        catch (System.Net.HttpListenerException e)
        {
            server.Dispose();
            throw KitInputException.For($"cannot listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}: {e.Message}", parameter: "--port");
        }

        server._clock.Start();
        return server;
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private void Advance()
    {
        lock (_gate)
        {
            var target = (long)(_clock.Elapsed.Ticks * 100 * Speed);
            var p = Exporter.Process;
            if (target > p.NowNs) p.AdvanceTo(target);
            Exporter.Update();
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        _server.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"serving {Exporter.Process} at {Url}";
}
