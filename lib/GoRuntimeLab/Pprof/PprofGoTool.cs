// Mirrors: the command line `go tool pprof -top [flags] FILE` (cmd/pprof), Go 1.19-1.23.
// Simplified: text reports only; TZ=UTC so the "Time:" line does not depend on the machine's zone.
using GoRuntimeLab.GoTool;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Pprof;

/// <summary>Runs the real <c>go tool pprof</c> on a profile, when Go is installed (optional by design).</summary>
public static class PprofGoTool
{
    /// <summary>
    /// <c>go tool pprof -top [flags] FILE</c> with the Go on PATH; null when there is no Go (the caller shows a
    /// recording instead). The result holds the exit code and both outputs.
    /// </summary>
    /// <exception cref="KitInputException">The file does not exist, or is a folder or device.</exception>
    public static GoRunResult? Top(string file, params string[] flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        KitFile.Check(file, "file", "pprof profile");
        var go = GoToolchain.Find();
        if (go is null) return null;
        string[] args = ["tool", "pprof", "-top", .. flags, file];
        var env = GoToolchain.BaseEnvironment().Append(new KeyValuePair<string, string?>("TZ", "UTC"));
        var outcome = ProcessRunner.RunAsync(go.GoPath, args, null, env, TimeSpan.FromMinutes(2),
            "go tool pprof -top", CancellationToken.None).GetAwaiter().GetResult();
        return new GoRunResult("go " + string.Join(' ', args.Select(GoToolchain.Quote)), outcome.ExitCode, outcome.Stdout, outcome.Stderr, outcome.Elapsed);
    }
}
