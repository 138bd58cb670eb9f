using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GoRuntimeLab.Notebooks.Book;

/// <summary>Minimal C# highlighting for the book: comments, strings, keywords, numbers and notebook directives
/// (<c>#r</c>, <c>#!import</c>). Output is HTML-escaped; unknown text passes through unchanged.</summary>
public static partial class CodeHighlighter
{
    [GeneratedRegex("""
        (?<comment>//[^\n]*|/\*.*?\*/)
        |(?<directive>^\#(?:r|i|load|!\w+)\b[^\n]*)
        |(?<string>\$?@?"(?:[^"\\\n]|\\.|"")*"|'(?:[^'\\\n]|\\.)')
        |(?<keyword>\b(?:var|new|return|using|if|else|for|foreach|in|while|await|async|class|record|struct|static|public|private|internal|void|int|long|double|string|bool|true|false|null|this|is|not|and|or|switch|case|default|break|continue|const|readonly|out|ref|params|typeof|nameof|with|throw|try|catch|finally)\b)
        |(?<number>\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?[fFdDmMlLuU]?\b)
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Token();

    public static string ToHtml(string code)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (Match m in Token().Matches(code))
        {
            sb.Append(WebUtility.HtmlEncode(code[at..m.Index]));
            var kind = m.Groups["comment"].Success ? "c" : m.Groups["directive"].Success ? "d" : m.Groups["string"].Success ? "s"
                : m.Groups["keyword"].Success ? "k" : "n";
            sb.Append("<span class=\"").Append(kind).Append("\">").Append(WebUtility.HtmlEncode(m.Value)).Append("</span>");
            at = m.Index + m.Length;
        }
        sb.Append(WebUtility.HtmlEncode(code[at..]));
        return sb.ToString();
    }
}
