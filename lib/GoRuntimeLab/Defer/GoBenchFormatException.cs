namespace GoRuntimeLab.Defer;

/// <summary>A malformed benchmark line in `go test -bench` output; <see cref="KitInputException.Line"/> is its 1-based line.</summary>
public sealed class GoBenchFormatException : KitInputException
{
    public GoBenchFormatException() { }

    public GoBenchFormatException(string message) : base(message) { }

    public GoBenchFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>"source:line: what", with <see cref="KitInputException.FilePath"/> and <see cref="KitInputException.Line"/> set.</summary>
    public static GoBenchFormatException At(string source, int line, string what) =>
        new($"{source}:{line}: {what}") { FilePath = source, Line = line };
}
