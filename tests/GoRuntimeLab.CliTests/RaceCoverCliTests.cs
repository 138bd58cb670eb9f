using System.Text.Json;

namespace GoRuntimeLab.CliTests;

/// <summary><c>golab race parse</c> and <c>golab cover gate</c> on the recordings of data/README.md.</summary>
public sealed class RaceCoverCliTests
{
    private const string Races = "data/recordings/race/racedemo-test-go1.19.8.txt";
    private const string Covered = "data/recordings/cover/coverdemo-set-go1.19.8.out";
    private const string Partial = "data/recordings/cover/coverdemo-grade-only-go1.19.8.out";

    [Fact]
    public void RaceParse_Text_SummarisesEachReport()
    {
        var run = InProcessGolab.Run("race", "parse", Races);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("racedemo-test-go1.19.8.txt: 2 data race report(s), failed tests: TestRun, TestPeek\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  read by goroutine 9 at golab/racedemo/main.go:18 (golab/racedemo.(*Counter).Add)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("created at golab/racedemo.Peek golab/racedemo/main.go:46", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RaceParse_Json_AccessesAndGoroutines()
    {
        var run = InProcessGolab.Run("race", "parse", "data/recordings/race/racedemo-run-go1.19.8.txt", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("foundCount").GetInt32());
        var second = doc.RootElement.GetProperty("reports")[1];
        Assert.Contains(second.GetProperty("accesses").EnumerateArray(), a => a.GetProperty("mainGoroutine").GetBoolean() && a.GetProperty("kind").GetString() == "read");
        Assert.Equal(46, second.GetProperty("goroutines")[0].GetProperty("createdAt")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public void CoverGate_Passes_At85_AndPrintsTheTotalOfGoToolCoverFunc()
    {
        var run = InProcessGolab.Run("cover", "gate", Covered);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith("total:\t(statements)\t87.0%\n", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void CoverGate_Fails_WithExit1AndOneLine()
    {
        var run = InProcessGolab.Run("cover", "gate", Partial, "--min", "85");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("golab: coverage 30.4% (7/23 statements) < 85%: FAIL", Assert.Single(run.ErrorLines));
        Assert.Contains("30.4%", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, InProcessGolab.Run("cover", "gate", Partial, "--min", "30").ExitCode);
    }

    [Fact]
    public void CoverGate_Json()
    {
        var run = InProcessGolab.Run("cover", "gate", Covered, "--json", "--min", "90");
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal((23, 20), (doc.RootElement.GetProperty("statements").GetInt32(), doc.RootElement.GetProperty("covered").GetInt32()));
        Assert.False(doc.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal("87.0%", doc.RootElement.GetProperty("percentText").GetString());
    }

    [Fact]
    public void CoverGate_MalformedProfile_Exit2WithFileAndLine()
    {
        var run = InProcessGolab.Run("cover", "gate", "README.md");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("README.md:1: bad mode line", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
