// Mirrors: golang.org/x/perf cmd/benchstat/internal/benchtab/builder.go (summarizeCol: the geomean row — geomean of
// each column's centers, and the geomean of the per-row ratios new/old, 0/0 counting as 1, x/0 making it unknown).
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// The rows of one package × unit, in order of first appearance, and the geomean row: the geomean of the old and of
/// the new medians (null when a median is ≤ 0), the geomean of the ratios as a change in percent (null when not
/// computable), and the geomean warnings.
/// </summary>
public sealed record BenchstatTable(
    string Package,
    string Unit,
    IReadOnlyList<BenchstatRow> Rows,
    double? OldGeomean,
    double? NewGeomean,
    double? GeomeanDeltaPercent,
    IReadOnlyList<string> OldGeomeanWarnings,
    IReadOnlyList<string> NewGeomeanWarnings)
{
    /// <summary>benchstat prints the geomean row only for tables of more than one row.</summary>
    public bool HasGeomeanRow => Rows.Count > 1;
}
