using GoRuntimeLab.Benchmarking;

namespace GoRuntimeLab.Tests.ZeroCopy;

/// <summary>BenchmarkDotNet's CSV export: the recorded full run of ZeroCopyCsBenchmarks, units, quoting and bad cells.</summary>
public class BdnCsvTests
{
    [Fact]
    public void The_recorded_full_run_reads_with_exact_allocations()
    {
        var rows = BdnCsv.Read(Path.Combine(ZeroCopyBenchTests.Recordings, "dotnet-zerocopy-report.csv"));
        Assert.Equal(11, rows.Count);
        var byName = rows.ToDictionary(r => r.Description);
        // x64: a string of 40 UTF-16 chars is 22 + 80 bytes, rounded to 104; a char[40] the same.
        Assert.Equal(104, byName["Substring(6, 40)"].AllocatedBytes);
        Assert.Equal(104, byName["AsSpan(6, 40).ToArray()"].AllocatedBytes);
        Assert.Equal(0, byName["AsSpan(6, 40)"].AllocatedBytes);
        Assert.Equal(4120, byName["new byte[4096]"].AllocatedBytes);
        Assert.Equal(0, byName["ArrayPool.Rent(4096)+Return"].AllocatedBytes);
        Assert.Equal(0, byName["CopyTo(512), plain stream"].AllocatedBytes);
        Assert.All(rows, r => Assert.Equal(3, r.Iterations));
        Assert.All(rows, r => Assert.True(r.MeanNs >= 0 && r.StdDevNs >= 0));
    }

    [Fact]
    public void Units_thousands_separators_and_quotes_are_read()
    {
        const string csv = "Method,IterationCount,Mean,StdDev,Allocated\n\"'a, b'\",3,\"5,515.5 ns\",1.5 μs,4 KB\nc,3,2 ms,0.0000 ns,-\n";
        var rows = BdnCsv.Parse(csv, "t.csv");
        Assert.Equal(("a, b", 5515.5, 1500.0, 4096L), (rows[0].Description, rows[0].MeanNs, rows[0].StdDevNs, rows[0].AllocatedBytes!.Value));
        Assert.Equal((2e6, 0L), (rows[1].MeanNs, rows[1].AllocatedBytes!.Value));
        Assert.Null(BdnCsv.Parse("Method,IterationCount,Mean,StdDev\nx,3,1 ns,0 ns\n")[0].AllocatedBytes);
    }

    [Theory]
    [InlineData("Method,Mean\nx,1 ns\n", 1, "no StdDev column")]
    [InlineData("Method,IterationCount,Mean,StdDev\nx,3,NA,0 ns\n", 2, "not a number and a unit")]
    [InlineData("Method,IterationCount,Mean,StdDev\nx,3,1 weeks,0 ns\n", 2, "unknown time unit")]
    [InlineData("Method,IterationCount,Mean,StdDev\nx,3,1 ns\n", 2, "3 cells, the header has 4")]
    [InlineData("Method,IterationCount,Mean,StdDev\n\"x,3,1 ns,0 ns\n", 2, "not closed")]
    [InlineData("Method,IterationCount,Mean,StdDev\n", 1, "no benchmark rows")]
    public void A_malformed_report_is_refused_with_its_line(string csv, int line, string reason)
    {
        var e = Assert.Throws<KitInputException>(() => BdnCsv.Parse(csv, "bad.csv"));
        Assert.Equal(("bad.csv", line), (e.FilePath, e.Line));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
