namespace GoRuntimeLab.Pprof;

/// <summary>
/// A file that is not a valid pprof profile: truncated or garbage bytes, a bad gzip stream, a string index out of
/// range, a reference to a missing location/function/mapping, or a rule of pprof's <c>CheckValid</c> broken. The
/// message names the file and says what is wrong (as <c>go tool pprof</c> would refuse it).
/// </summary>
public sealed class PprofFormatException : KitInputException
{
    public PprofFormatException(string message) : base(message) { }

    public PprofFormatException(string message, Exception inner) : base(message, inner) { }

    public PprofFormatException() : base("not a valid pprof profile") { }

    /// <summary>"file: what" with <see cref="KitInputException.FilePath"/> set.</summary>
    public static PprofFormatException In(string file, string what, Exception? inner = null)
    {
        var message = $"{file}: {what}";
        return inner is null
            ? new PprofFormatException(message) { FilePath = file }
            : new PprofFormatException(message, inner) { FilePath = file };
    }
}
