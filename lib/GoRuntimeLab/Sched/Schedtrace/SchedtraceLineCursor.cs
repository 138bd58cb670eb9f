// Mirrors: the print() calls of runtime/proc.go schedtrace(), read back field by field; Go 1.19–1.23.
// Simplified: a forward-only cursor over one line; every mismatch is a SchedtraceFormatException naming file:line:column.
using System.Globalization;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Sched.Schedtrace;

/// <summary>Reads one schedtrace line left to right, the way schedtrace() wrote it, failing on the first surprise.</summary>
internal sealed class SchedtraceLineCursor(string text, string file, int line, string kind)
{
    private int _pos;

    public bool AtEnd => _pos == text.Length;

    public bool Peek(string literal) => text.AsSpan(_pos).StartsWith(literal, StringComparison.Ordinal);

    public void Expect(string literal)
    {
        if (!Peek(literal)) throw Fail($"expected \"{literal}\"");
        _pos += literal.Length;
    }

    public void End()
    {
        if (!AtEnd) throw Fail("unexpected text at the end of the line");
    }

    /// <summary>A decimal integer as Go's print prints it: optional '-', then digits.</summary>
    public long Integer(string field)
    {
        var start = _pos;
        if (_pos < text.Length && text[_pos] == '-') _pos++;
        var digits = _pos;
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
        if (_pos == digits)
        {
            _pos = start;
            throw Fail($"{field}: expected a number");
        }
        if (!long.TryParse(text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _pos = start;
            throw Fail($"{field}: number out of range");
        }
        return value;
    }

    /// <summary>A count or id: never negative.</summary>
    public long Count(string field)
    {
        var start = _pos;
        var value = Integer(field);
        if (value < 0)
        {
            _pos = start;
            throw Fail($"{field}: negative value {value}");
        }
        return value;
    }

    /// <summary>A count that fits an int (Go int32/uint32 fields and small lengths).</summary>
    public int Int32(string field)
    {
        var start = _pos;
        var value = Count(field);
        if (value > int.MaxValue)
        {
            _pos = start;
            throw Fail($"{field}: number out of range");
        }
        return (int)value;
    }

    /// <summary>A signed int32 (mallocing, locks…: int32 in Go, printed as is).</summary>
    public int SignedInt32(string field)
    {
        var start = _pos;
        var value = Integer(field);
        if (value is < int.MinValue or > int.MaxValue)
        {
            _pos = start;
            throw Fail($"{field}: number out of range");
        }
        return (int)value;
    }

    /// <summary>An id or its absence: "nil" (Go 1.21+) or "-1" (Go 1.19) for none.</summary>
    public long? Reference(string field)
    {
        if (Peek("nil"))
        {
            _pos += 3;
            return null;
        }
        var start = _pos;
        var value = Integer(field);
        if (value == -1) return null;
        if (value < 0)
        {
            _pos = start;
            throw Fail($"{field}: expected an id, -1 or nil, found {value}");
        }
        return value;
    }

    /// <summary>A Go bool: "true" or "false".</summary>
    public bool Bool(string field)
    {
        if (Peek("true"))
        {
            _pos += 4;
            return true;
        }
        if (Peek("false"))
        {
            _pos += 5;
            return false;
        }
        throw Fail($"{field}: expected true or false");
    }

    /// <summary>A flag printed 0/1 (Go 1.19's uint32 fields) or false/true (Go 1.21+'s atomic.Bool).</summary>
    public bool Flag(string field)
    {
        if (Peek("true") || Peek("false")) return Bool(field);
        var start = _pos;
        var value = Integer(field);
        if (value is 0 or 1) return value == 1;
        _pos = start;
        throw Fail($"{field}: expected 0, 1, true or false");
    }

    /// <summary>
    /// Free text up to the LAST occurrence of <paramref name="terminator"/> (not consumed): wait reasons such as
    /// "force gc (idle)" contain the characters that follow them, so the first occurrence would cut them short.
    /// </summary>
    public string TextUntilLast(string terminator, string field)
    {
        var end = text.LastIndexOf(terminator, StringComparison.Ordinal);
        if (end < _pos) throw Fail($"{field}: expected text followed by \"{terminator}\"");
        var value = text[_pos..end];
        _pos = end;
        return value;
    }

    public SchedtraceFormatException Fail(string what)
    {
        var found = _pos >= text.Length ? "the end of the line" : "\"" + KitText.Excerpt(text.AsSpan(_pos), 24) + "\"";
        return SchedtraceFormatException.At(file, line, $"malformed {kind} line: {what} at column {_pos + 1}, found {found}");
    }
}
