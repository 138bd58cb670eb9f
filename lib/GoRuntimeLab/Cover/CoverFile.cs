// Mirrors: golang.org/x/tools/cover/profile.go (Profile: one file's blocks, sorted by start, duplicates merged).
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Cover;

/// <summary>The blocks of one source file (import path + file name, as the profile names it), sorted by start.</summary>
public sealed record CoverFile(string FileName, IReadOnlyList<CoverBlock> Blocks)
{
    /// <summary>Statements in the file's blocks.</summary>
    public long Statements => Blocks.Sum(b => (long)b.NumStmt);

    /// <summary>Statements in blocks that ran (count &gt; 0).</summary>
    public long CoveredStatements => Blocks.Where(b => b.Count > 0).Sum(b => (long)b.NumStmt);

    /// <summary>100 · covered / statements (0 without statements).</summary>
    public double Percent => 100.0 * CoveredStatements / (Statements == 0 ? 1 : Statements);

    /// <summary>Go's "%.1f%%".</summary>
    public string PercentText => GoFloatFormat.Fixed(Percent, 1) + "%";
}
