using System.Diagnostics;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests;

/// <summary>Runs the built CLI (lib/GoRuntimeLab.Cli/bin/golab.dll) as a user would, in its own process (and other programs the
/// tests need).</summary>
public static class Golab
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    public static string Dll => Path.Combine(Requirement.RepoRoot(), "lib", "GoRuntimeLab.Cli", "bin", "golab.dll");

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    public static Result Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        RunDll(Dll, workingDirectory, environment, args);

    /// <summary>Runs another build of the CLI (e.g. one built with <c>-o DIR</c>).</summary>
    public static Result RunDll(string dll, string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        Exec("dotnet", workingDirectory, environment, [dll, .. args]);

    /// <summary>Runs <paramref name="file"/> (found on PATH) to completion, output captured; 10 minutes at most.</summary>
    public static Result Exec(string file, string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (environment is not null) foreach (var (k, v) in environment) start.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(file + " " + string.Join(' ', args) + " did not finish in 10 minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
