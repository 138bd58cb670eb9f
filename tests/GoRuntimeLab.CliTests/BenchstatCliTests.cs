using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.CliTests;

/// <summary><c>golab benchstat OLD NEW</c>: benchstat's text, the JSON contract of issue 14, alpha, and bad input.</summary>
public sealed class BenchstatCliTests
{
    private const string Old = "data/recordings/benchstat/old-go1.19.8.txt";
    private const string New = "data/recordings/benchstat/new-go1.19.8.txt";

    [Fact]
    public void Text_IsWhatRealBenchstatPrinted()
    {
        var run = InProcessGolab.Run("benchstat", Old, New);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(Requirement.RepoRoot(), "data/recordings/benchstat/benchstat-go1.19.8.txt")), run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Json_RowsCarryNameUnitOldNewDeltaAndP()
    {
        var run = InProcessGolab.Run("benchstat", Old, New, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(6, rows.Length);
        var join = rows[0];
        Assert.Equal(("Join-2", "sec/op"), (join.GetProperty("name").GetString(), join.GetProperty("unit").GetString()));
        foreach (var side in new[] { "old", "new" })
        {
            var s = join.GetProperty(side);
            Assert.True(s.GetProperty("lo").GetDouble() <= s.GetProperty("center").GetDouble());
            Assert.True(s.GetProperty("center").GetDouble() <= s.GetProperty("hi").GetDouble());
            Assert.Equal(10, s.GetProperty("n").GetInt32());
        }
        Assert.Equal(-95.08, join.GetProperty("delta").GetDouble(), 2);
        Assert.True(join.GetProperty("p").GetDouble() < 0.001);
        var split = rows[1];
        Assert.Equal(JsonValueKind.Null, split.GetProperty("delta").ValueKind);
        Assert.Equal("~", split.GetProperty("deltaText").GetString());
        Assert.Equal(0.684, split.GetProperty("p").GetDouble(), 3);
        Assert.Equal(3, doc.RootElement.GetProperty("geomeans").GetArrayLength());
    }

    [Fact]
    public void Alpha_MakesSplitSignificant()
    {
        var run = InProcessGolab.Run("benchstat", Old, New, "--alpha", "0.9", "--json");
        using var doc = JsonDocument.Parse(run.Stdout);
        var split = doc.RootElement.GetProperty("rows")[1];
        Assert.Equal(JsonValueKind.Number, split.GetProperty("delta").ValueKind);
        Assert.Equal(0.9, doc.RootElement.GetProperty("alpha").GetDouble());
    }

    [Theory]
    [InlineData("README.md", "no benchmark lines")]
    [InlineData("data/go/benchpair/join.go", "no benchmark lines")]
    [InlineData("no/such.txt", "not found")]
    public void BadFile_OneLineExit2(string file, string reason)
    {
        var run = InProcessGolab.Run("benchstat", Old, file);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void MalformedBenchmarkLine_NamesFileAndLine()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"golab-benchstat-bad-{Environment.ProcessId}.txt");
        File.WriteAllText(bad, "goos: linux\nBenchmarkX-2 100 fast ns/op\n");
        try
        {
            var run = InProcessGolab.Run("benchstat", bad, New);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{bad}:2: parsing measurement", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
