// Mirrors: nothing in Go; an I/O helper of the kit (a file larger than any real one of its kind, a line longer than
// any Go tool prints, a gzip stream that expands too far).
namespace GoRuntimeLab.IO;

/// <summary>
/// Input refused because it passes one of the kit's read limits (<see cref="KitReadLimits"/>): too many bytes, a
/// line too long, or a gzip stream that decompresses too far or at too high a ratio. Reading stops at the limit, so
/// an endless stream (<c>/dev/zero</c>) or a gzip bomb costs little time and memory.
/// </summary>
public sealed class KitInputLimitException : KitInputException
{
    public KitInputLimitException(string message) : base(message) { }

    public KitInputLimitException(string message, Exception inner) : base(message, inner) { }

    public KitInputLimitException() : base("input larger than the kit reads") { }

    /// <summary>The limit that was passed (bytes, characters or a ratio, as the message says).</summary>
    public long Limit { get; init; }

    internal static KitInputLimitException For(string what, string file, long limit, int? line = null) =>
        new(line is null ? $"{file}: {what}" : $"{file}:{line}: {what}") { FilePath = file, Line = line, Limit = limit };
}
