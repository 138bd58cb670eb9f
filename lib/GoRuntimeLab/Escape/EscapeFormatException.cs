// Mirrors: nothing in Go; the kit's error for compiler output that has the shape of a diagnostic ("path.go:…: …") but
// not its content (a non-numeric line or column). Any Go version.
namespace GoRuntimeLab.Escape;

/// <summary>
/// A line of `-gcflags=-m` output looks like a compiler diagnostic but is malformed. The message names the output file
/// and the 1-based line; <see cref="KitInputException.FilePath"/> and <see cref="KitInputException.Line"/> carry both.
/// </summary>
public class EscapeFormatException : KitInputException
{
    public EscapeFormatException() : base("malformed -gcflags=-m output") { }

    public EscapeFormatException(string message) : base(message) { }

    public EscapeFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Builds the exception; the message is "file:line: what".</summary>
    public static EscapeFormatException At(string file, int line, string what) =>
        new($"{file}:{line}: {what}") { FilePath = file, Line = line };
}
