// Mirrors: nothing in Go (a CI gate on the percentage testing/cover.go prints).
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Cover;

/// <summary>A coverage gate's verdict: the percentage, the minimum, the statement counts and whether it passed.</summary>
public sealed record CoverGateResult(double Percent, double MinimumPercent, long CoveredStatements, long Statements, bool Passed)
{
    /// <summary>"coverage 87.0% (20/23 statements) ≥ 85%: pass".</summary>
    public override string ToString() =>
        $"coverage {GoFloatFormat.Fixed(Percent, 1)}% ({CoveredStatements}/{Statements} statements) {(Passed ? "≥" : "<")} " +
        $"{MinimumPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)}%: {(Passed ? "pass" : "FAIL")}";
}
