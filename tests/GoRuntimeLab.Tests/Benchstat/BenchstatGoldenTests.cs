using System.Globalization;
using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Benchstat;

/// <summary>
/// benchstat's own test data (golang.org/x/perf cmd/benchstat/testdata, see testdata/README.md): the kit's text
/// output must equal benchstat's expected output byte for byte, and the numbers behind it must match its CSV output.
/// </summary>
public sealed class BenchstatGoldenTests
{
    internal static string TestData(string name) => Path.Combine(Requirement.RepoRoot(), "tests", "GoRuntimeLab.Tests", "Benchstat", "testdata", name);

    private static string Expected(string name) => File.ReadAllText(TestData(name));

    [Fact]
    public void DocumentationExample_OldNew_MatchesBenchstatsDocumentedOutput()
    {
        var report = BenchstatComparer.CompareFiles(TestData("old.txt"), TestData("new.txt"));
        Assert.Equal(Expected("docOldNew.stdout"), report.ToString());
    }

    [Fact]
    public void Crc_IgnoreNote_MatchesBenchstatByteForByte()
    {
        // 36 benchmarks × 2 units (sec/op from ns/op, B/s from MB/s), ties in many samples, deltas, "~" and geomeans.
        var report = BenchstatComparer.CompareFiles(TestData("crc-old.txt"), TestData("crc-new.txt"));
        Assert.Equal(Expected("crcIgnore.stdout"), report.ToString());
        Assert.Equal(["sec/op", "B/s"], report.Tables.Select(t => t.Unit));
    }

    [Theory]
    [InlineData("smallSample")]
    [InlineData("issue19565")]
    public void NoteSplitFiles_MatchBenchstatColNote(string name)
    {
        var (before, after) = SplitAtAfter(File.ReadAllText(TestData(name + ".txt")));
        var report = BenchstatComparer.Compare(BenchfmtReader.Parse(before, "before"), BenchfmtReader.Parse(after, "after"));
        Assert.Equal(Expected(name + ".stdout"), report.ToString());
    }

    [Fact]
    public void Csv_FullPrecisionCentersAndDecisions_MatchBenchstat()
    {
        // csvOldNew.stdout: ",sec/op,CI,sec/op,CI,vs base,P" rows with Go's %v of the medians.
        var report = BenchstatComparer.CompareFiles(TestData("old.txt"), TestData("new.txt"));
        var lines = Expected("csvOldNew.stdout").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Where(l => l.StartsWith("Encode", StringComparison.Ordinal)).Select(l => l.Split(',')).ToArray();
        Assert.Equal(2, rows.Length);
        var table = Assert.Single(report.Tables);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = table.Rows[i];
            Assert.Equal(rows[i][0], row.Name);
            Assert.Equal(double.Parse(rows[i][1], CultureInfo.InvariantCulture), row.Old!.Center);
            Assert.Equal(rows[i][2], row.Old.RangeText);
            Assert.Equal(double.Parse(rows[i][3], CultureInfo.InvariantCulture), row.New!.Center);
            Assert.Equal(rows[i][4], row.New.RangeText);
            Assert.Equal(rows[i][5], row.DeltaText);
            Assert.Equal(rows[i][6], row.Comparison!.ToString());
        }
        var geomean = lines.Single(l => l.StartsWith("geomean", StringComparison.Ordinal)).Split(',');
        Assert.Equal(double.Parse(geomean[1], CultureInfo.InvariantCulture), table.OldGeomean!.Value, 15);
        Assert.Equal(double.Parse(geomean[3], CultureInfo.InvariantCulture), table.NewGeomean!.Value, 15);
        Assert.Equal(geomean[5], table.GeomeanDeltaPercent!.Value.ToString("F2", CultureInfo.InvariantCulture) + "%");
        Assert.Equal(-8.94, table.GeomeanDeltaPercent!.Value, 2);

        // The JSON-facing numbers: json changed by -17.20 % (p < 0.001), gob "~" (p = 0.446, delta null).
        Assert.Equal(-17.20, table.Rows[0].DeltaPercent!.Value, 2);
        Assert.True(table.Rows[0].Comparison!.P < 0.0005);
        Assert.Null(table.Rows[1].DeltaPercent);
        Assert.Equal(0.446, table.Rows[1].Comparison!.P, 3);
        Assert.Equal(10, table.Rows[1].Old!.N);
    }

    [Fact]
    public void Crc_EveryPValueAndDecision_MatchesTheExpectedRows()
    {
        // Independent of the layout: each data row's "delta (p=… n=…)" of crcIgnore.stdout against the model's numbers.
        var report = BenchstatComparer.CompareFiles(TestData("crc-old.txt"), TestData("crc-new.txt"));
        var expected = Expected("crcIgnore.stdout").Split('\n')
            .Where(l => l.StartsWith("CRC32", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^(\S+)\s.*\s(\S+) \(p=([0-9.]+) n=10\)$"))
            .ToArray();
        var rows = report.Rows.ToArray();
        Assert.Equal(72, expected.Length);
        Assert.Equal(72, rows.Length);
        var significant = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.True(expected[i].Success);
            Assert.Equal(expected[i].Groups[1].Value, rows[i].Name);
            Assert.Equal(expected[i].Groups[2].Value, rows[i].DeltaText);
            Assert.Equal(double.Parse(expected[i].Groups[3].Value, CultureInfo.InvariantCulture), rows[i].Comparison!.P, 3);
            Assert.Equal(expected[i].Groups[2].Value != "~", rows[i].Comparison!.Significant);
            if (rows[i].Comparison!.Significant) significant++;
        }
        Assert.InRange(significant, 30, 60);
    }

    [Fact]
    public void Alpha_ChangesOnlyTheDecision()
    {
        // gob's p = 0.446: "~" at 0.05, a change at alpha 0.5.
        var strict = BenchstatComparer.CompareFiles(TestData("old.txt"), TestData("new.txt"));
        var loose = BenchstatComparer.CompareFiles(TestData("old.txt"), TestData("new.txt"), BenchstatOptions.Default.WithAlpha(0.5));
        Assert.Equal("~", strict.Tables[0].Rows[1].DeltaText);
        Assert.Equal("+0.15%", loose.Tables[0].Rows[1].DeltaText);
        Assert.Equal(strict.Tables[0].Rows[1].Comparison!.P, loose.Tables[0].Rows[1].Comparison!.P);
        Assert.Throws<KitInputException>(() => BenchstatOptions.Default.WithAlpha(0));
        Assert.Throws<KitInputException>(() => BenchstatOptions.Default.WithAlpha(1));
        Assert.Throws<KitInputException>(() => BenchstatOptions.Default.WithConfidence(double.NaN));
    }

    internal static (string Before, string After) SplitAtAfter(string text)
    {
        var at = text.IndexOf("note: after", StringComparison.Ordinal);
        Assert.True(at > 0);
        return (text[..at], text[at..]);
    }
}
