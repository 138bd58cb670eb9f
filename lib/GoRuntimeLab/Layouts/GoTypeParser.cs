// Mirrors: go/parser/parser.go (Go 1.19) for the parts of the grammar a type declaration uses: parseFile's package
// clause and imports, parseGenDecl/parseTypeSpec (groups, aliases), parseType (names, qualified names, pointers,
// arrays, slices, maps, channels with direction, func and interface types, structs) and parseFieldDecl (name lists,
// embedded fields, tags). Simplified: array lengths must be integer literals; func parameter lists and interface
// bodies are kept as text (their size does not depend on them); funcs, vars and consts are skipped; generic types,
// types of other packages than unsafe and constant expressions are refused with the file and line.
using System.Numerics;
using System.Text;

namespace GoRuntimeLab.Layouts;

/// <summary>Reads the type declarations of a Go source file (see the header comment for what it accepts).</summary>
public sealed class GoTypeParser
{
    /// <summary>
    /// The deepest type nesting read (go/parser stops at maxNestLev = 100000 with "exceeded max nesting depth"; the kit
    /// stops far earlier, so that every recursive step over a type stays well inside a thread's stack).
    /// </summary>
    public const int MaxNesting = 500;

    private readonly List<GoToken> _tokens;
    private readonly string _file;
    private int _pos;
    private int _depth;

    private GoTypeParser(List<GoToken> tokens, string file)
    {
        _tokens = tokens;
        _file = file;
    }

