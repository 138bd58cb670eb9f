// Mirrors: the result line of `go test -bench` (testing/benchmark.go BenchmarkResult.String, MemString;
// format described by golang.org/x/perf/benchfmt), Go 1.19–1.23. Simplified: value/unit pairs kept as a map.
using System.Globalization;

namespace GoRuntimeLab.Defer;

/// <summary>One line such as "BenchmarkOpenCoded-2   	450003447	         2.629 ns/op	       0 B/op	       0 allocs/op".</summary>
/// <param name="Name">The benchmark name without the -GOMAXPROCS suffix ("BenchmarkOpenCoded").</param>
/// <param name="Procs">GOMAXPROCS from the suffix (1 when absent: Go omits it for 1).</param>
/// <param name="Iterations">b.N of this run.</param>
/// <param name="NsPerOp">Nanoseconds per op.</param>
/// <param name="Metrics">Every value by unit, ns/op included ("B/op", "allocs/op", "MB/s", custom units).</param>
/// <param name="Line">1-based line in the output.</param>
public sealed record GoBenchResult(string Name, int Procs, long Iterations, double NsPerOp, IReadOnlyDictionary<string, double> Metrics, int Line)
{
    /// <summary>B/op when run with -benchmem.</summary>
    public double? BytesPerOp => Metrics.TryGetValue("B/op", out var v) ? v : null;

    /// <summary>allocs/op when run with -benchmem.</summary>
    public double? AllocsPerOp => Metrics.TryGetValue("allocs/op", out var v) ? v : null;

    /// <summary>The name as printed ("BenchmarkOpenCoded-2").</summary>
    public string FullName => Procs == 1 ? Name : string.Create(CultureInfo.InvariantCulture, $"{Name}-{Procs}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{FullName} {Iterations} × {NsPerOp:0.###} ns/op");
}
