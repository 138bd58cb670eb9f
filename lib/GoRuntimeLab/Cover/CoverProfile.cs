// Mirrors: testing/cover.go (coverReport: "coverage: %.1f%% of statements" = statements in blocks with count > 0 over
// all statements) and cmd/cover/func.go (the "total: (statements)" line of `go tool cover -func`, percent()), Go 1.19.
// Simplified: the total is over every block of the profile; `go tool cover -func` counts only blocks inside function
// declarations (it parses the sources), which differs only for func literals at package level.
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Cover;

/// <summary>
/// A coverage profile (<c>go test -coverprofile</c>): its mode (set, count or atomic) and its files; the share of
/// statements covered, as <c>go test -cover</c> and <c>go tool cover -func</c> print it, and a gate on it.
/// </summary>
public sealed record CoverProfile(string SourceName, string Mode, IReadOnlyList<CoverFile> Files)
{
    /// <summary>All statements.</summary>
    public long Statements => Files.Sum(f => f.Statements);

    /// <summary>Statements in blocks that ran.</summary>
    public long CoveredStatements => Files.Sum(f => f.CoveredStatements);

    /// <summary>100 · covered / statements (0 for a profile without statements, as percent() avoids a zero denominator).</summary>
    public double Percent => 100.0 * CoveredStatements / (Statements == 0 ? 1 : Statements);

    /// <summary>Go's "%.1f%%": "87.0%".</summary>
    public string PercentText => GoFloatFormat.Fixed(Percent, 1) + "%";

    /// <summary>
    /// The gate: passes when the exact percentage is at least <paramref name="minimumPercent"/> (84.96 % prints as
    /// "85.0%" but fails a gate of 85).
    /// </summary>
    /// <exception cref="KitInputException">The minimum is not in [0, 100].</exception>
    public CoverGateResult Gate(double minimumPercent)
    {
        if (!double.IsFinite(minimumPercent) || minimumPercent < 0 || minimumPercent > 100)
            throw KitInputException.For($"must be a percentage from 0 to 100, not {minimumPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)}", parameter: "minimumPercent");
        return new CoverGateResult(Percent, minimumPercent, CoveredStatements, Statements, Percent >= minimumPercent);
    }

    /// <summary>"coverage: 87.0% of statements", the line go test -cover prints.</summary>
    public override string ToString() => Statements == 0 ? "coverage: [no statements]" : $"coverage: {PercentText} of statements";
}
