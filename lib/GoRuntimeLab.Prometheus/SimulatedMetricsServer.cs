// Mirrors: promhttp.Handler() serving a Go process's /metrics (client_golang) with Go's net/http behaviour around it
// (http.NotFound: "404 page not found", keep-alive kept after any status, a Content-Length on every reply).
// Simplified: loopback only; no gzip; the process's simulated clock follows wall time since Start (times a speed
// factor) on a background tick, and a scrape reads the latest snapshot instead of collecting on the request path.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using GoRuntimeLab.Metrics;

namespace GoRuntimeLab.Prometheus;

/// <summary>
/// Serves <c>http://127.0.0.1:PORT/metrics</c> for a simulated Go process. The simulation runs on its own schedule:
/// every <see cref="Tick"/> it advances towards wall time since start × <see cref="Speed"/>, spending at most
/// <see cref="StepBudget"/> of CPU per tick (faster than that it falls behind, see <see cref="ReachedSpeed"/>), then
/// renders the exposition once. A scrape only copies that snapshot, so its latency does not depend on the speed, and
/// memory stays flat (the process keeps its last 256 cycles, as Go's MemStats.PauseNs does). Any other path is a 404
/// with a body and a Content-Length; the connection stays open after it. Loopback only.
/// </summary>
public sealed class SimulatedMetricsServer : IDisposable
{
    /// <summary>Wall time between two simulation steps (and exposition snapshots).</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    /// <summary>CPU (wall) time one step may spend advancing the simulation: at most a quarter of one core.</summary>
    public static readonly TimeSpan StepBudget = TimeSpan.FromMilliseconds(25);

    /// <summary>The highest <see cref="Speed"/> accepted (simulated seconds per wall second).</summary>
    public const double MaxSpeed = 1e6;

    /// <summary>Simulated time after which the process stops advancing (100 years: far below the ns clock's 292).</summary>
    public static readonly TimeSpan MaxSimulatedTime = TimeSpan.FromDays(36525);

    private const long ChunkNs = 1_000_000_000; // the budget is checked after each simulated second
    private const int RetainedCycles = 256;     // len(MemStats.PauseNs): all go_gc_duration_seconds needs
    private const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";
    private static readonly byte[] NotFoundBody = Encoding.UTF8.GetBytes("404 page not found\n");

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = new();
    private readonly SimulatedGoProcess _process;
    private volatile byte[] _snapshot = [];
    private long _simulatedNs;
    private Task _simulating = Task.CompletedTask;
    private Task _accepting = Task.CompletedTask;
    private long _requests;

    private SimulatedMetricsServer(GoProcessExporter exporter, int port, double speed)
    {
        Exporter = exporter;
        _process = exporter.Process;
        Port = port;
        Speed = speed;
        _listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
    }

