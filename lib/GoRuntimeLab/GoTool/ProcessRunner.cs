// Mirrors: nothing in Go; the kit's one way of starting a child process (the go command or a built program),
// so timeouts, process-tree kills, UTF-8 output and timing are handled the same everywhere.
using System.Diagnostics;
using System.Text;

namespace GoRuntimeLab.GoTool;

/// <summary>Runs one child process to completion and captures its output.</summary>
internal static class ProcessRunner
{
    /// <summary>The outcome of one child process.</summary>
    internal sealed record Outcome(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    /// <summary>
    /// Starts <paramref name="file"/>, waits for it, and returns its exit code and output. Elapsed is measured
    /// from just before start to exit, so it includes process start-up but nothing the caller did before.
    /// </summary>
    /// <param name="file">The executable.</param>
    /// <param name="arguments">Its arguments, passed as-is (no shell).</param>
    /// <param name="workingDirectory">Where it runs; null for this process's current directory.</param>
    /// <param name="environment">Variables to set (value) or remove (null) on top of this process's environment.</param>
    /// <param name="timeout">Wall-time limit.</param>
    /// <param name="what">Names the process in a timeout message, e.g. "Go program welcome-sleep (data/go/welcome-sleep)".</param>
    /// <param name="cancellationToken">Stops waiting and kills the process tree.</param>
    /// <exception cref="TimeoutException">It ran longer than <paramref name="timeout"/>; it and its children were
    /// killed. The message is <paramref name="what"/> plus the limit.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; it and its children were killed first.</exception>
    internal static async Task<Outcome> RunAsync(
        string file,
        IEnumerable<string> arguments,
        string? workingDirectory,
        IEnumerable<KeyValuePair<string, string?>> environment,
        TimeSpan timeout,
        string what,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            CreateNoWindow = true,
        };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        using var process = new Process { StartInfo = info };
        var clock = Stopwatch.StartNew();
        process.Start();
        // No input: a program that reads stdin sees end-of-file instead of hanging until the timeout.
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            clock.Stop();
        }
        catch (OperationCanceledException)
        {
            // Kill the whole tree: `go` starts compilers and linkers, and an orphaned grandchild would keep our
            // output pipes open (and the CPU busy) after we have given up.
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested) throw;
            throw new TimeoutException($"{what} did not finish within {Describe(timeout)} and was killed (with its child processes)");
        }

        return new Outcome(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false), clock.Elapsed);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill: nothing left to stop.
        }
    }

    /// <summary>"60 s", "250 ms": how limits appear in messages.</summary>
    internal static string Describe(TimeSpan t) =>
        t.TotalSeconds >= 1
            ? FormattableString.Invariant($"{t.TotalSeconds:0.###} s")
            : FormattableString.Invariant($"{t.TotalMilliseconds:0.###} ms");
}
