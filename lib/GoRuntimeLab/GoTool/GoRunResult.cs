// Mirrors: what a shell shows after running a built Go program: the command, its exit status, its output.
// Not version-specific.
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.GoTool;

/// <summary>
/// One run of a Go program (or of the go command). Kept whole, output included, because learners compare the
/// real output with the model's prediction line by line.
/// </summary>
/// <param name="CommandLine">A shell command that reproduces the run, e.g.
/// "cd data/go/welcome-sleep &amp;&amp; go build -o welcome-sleep . &amp;&amp; GOMAXPROCS=1 ./welcome-sleep -work 50ms".</param>
/// <param name="ExitCode">The process exit code; 0 is success.</param>
/// <param name="Stdout">Everything printed to standard output.</param>
/// <param name="Stderr">Everything printed to standard error (where gctrace and schedtrace go).</param>
/// <param name="Elapsed">Wall time of the program alone: compilation is excluded, process start-up is not.</param>
public sealed record GoRunResult(string CommandLine, int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    /// <summary>True when the process exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command, exit code, elapsed time and both outputs, as a notebook cell should show them.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("$ ").AppendLine(CommandLine);
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"exit code {ExitCode}, {Elapsed.TotalMilliseconds:0.0} ms"));
        AppendStream(text, "stdout", Stdout);
        AppendStream(text, "stderr", Stderr);
        return text.ToString().TrimEnd('\n');
    }

    internal static void AppendStream(StringBuilder text, string name, string content)
    {
        if (content.Length == 0) return;
        text.Append("--- ").AppendLine(name);
        text.Append(content);
        if (!content.EndsWith('\n')) text.AppendLine();
    }
}
