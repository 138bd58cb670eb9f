// Mirrors: golang.org/x/perf cmd/benchstat/internal/benchtab/builder.go (Tables: the tables in order, with the
// configuration that keys them).
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// The comparison of two benchmark files: their names (the column headers), the configuration lines both files
/// share (<paramref name="SharedConfig"/>, in the old file's order; "pkg" is per table and stands in this list at its
/// place with the first table's value), one table per package × unit, and the options used.
/// </summary>
public sealed record BenchstatReport(
    string OldName,
    string NewName,
    IReadOnlyList<KeyValuePair<string, string>> SharedConfig,
    IReadOnlyList<BenchstatTable> Tables,
    BenchstatOptions Options)
{
    /// <summary>Every row of every table.</summary>
    public IEnumerable<BenchstatRow> Rows => Tables.SelectMany(t => t.Rows);

    /// <summary>The report as benchstat's default text (see <see cref="BenchstatText"/>).</summary>
    public override string ToString() => BenchstatText.Format(this);
}
