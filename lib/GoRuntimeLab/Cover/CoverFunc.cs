// Mirrors: cmd/cover/func.go (FuncExtent and the "file:line:\tname\tpercent" lines of `go tool cover -func`), Go 1.19.
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Cover;

/// <summary>
/// One function of a coverage profile as <c>go tool cover -func</c> lists it: the profile's file name, the line of
/// its <c>func</c> keyword, its name (without the receiver, as func.go prints it), and the statements of the blocks
/// inside it.
/// </summary>
public sealed record CoverFunc(string FileName, int StartLine, string Name, long CoveredStatements, long Statements)
{
    /// <summary>100 · covered / statements (0 for a function without statements, as func.go's percent()).</summary>
    public double Percent => Statements == 0 ? 0 : 100.0 * CoveredStatements / Statements;

    /// <summary>Go's "%.1f%%": "88.9%".</summary>
    public string PercentText => GoFloatFormat.Fixed(Percent, 1) + "%";

    /// <summary>"golab/coverdemo/grade.go:32: Report 88.9%".</summary>
    public override string ToString() => $"{FileName}:{StartLine}: {Name} {PercentText}";
}
