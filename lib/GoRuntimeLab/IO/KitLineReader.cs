// Mirrors: nothing in Go; an I/O helper of the kit: reads text line by line within limits.
using System.Text;

namespace GoRuntimeLab.IO;

/// <summary>
/// Reads text one line at a time (lines end at "\n"; one "\r" before it is dropped), never holding more than one
/// line: refuses a line longer than <see cref="KitReadLimits.MaxLineChars"/> and more than
/// <see cref="KitReadLimits.MaxBytes"/> in all (bytes from a stream, characters from a <see cref="TextReader"/>),
/// with a <see cref="KitInputLimitException"/> naming the source and line.
/// </summary>
public sealed class KitLineReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly bool _ownsReader;
    private readonly char[] _buffer = new char[16 * 1024];
    private int _pos;
    private int _len;
    private long _chars;
    private bool _eof;
    private bool _peeked;
    private string? _peekedLine;

    /// <summary>Reads from <paramref name="reader"/>; <paramref name="source"/> names it in messages.</summary>
    public KitLineReader(TextReader reader, string source, KitReadLimits limits, bool ownsReader = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(limits);
        _reader = reader;
        _ownsReader = ownsReader;
        Source = source;
        Limits = limits;
    }

    /// <summary>Reads UTF-8 text from <paramref name="stream"/> (a byte-order mark is skipped), at most <see cref="KitReadLimits.MaxBytes"/> bytes.</summary>
    public static KitLineReader FromStream(Stream stream, string source, KitReadLimits limits, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        var limited = new LimitedReadStream(stream, source, limits, leaveOpen);
        return new KitLineReader(new StreamReader(limited, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024), source, limits, ownsReader: true);
    }

    /// <summary>Runs <paramref name="parse"/> over the lines of <paramref name="stream"/> (UTF-8, disposed afterwards) within <paramref name="limits"/>.</summary>
    public static T Parse<T>(Stream stream, string source, KitReadLimits limits, Func<KitLineReader, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        using var lines = FromStream(stream, source, limits);
        return parse(lines);
    }

    /// <summary>Runs <paramref name="parse"/> over the lines of <paramref name="text"/> within <paramref name="limits"/>.</summary>
    public static T Parse<T>(string text, string source, KitReadLimits limits, Func<KitLineReader, T> parse)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parse);
        using var lines = new KitLineReader(new StringReader(text), source, limits);
        return parse(lines);
    }

    /// <summary>Where the text comes from, for messages.</summary>
    public string Source { get; }

    /// <summary>The limits applied.</summary>
    public KitReadLimits Limits { get; }

    /// <summary>1-based number of the line last returned (0 before the first).</summary>
    public int LineNumber { get; private set; }

    /// <summary>The next line without its line end, or null at the end of the text (a final "\n" does not start a line).</summary>
    /// <exception cref="KitInputLimitException">The line or the text is longer than the limits allow.</exception>
    public string? ReadLine()
    {
        if (_peeked)
        {
            _peeked = false;
            if (_peekedLine is not null) LineNumber++;
            return _peekedLine;
        }
        return ReadNext();
    }

    /// <summary>The line <see cref="ReadLine"/> will return next (null at the end), without moving past it.</summary>
    /// <exception cref="KitInputLimitException">The line or the text is longer than the limits allow.</exception>
    public string? PeekLine()
    {
        if (!_peeked)
        {
            _peekedLine = ReadNext();
            if (_peekedLine is not null) LineNumber--;
            _peeked = true;
        }
        return _peekedLine;
    }

    private string? ReadNext()
    {
        StringBuilder? partial = null;
        while (true)
        {
            if (_pos == _len && !Fill())
            {
                if (partial is null) return null;
                return Finish(partial.ToString());
            }
            var newline = _buffer.AsSpan(_pos, _len - _pos).IndexOf('\n');
            if (newline >= 0) newline += _pos;
            var end = newline < 0 ? _len : newline;
            if ((partial?.Length ?? 0) + (end - _pos) > Limits.MaxLineChars + 1)
                throw KitInputLimitException.For(
                    $"line longer than {Limits.MaxLineChars} characters, the limit for a {Limits.What} (is this a text file of the right kind?)",
                    Source, Limits.MaxLineChars, LineNumber + 1);
            if (newline >= 0)
            {
                string line;
                if (partial is null) line = new string(_buffer, _pos, newline - _pos);
                else line = partial.Append(_buffer, _pos, newline - _pos).ToString();
                _pos = newline + 1;
                return Finish(line);
            }
            (partial ??= new StringBuilder()).Append(_buffer, _pos, _len - _pos);
            _pos = _len;
        }
    }

    /// <summary>Every remaining line.</summary>
    public IEnumerable<string> Lines()
    {
        while (ReadLine() is { } line) yield return line;
    }

    private string Finish(string line)
    {
        LineNumber++;
        if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
        if (line.Length > Limits.MaxLineChars)
            throw KitInputLimitException.For($"line longer than {Limits.MaxLineChars} characters, the limit for a {Limits.What}", Source, Limits.MaxLineChars, LineNumber);
        return line;
    }

    private bool Fill()
    {
        if (_eof) return false;
        int n;
        try
        {
            n = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (IOException e)
        {
            throw KitInputException.For($"cannot read: {e.Message}", file: Source);
        }
        if (n == 0)
        {
            _eof = true;
            return false;
        }
        _chars += n;
        if (_chars > Limits.MaxBytes)
            throw KitInputLimitException.For($"more than {KitReadLimits.Size(Limits.MaxBytes)}, the limit for a {Limits.What} (real ones are far smaller; is this the right file?)",
                Source, Limits.MaxBytes);
        _pos = 0;
        _len = n;
        return true;
    }

    public void Dispose()
    {
        if (_ownsReader) _reader.Dispose();
    }
}
