using GoRuntimeLab.Cli.Infrastructure;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.CliTests;

/// <summary>
/// Runs golab in this process, as the built tool would run (same entry point, same exit codes), with Console.Out and
/// Console.Error captured and the repository root as working directory. One run at a time: both are process-wide.
/// </summary>
internal static class InProcessGolab
{
    private static readonly Lock Gate = new();

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>The non-empty lines written to stderr.</summary>
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public override string ToString() => $"exit {ExitCode}; stderr: {Stderr.Trim()}; stdout: {(Stdout.Length > 300 ? Stdout[..300] + "…" : Stdout)}";
    }

    public static Result Run(params string[] args)
    {
        lock (Gate)
        {
            var (stdout, stderr, cwd) = (Console.Out, Console.Error, Directory.GetCurrentDirectory());
            var (o, e) = (new StringWriter(), new StringWriter());
            try
            {
                Console.SetOut(TextWriter.Synchronized(o));
                Console.SetError(TextWriter.Synchronized(e));
                Directory.SetCurrentDirectory(Requirement.RepoRoot());
                var run = GolabCli.RunAsync(args);
                // A hang detector, not a speed target: every case here fails (or succeeds) long before this.
                if (!run.Wait(TimeSpan.FromSeconds(120)))
                    throw new TimeoutException("golab " + string.Join(' ', args) + " did not return within 120 s");
                return new Result(run.Result, o.ToString(), e.ToString());
            }
            finally
            {
                Console.SetOut(stdout);
                Console.SetError(stderr);
                Directory.SetCurrentDirectory(cwd);
            }
        }
    }
}
