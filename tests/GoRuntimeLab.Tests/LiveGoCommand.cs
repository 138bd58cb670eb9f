using System.Diagnostics;
using GoRuntimeLab.GoTool;

namespace GoRuntimeLab.Tests;

/// <summary>Runs one `go …` command (go test -bench, go test -race, go tool cover) for live tests, with a time limit.</summary>
internal static class LiveGoCommand
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(GoToolchain go, string workingDirectory, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(go.GoPath) { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HOME")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GOCACHE")))
            info.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "golab-gocache");
        info.Environment["GOFLAGS"] = "-mod=mod";
        info.Environment["GOPROXY"] = "off";
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(4)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("go " + string.Join(' ', args) + " timed out");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
