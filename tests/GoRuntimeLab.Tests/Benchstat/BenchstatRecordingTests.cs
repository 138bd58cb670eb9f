using System.Globalization;
using System.IO.Compression;
using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Benchstat;

/// <summary>
/// Real benchstat (golang.org/x/perf 712aea8) as the oracle: its output on the kit's own recordings
/// (data/recordings/benchstat, data/README.md) and on a generated stress pair (testdata/stress-*: sample sizes 1–60,
/// ties, unequal sizes, 21 ≤ n ≤ 30 where the interval depends on Go's lgamma), byte for byte.
/// </summary>
public sealed class BenchstatRecordingTests
{
    private static string Recording(string name) => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "benchstat", name);

    [Fact]
    public void BenchpairRecording_MatchesRealBenchstat()
    {
        var report = BenchstatComparer.CompareFiles(Recording("old-go1.19.8.txt"), Recording("new-go1.19.8.txt"));
        Assert.Equal(File.ReadAllText(Recording("benchstat-go1.19.8.txt")), report.ToString());

        // Join: += (64 allocations) → strings.Builder (2): significant in every unit. Split did not change: "~".
        var join = report.Rows.Where(r => r.Name == "Join-2").ToArray();
        Assert.Equal(["sec/op", "B/op", "allocs/op"], join.Select(r => r.Unit));
        Assert.All(join, r => Assert.True(r.Comparison!.Significant && r.DeltaPercent < -90));
        Assert.All(report.Rows.Where(r => r.Name == "Split-2"), r => Assert.Equal("~", r.DeltaText));
        Assert.Equal((64.0, 2.0), (join[2].Old!.Center, join[2].New!.Center));
    }

    [Fact]
    public void BenchpairRecording_FullPrecision_MatchesBenchstatCsv()
    {
        var report = BenchstatComparer.CompareFiles(Recording("old-go1.19.8.txt"), Recording("new-go1.19.8.txt"));
        var csv = File.ReadAllLines(Recording("benchstat-go1.19.8.csv"));
        var rows = report.Rows.ToArray();
        var csvRows = csv.Where(l => l.StartsWith("Join", StringComparison.Ordinal) || l.StartsWith("Split", StringComparison.Ordinal)).Select(l => l.Split(',')).ToArray();
        Assert.Equal(rows.Length, csvRows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(csvRows[i][0], rows[i].Name);
            Assert.Equal(double.Parse(csvRows[i][1], CultureInfo.InvariantCulture), rows[i].Old!.Center);
            Assert.Equal(double.Parse(csvRows[i][3], CultureInfo.InvariantCulture), rows[i].New!.Center);
            Assert.Equal(csvRows[i][5], rows[i].DeltaText);
            Assert.Equal(csvRows[i][6], rows[i].Comparison!.ToString());
        }
        var geomeans = csv.Where(l => l.StartsWith("geomean", StringComparison.Ordinal)).Select(l => l.Split(',')).ToArray();
        Assert.Equal(3, geomeans.Length);
        for (var t = 0; t < 3; t++)
        {
            Assert.Equal(double.Parse(geomeans[t][1], CultureInfo.InvariantCulture), report.Tables[t].OldGeomean!.Value, 1e-12 * report.Tables[t].OldGeomean!.Value);
            Assert.Equal(double.Parse(geomeans[t][3], CultureInfo.InvariantCulture), report.Tables[t].NewGeomean!.Value, 1e-12 * report.Tables[t].NewGeomean!.Value);
        }
    }

    [Fact]
    public void GeneratedStressPair_MatchesRealBenchstat()
    {
        var report = BenchstatComparer.Compare(
            BenchfmtReader.Parse(Gunzip("stress-old.txt.gz"), "stress-old.txt"),
            BenchfmtReader.Parse(Gunzip("stress-new.txt.gz"), "stress-new.txt"));
        Assert.Equal(File.ReadAllText(BenchstatGoldenTests.TestData("stress.stdout")), report.ToString());
        // The pair covers both exact and approximate U-tests and both kinds of interval.
        Assert.Contains(report.Rows, r => r.Comparison is { N1: > 25 });
        Assert.Contains(report.Rows, r => r.Old is { N: > 30 });
        Assert.Contains(report.Rows, r => r.Old is { N: > 20 and <= 30 });
        Assert.Contains(report.Rows, r => r.Old is { N: < 6 });
    }

    private static string Gunzip(string name)
    {
        using var gz = new GZipStream(File.OpenRead(BenchstatGoldenTests.TestData(name)), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return reader.ReadToEnd();
    }
}
