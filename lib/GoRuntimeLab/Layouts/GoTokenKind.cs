namespace GoRuntimeLab.Layouts;

/// <summary>Token classes of the layout reader's Go lexer (go/token, reduced).</summary>
internal enum GoTokenKind
{
    Ident,
    Int,
    Number,
    String,
    Char,
    Punct,
    Semicolon,
    Eof,
}
