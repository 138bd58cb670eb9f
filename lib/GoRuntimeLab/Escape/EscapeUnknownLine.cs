// Mirrors: nothing in Go; a line of compiler output the parser does not recognise, kept so nothing is dropped silently.
// Any Go version.
namespace GoRuntimeLab.Escape;

/// <summary>A line of the parsed output that is neither a diagnostic, an explanation line, nor known go-command noise.</summary>
/// <param name="SourceLine">1-based line in the parsed output.</param>
/// <param name="Text">The line as printed.</param>
public sealed record EscapeUnknownLine(int SourceLine, string Text)
{
    public override string ToString() => $"{SourceLine}: {Text}";
}
