using System.Net;
using System.Reflection;
using System.Text;

namespace GoRuntimeLab.Charts.Display;

/// <summary>
/// One result object shown as a two-column table (name, value) instead of .NET Interactive's collapsed
/// <c>▶ { … }</c> tree. Notebooks write <c>new { a = 1, b = 2 }.AsTable()</c>; the kit's HTML formatter draws it.
/// </summary>
/// <param name="Rows">Property names and their displayed values, in declaration order.</param>
public sealed record KeyValueTable(IReadOnlyList<KeyValuePair<string, string>> Rows)
{
    /// <summary>The public instance properties of <paramref name="value"/> (an anonymous object or a record).</summary>
    public static KeyValueTable Of(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var rows = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => new KeyValuePair<string, string>(p.Name, Text(p.GetValue(value))))
            .ToList();
        return new KeyValueTable(rows);
    }

    /// <summary>The HTML table the formatter writes.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder("<table class=\"golab-kv\">");
        foreach (var (name, text) in Rows)
        {
            sb.Append("<tr><th style=\"text-align:left\">").Append(WebUtility.HtmlEncode(name))
              .Append("</th><td style=\"text-align:left;white-space:pre-wrap\">").Append(WebUtility.HtmlEncode(text)).Append("</td></tr>");
        }

        return sb.Append("</table>").ToString();
    }

    public override string ToString() => string.Join("\n", Rows.Select(r => $"{r.Key} = {r.Value}"));

    private static string Text(object? value) => RowTable.Cell(value);
}
