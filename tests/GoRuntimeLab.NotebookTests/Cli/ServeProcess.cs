using System.Diagnostics;
using System.Globalization;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>
/// `golab metrics serve --port 0` running as its own process (stopped by <see cref="Dispose"/>, or by its own
/// --duration). Started when it has printed its URL, which names the free 127.0.0.1 port it took.
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
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Golab.Dll, "metrics", "serve", "--port", "0", .. args]) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var url = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var match = url is null ? null : System.Text.RegularExpressions.Regex.Match(url, @"^http://127\.0\.0\.1:(\d+)/metrics$");
        if (match is not { Success: true })
        {
            process.Kill(entireProcessTree: true);
            var error = await process.StandardError.ReadToEndAsync();
            process.Dispose();
            throw new InvalidOperationException($"golab metrics serve printed \"{url}\": {error}");
        }

        return new ServeProcess(process, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
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
