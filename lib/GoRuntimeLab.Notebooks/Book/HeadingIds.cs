using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GoRuntimeLab.Notebooks.Book;

/// <summary>
/// Gives every heading of a page a readable, unique anchor that keeps Chinese text and section numbers
/// ("2.1-gc原理与gogc调优", "小结-1"): Markdig's GitHub-style ids drop CJK characters and leading numbers, which left
/// most of this course's headings with ids like "section".
/// </summary>
public sealed partial class HeadingIds
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    [GeneratedRegex("""<h(?<level>[1-6])(?: id="[^"]*")?>(?<inner>.*?)</h\k<level>>""", RegexOptions.Singleline)]
    private static partial Regex Heading();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>Gives every <c>&lt;hN&gt;</c> in <paramref name="html"/> an id unique within this page (replacing Markdig's).</summary>
    public string AddIds(string html) => Heading().Replace(html, m =>
    {
        var id = Unique(Slug(WebUtility.HtmlDecode(Tag().Replace(m.Groups["inner"].Value, ""))));
        return $"<h{m.Groups["level"].Value} id=\"{WebUtility.HtmlEncode(id)}\">{m.Groups["inner"].Value}</h{m.Groups["level"].Value}>";
    });

    internal static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch) || ch is '.' or '_') sb.Append(ch);
            else if ((char.IsWhiteSpace(ch) || ch == '-') && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "section" : slug;
    }

    private string Unique(string slug)
    {
        var id = slug;
        for (var n = 1; !seen.Add(id); n++) id = $"{slug}-{n}";
        return id;
    }
}
