// Mirrors: golang.org/x/perf benchfmt/result.go (Result: Config, Name, Iters, Values).
namespace GoRuntimeLab.Benchstat;

/// <summary>
/// One benchmark line ("BenchmarkEncode/format=json-48  690848  1726 ns/op"): the name without the "Benchmark"
/// prefix (benchstat's <c>.fullname</c>, GOMAXPROCS suffix kept), the iteration count, the measurements, the value of
/// the file's <c>pkg:</c> configuration line in force, and the 1-based line number.
/// </summary>
public sealed record BenchResult(string Name, long Iterations, IReadOnlyList<BenchValue> Values, string Package, int Line);
