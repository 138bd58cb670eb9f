// Mirrors: golang.org/x/perf cmd/benchstat/internal/benchtab/table.go (TableCell: Summary, Baseline, Comparison) for
// a table of two columns, old (the baseline) and new.
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// One benchmark × unit: the old and the new summary (null when the benchmark is missing from that file), the U-test
/// between them (null unless both exist), and the change of the medians in percent (<see cref="DeltaPercent"/>,
/// null when not significant — benchstat's "~" — or not computable).
/// </summary>
public sealed record BenchstatRow(string Name, string Unit, string Package, BenchSummary? Old, BenchSummary? New, BenchComparison? Comparison)
{
    /// <summary>(new/old − 1)·100 of the medians when the change is significant; 0 for equal medians; else null.</summary>
    public double? DeltaPercent => Old is not null && New is not null && Comparison is not null ? Comparison.DeltaPercent(Old.Center, New.Center) : null;

    /// <summary>benchstat's "vs base" cell: "-17.20%", "~", "?", "0.00%"; empty when one side is missing.</summary>
    public string DeltaText => Old is not null && New is not null && Comparison is not null ? Comparison.DeltaText(Old.Center, New.Center) : "";
}
