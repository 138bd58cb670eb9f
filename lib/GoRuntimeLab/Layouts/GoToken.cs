namespace GoRuntimeLab.Layouts;

/// <summary>One token: its class, text and 1-based line.</summary>
internal readonly record struct GoToken(GoTokenKind Kind, string Text, int Line)
{
    public bool Is(string punct) => Kind == GoTokenKind.Punct && Text == punct;

    public bool IsKeyword(string keyword) => Kind == GoTokenKind.Ident && Text == keyword;

    public override string ToString() => Kind switch
    {
        GoTokenKind.Eof => "end of file",
        GoTokenKind.Semicolon => Text == "\n" ? "newline" : "';'",
        _ => $"'{Text}'",
    };
}
