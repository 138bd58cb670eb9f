// Mirrors: nothing in Go; an I/O helper of the kit: how input text is echoed in error messages.
using System.Globalization;
using System.Text;

namespace GoRuntimeLab.IO;

/// <summary>Echoes input text in messages safely: control characters escaped (ESC as \x1b), length capped.</summary>
public static class KitText
{
    /// <summary>The longest excerpt of input a message echoes, in characters (before escaping).</summary>
    public const int MaxExcerpt = 80;

    /// <summary>
    /// <paramref name="text"/> with every control character written as an escape (\t, \r, \n, \x1b, \u2028…) and cut
    /// to <paramref name="max"/> characters with "…", so a corrupt file cannot move the cursor, recolour or clear a
    /// terminal, and one message stays one line.
    /// </summary>
    public static string Excerpt(ReadOnlySpan<char> text, int max = MaxExcerpt)
    {
        var cut = text.Length > max;
        if (cut) text = text[..max];
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            switch (c)
            {
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                case '\n': sb.Append("\\n"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFD')
                        sb.Append(c <= 0xFF ? "\\x" : "\\u").Append(((int)c).ToString(c <= 0xFF ? "x2" : "x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        if (cut) sb.Append('…');
        return sb.ToString();
    }

    /// <summary><see cref="Excerpt(ReadOnlySpan{char}, int)"/> of a string.</summary>
    public static string Excerpt(string? text, int max = MaxExcerpt) => text is null ? "" : Excerpt(text.AsSpan(), max);

    /// <summary>True when <paramref name="message"/> holds no control character a terminal would act on.</summary>
    public static bool IsSafe(string message) => !message.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');
}
