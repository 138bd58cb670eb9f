namespace GoRuntimeLab.Binaries;

/// <summary>
/// An executable that cannot be read: truncated, corrupt, or neither ELF nor PE. The message names the file and the
/// byte offset where reading stopped, as "file: at byte N: what" (debug/elf's and debug/pe's FormatError carry the
/// same offset).
/// </summary>
public sealed class BinaryFormatException : KitInputException
{
    public BinaryFormatException(string message) : base(message) { }

    public BinaryFormatException(string message, Exception inner) : base(message, inner) { }

    public BinaryFormatException() : base("invalid executable") { }

    /// <summary>Byte offset in the file where the problem was found.</summary>
    public long Offset { get; init; }

    /// <summary>Builds "source: at byte offset: what".</summary>
    public static BinaryFormatException At(string source, long offset, string what) =>
        new($"{source}: at byte {offset}: {what}") { FilePath = source, Offset = offset, Reason = $"at byte {offset}: {what}" };
}
