// Mirrors: cmd/cover/func.go (FuncExtent: a FuncDecl with a body, from the position of its "func" keyword to the
// position just after its closing brace; lines and byte columns 1-based, as go/token reports them), Go 1.19.
namespace GoRuntimeLab.Cover;

/// <summary>The source span of one function declaration: the <c>func</c> keyword to just after the body's closing brace.</summary>
public sealed record CoverFuncExtent(string Name, int StartLine, int StartCol, int EndLine, int EndCol);