    /// <summary>Parses Go source text; <paramref name="file"/> labels errors (file:line).</summary>
    /// <exception cref="KitInputException">Not Go the reader understands: the message names the file and line.</exception>
    public static GoTypeFile Parse(string source, string file = "source.go")
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        var parser = new GoTypeParser(GoTypeLexer.Tokenize(source, file), file);
        return parser.ParseFile();
    }

    private GoToken Peek(int ahead = 0) => _tokens[Math.Min(_pos + ahead, _tokens.Count - 1)];

    private GoToken Next()
    {
        var t = Peek();
        if (_pos < _tokens.Count - 1) _pos++;
        return t;
    }

    private KitInputException Error(GoToken at, string what) => KitInputException.For(what, parameter: "path", file: _file, line: at.Line);

    private GoToken Expect(string punct, string context)
    {
        var t = Next();
        if (!t.Is(punct)) throw Error(t, $"expected '{punct}' {context}, found {t}");
        return t;
    }

    private string ExpectIdent(string context)
    {
        var t = Next();
        if (t.Kind != GoTokenKind.Ident || GoTypeLexer.IsKeyword(t.Text)) throw Error(t, $"expected {context}, found {t}");
        return t.Text;
    }

    private void ExpectSemicolon(string context)
    {
        var t = Peek();
        if (t.Kind == GoTokenKind.Semicolon) Next();
        else if (t.Kind != GoTokenKind.Eof && !t.Is(")") && !t.Is("}")) throw Error(t, $"expected ';' or newline {context}, found {t}");
    }

    private GoTypeFile ParseFile()
    {
        var first = Next();
        if (!first.IsKeyword("package")) throw Error(first, $"expected 'package' clause, found {first}");
        var package = ExpectIdent("package name");
        ExpectSemicolon("after package clause");
        var types = new List<GoTypeDecl>();
        while (Peek().Kind != GoTokenKind.Eof)
        {
            var t = Peek();
            if (t.Kind == GoTokenKind.Semicolon)
            {
                Next();
                continue;
            }
            if (t.IsKeyword("type"))
            {
                Next();
                if (Peek().Is("("))
                {
                    Next();
                    while (!Peek().Is(")"))
                    {
                        if (Peek().Kind == GoTokenKind.Eof) throw Error(Peek(), "type group not closed: expected ')'");
                        if (Peek().Kind == GoTokenKind.Semicolon)
                        {
                            Next();
                            continue;
                        }
                        types.Add(ParseTypeSpec());
                        ExpectSemicolon("after type declaration");
                    }
                    Next();
                }
                else
                {
                    types.Add(ParseTypeSpec());
                }
                ExpectSemicolon("after type declaration");
                continue;
            }
            if (t.Kind != GoTokenKind.Ident || !(t.Text is "import" or "func" or "var" or "const"))
                throw Error(t, $"expected a declaration (type, func, var, const or import), found {t}");
            SkipDeclaration();
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in types)
        {
            if (d.Name == "_") continue;
            if (seen.TryGetValue(d.Name, out var earlier))
                throw KitInputException.For($"{d.Name} redeclared in this block (first declared at line {earlier})", parameter: "path", file: _file, line: d.Line);
            seen[d.Name] = d.Line;
        }
        return new GoTypeFile(_file, package, types);
    }

    // import, func, var and const declarations: everything up to the ';' at bracket depth 0 (a func body's
    // statements sit inside its braces).
    private void SkipDeclaration()
    {
        var start = Next();
        var depth = 0;
        while (true)
        {
            var t = Peek();
            if (t.Kind == GoTokenKind.Eof)
            {
                if (depth == 0) return;
                throw Error(start, $"'{start.Text}' declaration not closed before the end of the file");
            }
            if (t.Is("(") || t.Is("[") || t.Is("{")) depth++;
            else if (t.Is(")") || t.Is("]") || t.Is("}"))
            {
                if (depth == 0) throw Error(t, $"unexpected {t}");
                depth--;
            }
            else if (t.Kind == GoTokenKind.Semicolon && depth == 0)
            {
                Next();
                return;
            }
            Next();
        }
    }

    private GoTypeDecl ParseTypeSpec()
    {
        var nameToken = Peek();
        var name = ExpectIdent("type name");
        if (Peek().Is("[") && Peek(1).Kind == GoTokenKind.Ident && !GoTypeLexer.IsKeyword(Peek(1).Text) && !Peek(2).Is("]"))
            throw Error(Peek(), $"generic type {name}[…] is not supported: only non-generic types");
        var alias = false;
        if (Peek().Is("="))
        {
            Next();
            alias = true;
        }
        return new GoTypeDecl(name, ParseType(), alias, nameToken.Line);
    }

    private GoTypeExpr ParseType()
    {
        if (++_depth > MaxNesting) throw Error(Peek(), $"exceeded max nesting depth: types nested more than {MaxNesting} deep are not supported");
        try
        {
            return ParseTypeUnchecked();
        }
        finally
        {
            _depth--;
        }
    }

    private GoTypeExpr ParseTypeUnchecked()
    {
        var t = Peek();
        if (t.Kind == GoTokenKind.Ident)
        {
            switch (t.Text)
            {
                case "struct": return ParseStruct();
                case "map":
                    Next();
                    Expect("[", "after map");
                    var key = ParseType();
                    Expect("]", "after map key type");
                    return new GoTypeExpr(GoTypeKind.Map, t.Line) { Key = key, Elem = ParseType() };
                case "chan":
                    Next();
                    var direction = "chan";
                    if (Peek().Is("<-"))
                    {
                        Next();
                        direction = "chan<-";
                    }
                    return new GoTypeExpr(GoTypeKind.Chan, t.Line) { Text = direction, Elem = ParseType() };
                case "func": return ParseFunc();
                case "interface":
                    Next();
                    if (!Peek().Is("{")) throw Error(Peek(), $"expected '{{' after interface, found {Peek()}");
                    return new GoTypeExpr(GoTypeKind.Interface, t.Line) { Text = "interface" + Join(SkipBalanced()) };
            }
            if (GoTypeLexer.IsKeyword(t.Text)) throw Error(t, $"expected a type, found {t}");
            Next();
            if (Peek().Is("."))
            {
                Next();
                var selector = ExpectIdent($"a type name after '{t.Text}.'");
                if (t.Text == "unsafe" && selector == "Pointer") return new GoTypeExpr(GoTypeKind.UnsafePointer, t.Line);
                throw Error(t, $"type {t.Text}.{selector} is from package {t.Text}: only types declared in this file, predeclared types and unsafe.Pointer are supported");
            }
            if (Peek().Is("[") && !Peek(1).Is("]"))
                throw Error(Peek(), $"generic type instantiation {t.Text}[…] is not supported");
            return new GoTypeExpr(GoTypeKind.Named, t.Line) { Name = t.Text };
        }
        if (t.Is("*"))
        {
            Next();
            return new GoTypeExpr(GoTypeKind.PointerTo, t.Line) { Elem = ParseType() };
        }
        if (t.Is("<-"))
        {
            Next();
            var chan = Next();
            if (!chan.IsKeyword("chan")) throw Error(chan, $"expected 'chan' after '<-', found {chan}");
            return new GoTypeExpr(GoTypeKind.Chan, t.Line) { Text = "<-chan", Elem = ParseType() };
        }
        if (t.Is("("))
        {
            Next();
            var inner = ParseType();
            Expect(")", "after parenthesized type");
            return inner;
        }
        if (t.Is("["))
        {
            Next();
            if (Peek().Is("]"))
            {
                Next();
                return new GoTypeExpr(GoTypeKind.Slice, t.Line) { Elem = ParseType() };
            }
            var length = Next();
            if (length.Is("...")) throw Error(length, "[...]T is only allowed in a composite literal, not in a type");
            if (length.Kind != GoTokenKind.Int || !Peek().Is("]"))
                throw Error(length, $"array length {(length.Kind == GoTokenKind.Eof ? "missing" : length.Text + (Peek().Is("]") ? "" : " …"))}: only an integer literal is supported as an array length");
            Next();
            return new GoTypeExpr(GoTypeKind.Array, t.Line) { Length = ParseLength(length), Elem = ParseType() };
        }
        throw Error(t, $"expected a type, found {t}");
    }

    private GoTypeExpr ParseFunc()
    {
        var start = Next();
        if (!Peek().Is("(")) throw Error(Peek(), $"expected '(' after func in a type, found {Peek()}");
        var text = new List<GoToken> { start };
        text.AddRange(SkipBalanced());
        var r = Peek();
        if (r.Is("("))
        {
            text.AddRange(SkipBalanced());
        }
        else if (StartsType(r))
        {
            var from = _pos;
            ParseType();
            text.AddRange(_tokens.Skip(from).Take(_pos - from));
        }
        return new GoTypeExpr(GoTypeKind.Func, start.Line) { Text = Join(text) };
    }

    private static bool StartsType(GoToken t) =>
        (t.Kind == GoTokenKind.Ident && (!GoTypeLexer.IsKeyword(t.Text) || t.Text is "struct" or "map" or "chan" or "func" or "interface"))
        || t.Is("*") || t.Is("[") || t.Is("<-");

    // A bracketed token run starting at the current '(' or '{', brackets balanced; returns its tokens.
    private List<GoToken> SkipBalanced()
    {
        var open = Peek();
        var run = new List<GoToken>();
        var depth = 0;
        do
        {
            var t = Next();
            if (t.Kind == GoTokenKind.Eof) throw Error(open, $"{open} not closed before the end of the file");
            if (t.Is("(") || t.Is("[") || t.Is("{")) depth++;
            else if (t.Is(")") || t.Is("]") || t.Is("}")) depth--;
            run.Add(t);
        }
        while (depth > 0);
        return run;
    }

    private GoTypeExpr ParseStruct()
    {
        var start = Next();
        Expect("{", "after struct");
        var fields = new List<GoField>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        while (!Peek().Is("}"))
        {
            var t = Peek();
            if (t.Kind == GoTokenKind.Eof) throw Error(start, "struct not closed: expected '}'");
            if (t.Kind == GoTokenKind.Semicolon)
            {
                Next();
                continue;
            }
            var declared = ParseFieldDecl();
            foreach (var f in declared)
            {
                if (f.Name != "_" && names.TryGetValue(f.Name, out var earlier))
                    throw Error(new GoToken(GoTokenKind.Ident, f.Name, f.Line), $"duplicate field {f.Name} (first at line {earlier})");
                names[f.Name] = f.Line;
                fields.Add(f);
            }
            if (Peek().Kind == GoTokenKind.String) Next(); // the tag: no effect on layout
            if (Peek().Kind == GoTokenKind.Semicolon) Next();
            else if (!Peek().Is("}")) throw Error(Peek(), $"expected ';', newline or '}}' after a field, found {Peek()}");
        }
        Next();
        return new GoTypeExpr(GoTypeKind.Struct, start.Line) { Fields = fields };
    }

    private List<GoField> ParseFieldDecl()
    {
        var t = Peek();
        if (t.Is("*"))
        {
            var type = ParseType();
            return [Embedded(type, t)];
        }
        if (t.Kind != GoTokenKind.Ident || GoTypeLexer.IsKeyword(t.Text)) throw Error(t, $"expected a field name or embedded type, found {t}");
        var next = Peek(1);
        if (next.Is(".") || next.Kind == GoTokenKind.Semicolon || next.Kind == GoTokenKind.String || next.Is("}"))
            return [Embedded(ParseType(), t)];
        var names = new List<GoToken> { Next() };
        while (Peek().Is(","))
        {
            Next();
            var n = Peek();
            ExpectIdent("a field name after ','");
            names.Add(n);
        }
        var fieldType = ParseType();
        return names.Select(n => new GoField(n.Text, fieldType, Embedded: false, n.Line)).ToList();
    }

    // spec: "An embedded field must be specified as a type name T or as a pointer to a non-interface type name *T,
    // and T itself may not be a pointer type. The unqualified type name acts as the field name."
    private GoField Embedded(GoTypeExpr type, GoToken at)
    {
        var named = type.Kind == GoTypeKind.PointerTo ? type.Elem! : type;
        if (named.Kind == GoTypeKind.UnsafePointer) throw Error(at, "embedded field type cannot be unsafe.Pointer");
        if (named.Kind != GoTypeKind.Named) throw Error(at, $"embedded field must be a type name T or *T, not {type}");
        return new GoField(named.Name, type, Embedded: true, at.Line);
    }

    // go/constant's reading of an integer literal: decimal, 0x, 0o, 0b, legacy 0-octal, '_' between digits.
    private long ParseLength(GoToken token)
    {
        var text = token.Text.Replace("_", "", StringComparison.Ordinal);
        var (digits, radix) = text.Length > 1 && text[0] == '0'
            ? char.ToLowerInvariant(text[1]) switch
            {
                'x' => (text[2..], 16),
                'o' => (text[2..], 8),
                'b' => (text[2..], 2),
                _ => (text[1..], 8),
            }
            : (text, 10);
        if (digits.Length == 0 || token.Text.EndsWith('_') || token.Text.Contains("__", StringComparison.Ordinal))
            throw Error(token, $"invalid integer literal {token.Text}");
        BigInteger value = 0;
        foreach (var c in digits)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix) throw Error(token, $"invalid digit '{c}' in integer literal {token.Text}");
            value = value * radix + d;
        }
        if (value > long.MaxValue) throw Error(token, $"array length {token.Text} overflows int64");
        return (long)value;
    }

    // Func and interface text as gofmt would roughly write it: spaces between words and after commas and ')'.
    private static string Join(IEnumerable<GoToken> tokens)
    {
        var s = new StringBuilder();
        GoToken? prev = null;
        foreach (var t in tokens)
        {
            if (prev is { } p)
            {
                var wordish = t.Kind is GoTokenKind.Ident or GoTokenKind.Int or GoTokenKind.String;
                if ((p.Kind is GoTokenKind.Ident or GoTokenKind.Int or GoTokenKind.String && wordish && !p.IsKeyword("func"))
                    || p.Is(",") || p.Kind == GoTokenKind.Semicolon
                    || (p.Is(")") && (wordish || t.Is("(") || t.Is("*") || t.Is("["))))
                    s.Append(' ');
            }
            s.Append(t.Kind == GoTokenKind.Semicolon ? ";" : t.Text);
            prev = t;
        }
        return s.ToString().Replace("; }", "}", StringComparison.Ordinal).Replace(" ;", ";", StringComparison.Ordinal);
    }
}
