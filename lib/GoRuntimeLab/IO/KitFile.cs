// Mirrors: nothing in Go; the I/O helper every reader of the kit uses to open a file a user named.
using System.Text;

namespace GoRuntimeLab.IO;

/// <summary>
/// Opens a file a user named (on a command line or in a notebook cell) for one of the kit's readers: one message for
/// a missing file ("file not found (relative paths start at …)"), folders and devices/pipes refused by name, and
/// every read bounded by the reader's <see cref="KitReadLimits"/>. All failures are <see cref="KitInputException"/>s.
/// </summary>
public static class KitFile
{
    /// <summary>
    /// Checks that <paramref name="path"/> names a readable regular file and returns it; <paramref name="parameter"/>
    /// names the parameter that took it and <paramref name="what"/> says what it should be ("profile", "recording").
    /// </summary>
    /// <exception cref="KitInputException">Empty, missing, a folder, or not a regular file (a device, a pipe…).</exception>
    public static string Check(string? path, string parameter = "file", string what = "file")
    {
        if (string.IsNullOrWhiteSpace(path)) throw KitInputException.For($"no {what} given", parameter: parameter);
        if (Directory.Exists(path)) throw KitInputException.For($"is a folder; expected a {what}", parameter: parameter, file: path);
        if (!File.Exists(path)) throw NotFound(path, parameter);
        if (FileTypeProbe.NonRegularKind(path) is { } kind)
            throw KitInputException.For($"is {kind}, not a regular file; expected a {what}", parameter: parameter, file: path);
        return path;
    }

    /// <summary>
    /// The kit's one "not found" message: "file not found (relative paths start at CWD)" (or "folder not found", as
    /// <paramref name="what"/> says), so a learner sees where a relative path was looked up.
    /// </summary>
    public static KitInputException NotFound(string path, string parameter = "file", string what = "file") =>
        KitInputException.For($"{what} not found (relative paths start at {Environment.CurrentDirectory})", parameter: parameter, file: path);

    /// <summary>Opens <paramref name="path"/> for reading at most <see cref="KitReadLimits.MaxBytes"/> bytes.</summary>
    /// <exception cref="KitInputException">See <see cref="Check"/>; or the file cannot be opened.</exception>
    public static Stream OpenRead(string? path, KitReadLimits limits, string parameter = "file")
    {
        ArgumentNullException.ThrowIfNull(limits);
        var checkedPath = Check(path, parameter, limits.What);
        FileStream stream;
        try
        {
            stream = new FileStream(checkedPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw KitInputException.For($"cannot read: {e.Message}", parameter: parameter, file: checkedPath);
        }
        return new LimitedReadStream(stream, checkedPath, limits, leaveOpen: false);
    }

    /// <summary>Opens a text file to be read line by line within <paramref name="limits"/>.</summary>
    /// <exception cref="KitInputException">See <see cref="Check"/>; or the file cannot be opened.</exception>
    public static KitLineReader OpenLines(string? path, KitReadLimits limits, string parameter = "file")
    {
        var stream = OpenRead(path, limits, parameter);
        return new KitLineReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024),
            path!, limits, ownsReader: true);
    }

    /// <summary>Runs <paramref name="parse"/> over the lines of the file <paramref name="path"/> within <paramref name="limits"/>.</summary>
    /// <exception cref="KitInputException">See <see cref="Check"/>; or a limit passed.</exception>
    public static T ParseLines<T>(string? path, KitReadLimits limits, Func<KitLineReader, T> parse, string parameter = "file")
    {
        ArgumentNullException.ThrowIfNull(parse);
        using var lines = OpenLines(path, limits, parameter);
        return parse(lines);
    }

    /// <summary>
    /// The whole text of a small file (a JSON document, a Go source file) within <paramref name="limits"/>; a
    /// byte-order mark is dropped.
    /// </summary>
    /// <exception cref="KitInputException">See <see cref="Check"/>; or larger than the limit.</exception>
    public static string ReadAllText(string? path, KitReadLimits limits, string parameter = "file")
    {
        using var stream = OpenRead(path, limits, parameter);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        try
        {
            return reader.ReadToEnd();
        }
        catch (IOException e)
        {
            throw KitInputException.For($"cannot read: {e.Message}", parameter: parameter, file: path);
        }
    }

    /// <summary>The whole UTF-8 text of <paramref name="stream"/> (disposed afterwards), at most <see cref="KitReadLimits.MaxBytes"/> bytes.</summary>
    /// <exception cref="KitInputLimitException">The stream holds more.</exception>
    public static string ReadAllText(Stream stream, string source, KitReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        using var reader = new StreamReader(new LimitedReadStream(stream, source, limits, leaveOpen: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// A stream of the decompressed bytes when <paramref name="stream"/> starts with the gzip magic (1f 8b), else of
    /// the bytes as they are; either way bounded by <paramref name="limits"/> (for gzip: compressed size, decompressed
    /// size and ratio). Returns null for an empty stream.
    /// </summary>
    /// <exception cref="KitInputLimitException">A limit is passed while reading the returned stream.</exception>
    public static Stream? OpenMaybeGzip(Stream stream, string source, KitReadLimits limits, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        var limited = stream as LimitedReadStream ?? new LimitedReadStream(stream, source, limits, leaveOpen);
        var head = new byte[2];
        var got = 0;
        int n;
        while (got < 2 && (n = limited.Read(head, got, 2 - got)) > 0) got += n;
        if (got == 0)
        {
            limited.Dispose();
            return null;
        }
        var whole = new PrefixedStream(head[..got], limited);
        if (got == 2 && head[0] == 0x1f && head[1] == 0x8b)
            return new GzipLimitStream(whole, limited, source, limits);
        return whole;
    }
}
