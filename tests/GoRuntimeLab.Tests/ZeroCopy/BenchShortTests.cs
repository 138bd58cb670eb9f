using GoRuntimeLab.Benchmarking;
using GoRuntimeLab.Benchmarking.ZeroCopy;
using GoRuntimeLab.Tests.Robustness;

namespace GoRuntimeLab.Tests.ZeroCopy;

/// <summary>
/// Bench.Short runs BenchmarkDotNet in-process (as a notebook cell does) and reports exact allocations. It runs alone:
/// BenchmarkDotNet counts the bytes allocated by every thread of the process (GC.GetTotalAllocatedBytes), so tests
/// running beside it would show up as allocations of an allocation-free benchmark.
/// </summary>
[Collection(RunsAlone.Name)]
public class BenchShortTests
{
    [Fact]
    public void A_short_in_process_run_measures_the_named_benchmarks_with_their_allocations()
    {
        var rows = Bench.Short<ZeroCopyCsBenchmarks>("Substring", "SpanSlice");
        Assert.Equal(["Substring", "SpanSlice"], rows.Select(r => r.Method).Order(StringComparer.Ordinal).Reverse());
        var byName = rows.ToDictionary(r => r.Method);
        // BenchmarkDotNet divides the process's allocated bytes by the invocations, so a background thread (a timer, a
        // finished test's reader task) can add a few bytes per op on a busy CI machine. A real per-op allocation is at
        // least one object: 24 bytes on 64-bit .NET. So: Substring's string is exactly 104 B (plus noise below one
        // object), and SpanSlice allocates no object at all.
        Assert.InRange(byName["Substring"].AllocatedBytes ?? -1, 104L, 104L + 23);
        Assert.InRange(byName["SpanSlice"].AllocatedBytes ?? -1, 0L, 23L);
        Assert.Equal("Substring(6, 40)", byName["Substring"].Description); // BenchmarkDotNet's quotes trimmed, as in BdnCsv
        Assert.All(rows, r => Assert.Equal(3, r.Iterations));
        Assert.All(rows, r => Assert.Equal("live (short job)", r.Source));
    }

    [Fact]
    public void An_unknown_benchmark_name_is_refused_before_anything_runs()
    {
        var e = Assert.Throws<KitInputException>(() => Bench.Short<ZeroCopyCsBenchmarks>("Nope"));
        Assert.Equal("methods", e.Parameter);
        Assert.Contains("SpanSlice", e.Message, StringComparison.Ordinal);
    }
}