    /// <summary>The exporter whose series are served (only the server's background step touches it after Start).</summary>
    public GoProcessExporter Exporter { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Simulated seconds per wall second asked for.</summary>
    public double Speed { get; }

    /// <summary>The scrape URL.</summary>
    public Uri Url => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/metrics"));

    /// <summary>Simulated time of the snapshot being served.</summary>
    public TimeSpan SimulatedTime => TimeSpan.FromTicks(Interlocked.Read(ref _simulatedNs) / 100);

    /// <summary>Wall time since the server started.</summary>
    public TimeSpan WallTime => _clock.Elapsed;

    /// <summary>Simulated seconds per wall second actually reached so far (below <see cref="Speed"/> when the model cannot keep up).</summary>
    public double ReachedSpeed => WallTime > TimeSpan.Zero ? SimulatedTime / WallTime : 0;

    /// <summary>Requests answered (any path, any status).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Set when the simulation step failed; /metrics then answers 500 with its message.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>
    /// Starts serving <paramref name="process"/> on 127.0.0.1:<paramref name="port"/> (0 = a free port). From now on
    /// only the server advances the process; unless set, its <see cref="SimulatedGoProcess.RetainedCycles"/> becomes 256.
    /// </summary>
    /// <exception cref="KitInputException">The port or speed is out of range, or the port cannot be bound.</exception>
    public static SimulatedMetricsServer Start(SimulatedGoProcess process, int port, double speed = 1)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (port is < 0 or > 65535) throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 65535, not {port}"), parameter: "port");
        if (!(speed > 0 && speed <= MaxSpeed)) throw KitInputException.For(string.Create(CultureInfo.InvariantCulture, $"must be > 0 and ≤ 1e6, not {speed}"), parameter: "speed");
        if (port == 0) port = FreePort();
        // Keep only what a scrape reads (the last 256 cycles) so a long run does not grow.
        process.RetainedCycles ??= RetainedCycles;
        var server = new SimulatedMetricsServer(new GoProcessExporter(process), port, speed);
        try
        {
            server._listener.Start();
        }
        catch (HttpListenerException e)
        {
            server.Dispose();
            throw KitInputException.For($"cannot listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}: {e.Message}", parameter: "port");
        }

        server._snapshot = Task.Run(() => server.Exporter.ExposeUtf8Async()).GetAwaiter().GetResult(); // no caller context captured
        Interlocked.Exchange(ref server._simulatedNs, server._process.NowNs);
        server._clock.Start();
        server._simulating = Task.Run(server.SimulateAsync);
        server._accepting = Task.Run(server.AcceptAsync);
        return server;
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task SimulateAsync()
    {
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                await StepAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Dispose.
        }
#pragma warning disable CA1031 // a failed step must not kill the server silently: it is reported by /metrics (500)
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fault = e;
        }
    }

    /// <summary>
    /// One step: advance towards the wall-clock target in chunks of one simulated second until caught up or the
    /// budget is spent (so the work per tick is bounded whatever the speed), then render the snapshot.
    /// </summary>
    private async Task StepAsync()
    {
        var target = (long)Math.Min(_clock.Elapsed.Ticks * 100.0 * Speed, MaxSimulatedTime.Ticks * 100.0);
        var spent = Stopwatch.StartNew();
        while (_process.NowNs < target && spent.Elapsed < StepBudget)
            _process.AdvanceTo(Math.Min(target, _process.NowNs + ChunkNs));
        var snapshot = await Exporter.ExposeUtf8Async(_stop.Token).ConfigureAwait(false);
        _snapshot = snapshot;
        Interlocked.Exchange(ref _simulatedNs, _process.NowNs);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    // Every request is answered here, 404s included: HttpListener's own 404 (a path outside its prefixes) re-arms
    // the kept-alive connection and then force-closes it, which writes an empty "200 OK" for the next request
    // (System.Net.HttpConnection.OnReadInternal: SendError → response.Close(…, false) → Close(true) on the new context).
    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url?.AbsolutePath;
            byte[] body;
            if (path is "/metrics" or "/metrics/")
            {
                if (Fault is { } fault)
                {
                    response.StatusCode = 500;
                    response.ContentType = "text/plain; charset=utf-8";
                    body = Encoding.UTF8.GetBytes($"simulation failed: {fault.Message}\n");
                }
                else
                {
                    response.StatusCode = 200;
                    response.ContentType = TextContentType;
                    body = _snapshot;
                }
            }
            else
            {
                response.StatusCode = 404;
                response.ContentType = "text/plain; charset=utf-8";
                body = NotFoundBody;
            }

            response.ContentLength64 = body.Length;
            if (context.Request.HttpMethod != "HEAD") await response.OutputStream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
            response.Close();
            Interlocked.Increment(ref _requests);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            response.Abort(); // the client went away, or the server is stopping
        }
    }

    /// <summary>Stops listening and stops the simulation.</summary>
    public void Dispose()
    {
        if (!_stop.IsCancellationRequested) _stop.Cancel();
        _listener.Close();
        try
        {
            Task.WaitAll([_simulating, _accepting], TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // already reported through Fault, or cancelled
        }

        _stop.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"serving {Exporter.Process} at {Url}";
}
