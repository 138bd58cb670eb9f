using GoRuntimeLab.Benchstat;

namespace GoRuntimeLab.Tests.Benchstat;

/// <summary>The Go benchmark format as golang.org/x/perf benchfmt/reader.go reads it (cases after its reader_test.go).</summary>
public sealed class BenchfmtReaderTests
{
    [Fact]
    public void Reads_ResultsUnitsAndConfiguration()
    {
        var file = BenchfmtReader.Parse("""
            goos: linux
            goarch: amd64
            pkg: example.com/a
            cpu: Intel(R) Xeon(R) CPU @ 2.20GHz
            BenchmarkConcat/builder-2   	 1000000	      1052 ns/op	     248 B/op	       5 allocs/op
            BenchmarkCopy-2 100 2.5 MB/s 7 widgets
            PASS
            ok  	example.com/a	1.234s
            pkg: example.com/b
            BenchmarkOther 5 1e3 ns/op
            """, "bench.txt");
        Assert.Equal(3, file.Results.Count);
        var first = file.Results[0];
        Assert.Equal(("Concat/builder-2", 1000000L, "example.com/a", 5), (first.Name, first.Iterations, first.Package, first.Line));
        Assert.Equal(["sec/op", "B/op", "allocs/op"], first.Values.Select(v => v.Unit));
        Assert.Equal(1052e-9, first.Values[0].Value, 1e-20);
        Assert.Equal((1052.0, "ns/op"), (first.Values[0].OrigValue, first.Values[0].OrigUnit));
        Assert.Equal((2.5e6, "B/s"), (file.Results[1].Values[0].Value, file.Results[1].Values[0].Unit));
        Assert.Equal((7.0, "widgets"), (file.Results[1].Values[1].Value, file.Results[1].Values[1].Unit));
        Assert.Equal("example.com/b", file.Results[2].Package);
        Assert.Equal(1e-6, file.Results[2].Values[0].Value, 1e-20);
        // Config keeps first-seen order; a changed value keeps its place ("cpu:" has upper case only after the colon).
        Assert.Equal(["goos", "goarch", "pkg", "cpu"], file.Config.Select(c => c.Key));
        Assert.Equal("example.com/b", file.ConfigValue("pkg"));
        Assert.Equal("Intel(R) Xeon(R) CPU @ 2.20GHz", file.ConfigValue("cpu"));
    }

    [Fact]
    public void Skips_BareNamesAndLinesThatAreNotConfiguration()
    {
        var file = BenchfmtReader.Parse("""
            BenchmarkLogs
                bench_test.go:12: a log line
            Key: value
            url:http://no-space
            note: x
            note:
            Unit ns/op assume=nothing
            BenchmarkX 1 5 ns/op
            """);
        Assert.Single(file.Results);
        Assert.Empty(file.Config);
    }

    [Theory]
    [InlineData("BenchmarkX ", "missing iteration count")]
    [InlineData("BenchmarkX abc 5 ns/op", "parsing iteration count")]
    [InlineData("BenchmarkX 10", "missing measurements")]
    [InlineData("BenchmarkX 10 fast ns/op", "parsing measurement")]
    [InlineData("BenchmarkX 10 5", "missing units")]
    [InlineData("BenchmarkX 10 5 ns/op 6", "missing units")]
    [InlineData("Unit", "missing unit")]
    [InlineData("Unit ns/op assume", "expected key=value")]
    [InlineData("Unit ns/op assume=exact assume=nothing", "already set")]
    public void MalformedLine_IsKitInputExceptionWithFileAndLine(string bad, string reason)
    {
        var e = Assert.Throws<KitInputException>(() => BenchfmtReader.Parse("goos: linux\n" + bad + "\n", "old.txt"));
        Assert.Equal(("old.txt", 2), (e.FilePath, e.Line));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.StartsWith("old.txt:2: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOrEmptyFiles_AreKitInputExceptions()
    {
        var missing = Assert.Throws<KitInputException>(() => BenchstatComparer.CompareFiles("no/such/old.txt", BenchstatGoldenTests.TestData("new.txt")));
        Assert.Equal("old", missing.Parameter);
        var empty = Path.GetTempFileName();
        try
        {
            var e = Assert.Throws<KitInputException>(() => BenchstatComparer.CompareFiles(BenchstatGoldenTests.TestData("old.txt"), empty));
            Assert.Equal("new", e.Parameter);
            Assert.Contains("no benchmark lines", e.Reason, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Theory]
    [InlineData("ns/op", 1e-9, "sec/op", false)]
    [InlineData("MB/s", 1e6, "B/s", true)]
    [InlineData("B/op", 1, "B/op", true)]
    [InlineData("allocs/op", 1, "allocs/op", false)]
    [InlineData("ns/GC", 1e-9, "sec/GC", false)]
    [InlineData("text-bytes", 1, "text-bytes", true)]
    [InlineData("op/ns", 1, "op/ns", false)]
    public void Units_TidyAndClass_AsBenchunit(string unit, double factor, string tidy, bool binary)
    {
        var (value, tidied) = BenchUnit.Tidy(1, unit);
        Assert.Equal((factor, tidy), (value, tidied));
        Assert.Equal(binary, BenchUnit.IsBinary(tidied));
    }

    [Theory]
    // benchunit scale_test.go style: three significant digits, SI or IEC prefixes.
    [InlineData(1.718e-6, "sec/op", "1.718µ")]
    [InlineData(237.5e-9, "sec/op", "237.5n")]
    [InlineData(0, "sec/op", "0.000")]
    [InlineData(1234567890, "a-bytes", "1.150Gi")]
    [InlineData(99.995, "x", "100.0")]
    [InlineData(99.994, "x", "99.99")]
    [InlineData(1e-12, "sec/op", "0.001000n")]
    public void Scale_ThreeSignificantDigits(double value, string unit, string expected) =>
        Assert.Equal(expected, BenchUnit.Scale(value, unit));
}
