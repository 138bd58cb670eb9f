// Mirrors: what `go test -bench -benchmem` prints for data/go/chanbench (testing/benchmark.go: ns/op, B/op, allocs/op),
// reduced per benchmark to the median of its runs, as benchstat's centre (golang.org/x/perf benchstat: median).
// Simplified: the "-GOMAXPROCS" suffix is dropped from names; only ns/op and allocs/op are kept.
using GoRuntimeLab.Benchstat;

namespace GoRuntimeLab.Chan;

/// <summary>
/// One source of channel costs (a Go version's recording, a live run, or the simulator): benchmark name
/// ("UnbufferedHandoff", "BufferedStream/cap=8") → median ns/op, and → median allocs/op where measured.
/// </summary>
public sealed record ChanBenchSeries(string Label, IReadOnlyDictionary<string, double> NsPerOp, IReadOnlyDictionary<string, double> AllocsPerOp)
{
    /// <summary>The medians of every benchmark in <paramref name="file"/> (as BenchfmtReader read it), labelled <paramref name="label"/>.</summary>
    /// <exception cref="KitInputException">The file has no ns/op result.</exception>
    public static ChanBenchSeries FromBench(BenchFile file, string label)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(label);
        var ns = Medians(file, "ns/op");
        if (ns.Count == 0) throw KitInputException.For("no ns/op result in the benchmark output", parameter: "file", file: file.SourceName);
        return new ChanBenchSeries(label, ns, Medians(file, "allocs/op"));
    }

    private static SortedDictionary<string, double> Medians(BenchFile file, string unit)
    {
        var byName = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var g in file.Results.GroupBy(r => BaseName(r.Name)))
        {
            var values = g.SelectMany(r => r.Values).Where(v => v.OrigUnit == unit).Select(v => v.OrigValue).Order().ToArray();
            if (values.Length == 0) continue;
            var mid = values.Length / 2;
            byName[g.Key] = values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        }
        return byName;
    }

    // "UnbufferedHandoff-2" → "UnbufferedHandoff" (testing appends -GOMAXPROCS when it is not 1).
    private static string BaseName(string name)
    {
        var dash = name.LastIndexOf('-');
        return dash > 0 && name[(dash + 1)..].All(char.IsAsciiDigit) && dash + 1 < name.Length ? name[..dash] : name;
    }
}
