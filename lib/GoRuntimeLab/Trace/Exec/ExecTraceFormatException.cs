namespace GoRuntimeLab.Trace.Exec;

/// <summary>
/// An execution trace that cannot be read: truncated, corrupt, or of a format version the kit does not read.
/// The message names the file and the byte offset where reading stopped, as "file: at byte N: what".
/// </summary>
public sealed class ExecTraceFormatException : KitInputException
{
    public ExecTraceFormatException(string message) : base(message) { }

    public ExecTraceFormatException(string message, Exception inner) : base(message, inner) { }

    public ExecTraceFormatException() : base("invalid execution trace") { }

    /// <summary>Byte offset in the file where the problem was found.</summary>
    public long Offset { get; init; }

    /// <summary>Builds "source: at byte offset: what".</summary>
    public static ExecTraceFormatException At(string source, long offset, string what) =>
        new($"{source}: at byte {offset}: {what}") { FilePath = source, Offset = offset, Reason = $"at byte {offset}: {what}" };
}
