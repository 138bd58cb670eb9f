// Mirrors: go/scanner/scanner.go (Go 1.19): token classes, comments, raw and interpreted strings, runes, and the
// automatic semicolon rule (a newline after an identifier, literal, the keywords break/continue/fallthrough/return,
// ++, --, ')', ']' or '}' ends the statement). Simplified: numbers are read loosely (only integer literals are
// evaluated, by the parser), operators other than "...", "<-", "++", "--" are single characters.
using System.Text;

namespace GoRuntimeLab.Layouts;

/// <summary>Splits Go source into tokens for <see cref="GoTypeParser"/>.</summary>
internal static class GoTypeLexer
{
    private static readonly HashSet<string> Keywords =
    [
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto",
        "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
    ];

    /// <exception cref="KitInputException">An unterminated string, rune or comment, or a character Go does not allow.</exception>
    public static List<GoToken> Tokenize(string source, string file)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tokens = new List<GoToken>();
        var line = 1;
        var i = 0;
        void Newline()
        {
            if (tokens.Count > 0 && InsertsSemicolon(tokens[^1])) tokens.Add(new GoToken(GoTokenKind.Semicolon, "\n", line));
        }

        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n')
            {
                Newline();
                line++;
                i++;
                continue;
            }
            if (c is ' ' or '\t' or '\r' or '\uFEFF')
            {
                i++;
                continue;
            }
            var start = line;
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i < source.Length && source[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0) throw KitInputException.For("comment not terminated", file: file, line: start);
                var newlines = source.AsSpan(i, end - i).Count('\n');
                if (newlines > 0) Newline();
                line += newlines;
                i = end + 2;
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var j = i + 1;
                while (j < source.Length && (char.IsLetterOrDigit(source[j]) || source[j] == '_')) j++;
                tokens.Add(new GoToken(GoTokenKind.Ident, source[i..j], start));
                i = j;
                continue;
            }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                var j = i + 1;
                while (j < source.Length && (char.IsAsciiLetterOrDigit(source[j]) || source[j] is '_' or '.'
                                             || (source[j] is '+' or '-' && source[j - 1] is 'e' or 'E' or 'p' or 'P' && !IsHex(source, i))))
                    j++;
                var text = source[i..j];
                var isInt = text.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') && !text.EndsWith('i');
                tokens.Add(new GoToken(isInt ? GoTokenKind.Int : GoTokenKind.Number, text, start));
                i = j;
                continue;
            }
            if (c is '"' or '\'')
            {
                var j = i + 1;
                while (j < source.Length && source[j] != c && source[j] != '\n') j += source[j] == '\\' ? 2 : 1;
                if (j >= source.Length || source[j] != c)
                    throw KitInputException.For(c == '"' ? "string literal not terminated" : "rune literal not terminated", file: file, line: start);
                tokens.Add(new GoToken(c == '"' ? GoTokenKind.String : GoTokenKind.Char, source[i..(j + 1)], start));
                i = j + 1;
                continue;
            }
            if (c == '`')
            {
                var end = source.IndexOf('`', i + 1);
                if (end < 0) throw KitInputException.For("raw string literal not terminated", file: file, line: start);
                tokens.Add(new GoToken(GoTokenKind.String, source[i..(end + 1)], start));
                line += source.AsSpan(i, end - i).Count('\n');
                i = end + 1;
                continue;
            }
            if (c == ';')
            {
                tokens.Add(new GoToken(GoTokenKind.Semicolon, ";", start));
                i++;
                continue;
            }
            var op = Match(source, i, "...") ?? Match(source, i, "<-") ?? Match(source, i, "++") ?? Match(source, i, "--");
            if (op is not null)
            {
                tokens.Add(new GoToken(GoTokenKind.Punct, op, start));
                i += op.Length;
                continue;
            }
            if ("{}[]()*,.=:+-/%&|^<>!~".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new GoToken(GoTokenKind.Punct, c.ToString(), start));
                i++;
                continue;
            }
            throw KitInputException.For($"invalid character {Describe(c)} in Go source", file: file, line: start);
        }
        Newline();
        tokens.Add(new GoToken(GoTokenKind.Eof, "", line));
        return tokens;
    }

    /// <summary>Whether a word is a Go keyword (and so cannot name a type or a field).</summary>
    public static bool IsKeyword(string word) => Keywords.Contains(word);

    private static bool IsHex(string s, int i) => i + 1 < s.Length && s[i] == '0' && s[i + 1] is 'x' or 'X';

    private static string? Match(string source, int i, string op) => string.CompareOrdinal(source, i, op, 0, op.Length) == 0 ? op : null;

    private static bool InsertsSemicolon(GoToken last) => last.Kind switch
    {
        GoTokenKind.Ident => !Keywords.Contains(last.Text) || last.Text is "break" or "continue" or "fallthrough" or "return",
        GoTokenKind.Int or GoTokenKind.Number or GoTokenKind.String or GoTokenKind.Char => true,
        GoTokenKind.Punct => last.Text is ")" or "]" or "}" or "++" or "--",
        _ => false,
    };

    private static string Describe(char c) => char.IsControl(c) || char.IsWhiteSpace(c)
        ? $"U+{(int)c:X4}"
        : new StringBuilder().Append('\'').Append(c).Append('\'').ToString();
}
