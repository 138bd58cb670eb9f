using System.Diagnostics;
using System.Globalization;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>
/// `golab metrics serve` running as its own process on a free 127.0.0.1 port (stopped by <see cref="Dispose"/>, or
/// by its own --duration). Started when it has printed its URL.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private ServeProcess(Process process, int port)
    {
        Process = process;
        Port = port;
    }

    public Process Process { get; }

    public int Port { get; }

    /// <summary>The server's resident memory now (bytes).</summary>
    public long ResidentBytes
    {
        get
        {
            Process.Refresh();
            return Process.WorkingSet64;
        }
    }

    public static async Task<ServeProcess> StartAsync(params string[] args)
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Golab.Dll, "metrics", "serve", "--port", port.ToString(CultureInfo.InvariantCulture), .. args]) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var serve = new ServeProcess(process, port);
        var url = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (url != $"http://127.0.0.1:{port}/metrics")
        {
            serve.Dispose();
            throw new InvalidOperationException($"golab metrics serve printed \"{url}\": {await process.StandardError.ReadToEndAsync()}");
        }

        return serve;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
        }

        Process.Dispose();
    }
}
