// Mirrors: nothing in Go; a learner's answer to a lab, from a notebook cell (a C# value) or an answers file (JSON).
using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace GoRuntimeLab.Labs;

/// <summary>
/// A learner's answer, normalised so one checker reads it the same way from a notebook cell (<c>137</c>, <c>"100"</c>,
/// <c>EscapeKind.LeakingParam</c>, <c>new[] { "100", "480MiB" }</c>) and from an answers file (JSON numbers, strings,
/// booleans, arrays).
/// </summary>
public sealed class LabAnswer
{
    private readonly object? _value;

    private LabAnswer(object? value) => _value = value;

    /// <summary>True when there is no answer (null, or JSON null).</summary>
    public bool IsMissing => _value is null;

    /// <summary>The answer from a notebook value or a <see cref="JsonElement"/>; null stays "not answered".</summary>
    public static LabAnswer From(object? value) => value switch
    {
        null => new LabAnswer(null),
        LabAnswer a => a,
        JsonElement e => FromJson(e),
        string or bool => new LabAnswer(value),
        Enum e => new LabAnswer(e.ToString()),
        sbyte or byte or short or ushort or int or uint or long => new LabAnswer(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        ulong u => new LabAnswer((decimal)u),
        float or double => double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture))
            ? new LabAnswer(Convert.ToDecimal(value, CultureInfo.InvariantCulture)) : new LabAnswer(value.ToString()),
        decimal d => new LabAnswer(d),
        IEnumerable items => new LabAnswer(items.Cast<object?>().Select(From).ToList()),
        _ => new LabAnswer(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static LabAnswer FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => new LabAnswer(null),
        JsonValueKind.String => new LabAnswer(e.GetString()),
        JsonValueKind.True => new LabAnswer(true),
        JsonValueKind.False => new LabAnswer(false),
        JsonValueKind.Number => e.TryGetDecimal(out var d) ? new LabAnswer(d) : new LabAnswer(e.GetRawText()),
        JsonValueKind.Array => new LabAnswer(e.EnumerateArray().Select(FromJson).ToList()),
        _ => new LabAnswer(e.GetRawText()),
    };

    /// <summary>The answer as a whole number (a JSON number without fraction, or a string of digits).</summary>
    public bool TryInteger(out long value)
    {
        value = 0;
        switch (_value)
        {
            case decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue:
                value = (long)d;
                return true;
            case string s:
                return long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }

    /// <summary>The answer as text (a string, or the invariant text of a number or boolean); null for a list.</summary>
    public string? Text => _value switch
    {
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => null,
    };

    /// <summary>The answer as a boolean (true/false, or the strings "true"/"false").</summary>
    public bool TryBoolean(out bool value)
    {
        value = false;
        if (_value is bool b)
        {
            value = b;
            return true;
        }
        return _value is string s && bool.TryParse(s.Trim(), out value);
    }

    /// <summary>The items of an array answer; null when the answer is not a list.</summary>
    public IReadOnlyList<LabAnswer>? Items => _value as IReadOnlyList<LabAnswer>;

    /// <summary>What the learner wrote, for messages ("未作答" when missing).</summary>
    public override string ToString() => _value switch
    {
        null => "未作答",
        IReadOnlyList<LabAnswer> items => "[" + string.Join(", ", items) + "]",
        string s when s.Contains('\n', StringComparison.Ordinal) || s.Length > 60 => "\"" + Short(s) + "…\"",
        string s => "\"" + s + "\"",
        _ => Text ?? "?",
    };

    // A long or multi-line answer (source code) is quoted by its first line, at most 40 characters.
    private static string Short(string s)
    {
        var first = s.TrimStart().Split('\n')[0].TrimEnd('\r');
        return first.Length > 40 ? first[..40] : first;
    }
}
