// Mirrors: nothing in Go; a Go program's output as a notebook receives it — live from the local Go, or replayed
// from data/recordings — with a label saying which. Any Go version.
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.GoTool;

/// <summary>
/// Output of a Go program plus where it came from. The source is part of the result, not a log line, because a
/// learner comparing "their" Go with the model must know whether they are looking at their machine or at ours.
/// </summary>
/// <param name="Source">"live go1.19.8 linux/amd64" or "recorded go1.19.8 (data/recordings/welcome/sleep-default.txt)".</param>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
/// <param name="ExitCode">Exit code of the program.</param>
public sealed record ProgramOutput(string Source, string Stdout, string Stderr, int ExitCode)
{
    /// <summary>True when the output was produced just now by the local Go toolchain.</summary>
    public bool IsLive => Source.StartsWith("live ", StringComparison.Ordinal);

    /// <summary>The source, exit code and output, as a notebook cell should show them.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"[{Source}] exit code {ExitCode}"));
        GoRunResult.AppendStream(text, "stdout", Stdout);
        GoRunResult.AppendStream(text, "stderr", Stderr);
        return text.ToString().TrimEnd('\n');
    }
}
