// Mirrors: testing/benchmark.go's result line (ns/op, B/op, allocs/op) for one case of data/go/zerocopy, summarised
// over its runs (-count).
namespace GoRuntimeLab.ZeroCopy;

/// <summary>One case and size of data/go/zerocopy on one Go release, over its runs.</summary>
/// <param name="Case">What the case does and the Go source that decides it.</param>
/// <param name="Size">The size part of the name ("n=64", "n=4KiB").</param>
/// <param name="Go">The Go release that ran it ("go1.19.8").</param>
/// <param name="Runs">Lines of this case (the -count).</param>
/// <param name="MedianNsPerOp">Median ns/op over the runs (noisy on a shared machine).</param>
/// <param name="MinNsPerOp">Fastest run.</param>
/// <param name="BytesPerOp">B/op (testing reports the integer part of total bytes / N; exact for these cases).</param>
/// <param name="AllocsPerOp">allocs/op, the same in every run of a case here.</param>
public sealed record ZeroCopyRow(ZeroCopyCase Case, string Size, string Go, int Runs, double MedianNsPerOp, double MinNsPerOp, long BytesPerOp, long AllocsPerOp)
{
    /// <summary>The benchmark name without "Benchmark" and GOMAXPROCS ("StringFromBytes/escapes/n=64").</summary>
    public string Name => $"{Case.Family}/{Size}";
}
