// Mirrors: a failed `go build` (src/cmd/go/internal/work): compiler errors on stderr, non-zero exit.
// Go 1.19–1.23.
namespace GoRuntimeLab.GoTool;

/// <summary>
/// `go build` failed, so there is no program to run. Thrown rather than returned so that compiler errors are
/// never mistaken for the program's own output; <see cref="Build"/> holds the full compiler output.
/// </summary>
public class GoBuildException : Exception
{
    public GoBuildException() : base("go build failed") { }

    public GoBuildException(string message) : base(message) { }

    public GoBuildException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception for a failed build; the message carries the compiler's stderr.</summary>
    public GoBuildException(GoRunResult build)
        : base($"go build failed (exit code {build?.ExitCode}): {build?.CommandLine}\n{build?.Stderr.TrimEnd()}")
    {
        Build = build;
    }

    /// <summary>The build command and its output, when known.</summary>
    public GoRunResult? Build { get; }
}
