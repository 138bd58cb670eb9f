using System.Globalization;
using System.Text;

namespace GoRuntimeLab.Cli.Infrastructure;

/// <summary>Text the CLI prints about the user's input: one line, with control characters shown, never sent raw.</summary>
internal static class CliText
{
    /// <summary>
    /// <paramref name="text"/> on one line with every control character (C0, DEL, C1, line and paragraph separators)
    /// written as <c>\xNN</c> or <c>\uNNNN</c>, so bytes from a damaged file cannot move the cursor or change colours.
    /// </summary>
    public static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\r') sb.Append(' ');
            else if (c < 0x20 || c == 0x7f || c is >= '\u0080' and <= '\u009f') sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            else if (c is '\u2028' or '\u2029' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else sb.Append(c);
        }

        return sb.ToString();
    }
}
