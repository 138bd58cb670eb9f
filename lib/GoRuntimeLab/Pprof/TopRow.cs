// Mirrors: github.com/google/pprof internal/report TextItem (report.go TextItems/printText), Go 1.19-1.23.
// Simplified: none.
namespace GoRuntimeLab.Pprof;

/// <summary>
/// One row of <c>go tool pprof -top</c>: a function's flat value (samples where it is the leaf) and cum value
/// (samples where it is anywhere on the stack, counted once per sample), in the sample type's unit, with the
/// percentages of the report total and the texts pprof prints.
/// </summary>
public sealed record TopRow(
    string Function, long Flat, double FlatPercent, double SumPercent, long Cum, double CumPercent,
    string InlineLabel, string FlatText, string CumText, string FlatPercentText, string SumPercentText, string CumPercentText)
{
    /// <summary>The row as printText prints it.</summary>
    public string Line => $"{FlatText,10} {FlatPercentText} {SumPercentText} {CumText,10} {CumPercentText}  {Function}{(InlineLabel.Length > 0 ? " " + InlineLabel : "")}";

    public override string ToString() => Line;
}
