namespace GoRuntimeLab.Gc.Trace;

/// <summary>
/// A line that starts like a gctrace line ("gc " and a digit) but does not follow the format Go prints. The
/// message names the file, the 1-based line, the column and what was expected there.
/// </summary>
public sealed class GcTraceFormatException : KitInputException
{
    public GcTraceFormatException(string message) : base(message) { }

    public GcTraceFormatException(string message, Exception inner) : base(message, inner) { }

    public GcTraceFormatException() : base("malformed gctrace line") { }

    /// <summary>1-based column in the line where the format broke.</summary>
    public int Column { get; init; }

    internal static GcTraceFormatException At(string file, int line, int column, string what) =>
        new($"{file}:{line}: column {column}: {what}") { FilePath = file, Line = line, Column = column };
}
