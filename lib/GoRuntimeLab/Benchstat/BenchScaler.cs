// Mirrors: golang.org/x/perf benchunit/scale.go (Scaler, Scaler.Format).
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Benchstat;

/// <summary>
/// A scale for printing a value: divide by <paramref name="Factor"/>, print <paramref name="Precision"/> decimals (Go's
/// "%.Nf", half to even on exact ties), append <paramref name="Prefix"/> ("µ", "n", "Ki", "Gi"…).
/// </summary>
public sealed record BenchScaler(int Precision, double Factor, string Prefix)
{
    /// <summary>The value as benchstat prints it under this scale ("1.718µ", "2.001Gi").</summary>
    public string Format(double value) => GoFloatFormat.Fixed(value / Factor, Precision) + Prefix;
}
