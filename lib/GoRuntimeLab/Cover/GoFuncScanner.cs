// Mirrors: cmd/cover/func.go (findFuncs: go/parser's FuncDecls with a body, in source order), Go 1.19, for the part
// the coverage table needs: the name and the span of every top-level function declaration.
// Simplified: a lexical scan, not a parse. Comments, interpreted and raw strings and runes are skipped; a "func" at
// brace and paren depth 0 that starts a declaration (the first token after a statement end, as Go's automatic
// semicolons place one) is a FuncDecl; the body is the first "{" at paren depth 0 that does not follow "struct" or
// "interface" (whose braces are skipped). Source that go/parser would reject is not diagnosed beyond unbalanced
// braces and an unterminated comment, string or rune.
using System.Text;

namespace GoRuntimeLab.Cover;

/// <summary>Finds the function declarations of a Go source file and their spans (1-based lines, 1-based byte columns).</summary>
public static class GoFuncScanner
{
    private enum Kind { Ident, Literal, Op, End }

    private readonly record struct Token(Kind Kind, string Text, int Line, int Col, bool NewlineBefore);

    /// <summary>The function declarations with a body, in source order.</summary>
    /// <exception cref="KitInputException">Unterminated comment, string or rune, or unbalanced braces (source:line).</exception>
    public static IReadOnlyList<CoverFuncExtent> Scan(string source, string sourceName = "source.go")
    {
        ArgumentNullException.ThrowIfNull(source);
        var tokens = Tokenize(Encoding.UTF8.GetBytes(source), sourceName);
        var funcs = new List<CoverFuncExtent>();
        int braces = 0, parens = 0;
        var declStart = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.NewlineBefore && i > 0 && EndsStatement(tokens[i - 1])) declStart = true;
            if (t.Kind == Kind.Ident && t.Text == "func" && braces == 0 && parens == 0 && declStart)
            {
                i = ReadFuncDecl(tokens, i, funcs, sourceName);
                declStart = true;
                continue;
            }
            switch (t.Text)
            {
                case "{": braces++; break;
                case "}": braces--; break;
                case "(": case "[": parens++; break;
                case ")": case "]": parens--; break;
            }
            if (braces < 0 || parens < 0) throw KitInputException.For($"unbalanced \"{t.Text}\"", parameter: "source", file: sourceName, line: t.Line);
            declStart = t.Kind == Kind.Op && t.Text == ";";
        }
        if (braces != 0 || parens != 0) throw KitInputException.For("unbalanced braces or parentheses at the end of the file", parameter: "source", file: sourceName);
        return funcs;
    }

    // From "func": an optional receiver "( … )", the name, then the signature up to the body's "{" at paren depth 0
    // (struct{…} / interface{…} types in the signature skipped), then the body to its matching "}". Returns the index
    // of the last token consumed.
    private static int ReadFuncDecl(List<Token> tokens, int at, List<CoverFuncExtent> funcs, string sourceName)
    {
        var func = tokens[at];
        KitInputException Error(string what, Token near) => KitInputException.For(what, parameter: "source", file: sourceName, line: near.Line);
        var i = at + 1;
        if (i < tokens.Count && tokens[i].Text == "(") i = SkipBalanced(tokens, i, "(", ")", Error) + 1;
        if (i >= tokens.Count || tokens[i].Kind != Kind.Ident) throw Error("a func declaration without a name", func);
        var name = tokens[i].Text;
        var parens = 0;
        for (i++; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (parens == 0 && t.NewlineBefore && EndsStatement(tokens[i - 1])) return i - 1;   // no body (assembly)
            if (t.Text is "(" or "[") parens++;
            else if (t.Text is ")" or "]") parens--;
            else if (t.Text == ";" && parens == 0) return i;
            else if (t.Text == "{")
            {
                var close = SkipBalanced(tokens, i, "{", "}", Error);
                if (tokens[i - 1].Text is "struct" or "interface" || parens > 0) { i = close; continue; }
                var end = tokens[close];
                funcs.Add(new CoverFuncExtent(name, func.Line, func.Col, end.Line, end.Col + 1));
                return close;
            }
        }
        throw Error($"func {name}: the file ends inside its declaration", func);
    }

    private static int SkipBalanced(List<Token> tokens, int open, string opening, string closing, Func<string, Token, KitInputException> error)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Text == opening) depth++;
            else if (tokens[i].Text == closing && --depth == 0) return i;
        }
        throw error($"\"{opening}\" without its \"{closing}\"", tokens[open]);
    }

    // Go's automatic semicolon rule (spec "Semicolons"): a line's final token inserts one when it is an identifier, a
    // literal, one of the keywords break continue fallthrough return, or one of ++ -- ) ] }.
    private static bool EndsStatement(Token t) =>
        t.Kind is Kind.Ident or Kind.Literal || t.Text is "++" or "--" or ")" or "]" or "}";

    private static List<Token> Tokenize(byte[] src, string sourceName)
    {
        var tokens = new List<Token>();
        int line = 1, lineStart = 0, i = 0;
        var newline = false;
        KitInputException Error(string what) => KitInputException.For(what, parameter: "source", file: sourceName, line: line);
        void Add(Kind kind, int start, int end) =>
            tokens.Add(new Token(kind, Encoding.UTF8.GetString(src, start, end - start), line, start - lineStart + 1, newline));
        while (i < src.Length)
        {
            var c = src[i];
            if (c == '\n') { line++; lineStart = ++i; newline = true; continue; }
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r') { i++; continue; }
            if (c == '/' && i + 1 < src.Length && src[i + 1] == '/')
            {
                while (i < src.Length && src[i] != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < src.Length && src[i + 1] == '*')
            {
                var startLine = line;
                i += 2;
                while (i + 1 < src.Length && !(src[i] == '*' && src[i + 1] == '/'))
                {
                    if (src[i] == '\n') { line++; lineStart = i + 1; newline = true; }
                    i++;
                }
                if (i + 1 >= src.Length) { line = startLine; throw Error("unterminated /* comment"); }
                i += 2;
                continue;
            }
            var start = i;
            if (c == '"' || c == '\'')
            {
                for (i++; i < src.Length && src[i] != c; i++)
                {
                    if (src[i] == '\n') throw Error(c == '"' ? "unterminated string" : "unterminated rune");
                    if (src[i] == '\\') i++;
                }
                if (i >= src.Length) throw Error(c == '"' ? "unterminated string" : "unterminated rune");
                i++;
                Add(Kind.Literal, start, i);
            }
            else if (c == '`')
            {
                var startLine = line;
                var tokenLineStart = lineStart;
                for (i++; i < src.Length && src[i] != '`'; i++)
                    if (src[i] == '\n') { line++; lineStart = i + 1; }
                if (i >= src.Length) { line = startLine; throw Error("unterminated raw string"); }
                i++;
                tokens.Add(new Token(Kind.Literal, "`…`", startLine, start - tokenLineStart + 1, newline));
            }
            else if (IsIdent(c))
            {
                while (i < src.Length && (IsIdent(src[i]) || src[i] is >= (byte)'0' and <= (byte)'9')) i++;
                Add(Kind.Ident, start, i);
            }
            else if (c is >= (byte)'0' and <= (byte)'9' || (c == '.' && i + 1 < src.Length && src[i + 1] is >= (byte)'0' and <= (byte)'9'))
            {
                while (i < src.Length && (IsIdent(src[i]) || src[i] is >= (byte)'0' and <= (byte)'9' or (byte)'.')) i++;
                Add(Kind.Literal, start, i);
            }
            else
            {
                i += i + 1 < src.Length && (c, src[i + 1]) is ((byte)'+', (byte)'+') or ((byte)'-', (byte)'-') ? 2 : 1;
                Add(Kind.Op, start, i);
            }
            newline = false;
        }
        return tokens;
    }

    private static bool IsIdent(byte c) => c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or (byte)'_' || c >= 0x80;
}
