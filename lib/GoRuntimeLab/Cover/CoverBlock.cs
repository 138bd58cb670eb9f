// Mirrors: golang.org/x/tools/cover/profile.go (ProfileBlock), as vendored in Go 1.19's cmd/cover; the line format is
// testing/cover.go's coverReport: "file:startLine.startCol,endLine.endCol numStmt count".
namespace GoRuntimeLab.Cover;

/// <summary>One basic block of a coverage profile: its source span, its number of statements, and its count (set: 0 or 1).</summary>
public sealed record CoverBlock(int StartLine, int StartCol, int EndLine, int EndCol, int NumStmt, long Count);
