// Mirrors: github.com/aclements/go-moremath stats/utest.go (MannWhitneyUTestResult).
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// A two-sided Mann–Whitney U-test: the sample sizes, U of the first sample (pairs where its value is larger, ties
/// counting ½), the p-value of "both samples come from one distribution", and whether the exact distribution of U
/// (with the ties' pattern) or the normal approximation gave it.
/// </summary>
public sealed record MannWhitneyResult(int N1, int N2, double U, double P, bool Exact);
