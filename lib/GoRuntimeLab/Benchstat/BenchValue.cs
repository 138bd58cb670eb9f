// Mirrors: golang.org/x/perf benchfmt/result.go (Value: a measurement tidied to base units by benchunit.Tidy).
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// One measurement of a benchmark line in base units (<c>ns/op</c> becomes <c>sec/op</c>, <c>MB/s</c> becomes
/// <c>B/s</c>), with the value and unit as the line printed them.
/// </summary>
public sealed record BenchValue(double Value, string Unit, double OrigValue, string OrigUnit);
