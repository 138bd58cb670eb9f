using GoRuntimeLab.Cover;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Cover;

/// <summary>
/// Coverage profiles of data/go/coverdemo recorded with Go 1.19.8 (data/README.md): the total must be what
/// `go tool cover -func` and `go test -cover` printed for the same profile; the grammar and merging of
/// golang.org/x/tools/cover/profile.go.
/// </summary>
public sealed class CoverProfileParserTests
{
    internal static string Recording(string name) => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "cover", name);

    // The "total:" line of `go tool cover -func` and the "coverage:" of go test.
    internal static string FuncTotal(string funcOutput) =>
        funcOutput.Split('\n').Single(l => l.StartsWith("total:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[^1];

    internal static string TestCoverage(string testOutput) =>
        System.Text.RegularExpressions.Regex.Match(testOutput, @"coverage: (\S+) of statements").Groups[1].Value;

    [Theory]
    [InlineData("set", "87.0%", 20, 23, true)]
    [InlineData("count", "87.0%", 20, 23, true)]
    [InlineData("grade-only", "30.4%", 7, 23, false)]
    public void Recording_TotalIsGoToolCoverFuncTotal(string name, string percent, long covered, long statements, bool passes85)
    {
        var profile = CoverProfileParser.ReadFile(Recording($"coverdemo-{name}-go1.19.8.out"));
        Assert.Equal(FuncTotal(File.ReadAllText(Recording($"coverdemo-{name}-go1.19.8.func.txt"))), profile.PercentText);
        Assert.Equal(TestCoverage(File.ReadAllText(Recording($"coverdemo-{name}-go1.19.8.test.txt"))), profile.PercentText);
        Assert.Equal(percent, profile.PercentText);
        Assert.Equal((covered, statements), (profile.CoveredStatements, profile.Statements));
        var gate = profile.Gate(85);
        Assert.Equal(passes85, gate.Passed);
        Assert.Equal($"coverage: {percent} of statements", profile.ToString());
        Assert.Equal(name == "count" ? "count" : "set", profile.Mode);
        var file = Assert.Single(profile.Files);
        Assert.Equal("golab/coverdemo/grade.go", file.FileName);
        Assert.Equal(20, file.Blocks.Count);
        // Sorted by start (the profile lists them in the compiler's order).
        Assert.Equal(file.Blocks.OrderBy(b => b.StartLine).ThenBy(b => b.StartCol), file.Blocks);
    }

    [Fact]
    public void CountMode_KeepsTheCounts()
    {
        var profile = CoverProfileParser.ReadFile(Recording("coverdemo-count-go1.19.8.out"));
        var raw = File.ReadAllLines(Recording("coverdemo-count-go1.19.8.out")).Skip(1).ToArray();
        var first = raw[0].Split(' ');
        var block = profile.Files[0].Blocks.Single(b => $"golab/coverdemo/grade.go:{b.StartLine}.{b.StartCol},{b.EndLine}.{b.EndCol}" == first[0]);
        Assert.Equal(long.Parse(first[2], System.Globalization.CultureInfo.InvariantCulture), block.Count);
        Assert.Contains(profile.Files[0].Blocks, b => b.Count > 1);
    }

    [Fact]
    public void Gate_IsOnTheExactPercentage()
    {
        // 849 of 1000 statements: 84.9 % < 85; 17 of 20 = 85 % exactly passes; "84.96%" prints 85.0% but fails.
        static CoverProfile Of(int covered, int total) => CoverProfileParser.Parse(
            $"mode: set\na/f.go:1.1,2.2 {covered} 1\na/f.go:3.1,4.2 {total - covered} 0\n");
        Assert.False(Of(849, 1000).Gate(85).Passed);
        Assert.True(Of(17, 20).Gate(85).Passed);
        var almost = Of(8496, 10000);
        Assert.Equal("85.0%", almost.PercentText);
        Assert.False(almost.Gate(85).Passed);
        Assert.Equal("coverage 85.0% (8496/10000 statements) < 85%: FAIL", almost.Gate(85).ToString());
        Assert.Throws<KitInputException>(() => almost.Gate(101));
        Assert.Equal("coverage: [no statements]", CoverProfileParser.Parse("mode: set\n").ToString());
    }

    [Fact]
    public void DuplicateBlocks_MergeLikeParseProfiles()
    {
        const string blocks = "b/x.go:1.1,2.2 3 {0}\na/y.go:5.1,6.2 1 {1}\nb/x.go:1.1,2.2 3 {2}\n";
        var set = CoverProfileParser.Parse("mode: set\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, blocks, 0, 0, 1));
        Assert.Equal(["a/y.go", "b/x.go"], set.Files.Select(f => f.FileName));
        Assert.Equal(1, Assert.Single(set.Files[1].Blocks).Count);
        var count = CoverProfileParser.Parse("mode: count\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, blocks, 4, 0, 5));
        Assert.Equal(9, Assert.Single(count.Files[1].Blocks).Count);
        Assert.Equal((3L, 4L), (count.CoveredStatements, count.Statements));
        var e = Assert.Throws<KitInputException>(() => CoverProfileParser.Parse("mode: set\nx.go:1.1,2.2 3 1\nx.go:1.1,2.2 4 1\n", "c.out"));
        Assert.Contains("inconsistent NumStmt", e.Reason, StringComparison.Ordinal);
        Assert.Equal(3, e.Line);
    }

    [Theory]
    [InlineData("", 1, "bad mode line")]
    [InlineData("mode: \n", 1, "bad mode line")]
    [InlineData("golab/x.go:1.1,2.2 1 1\n", 1, "bad mode line")]
    [InlineData("mode: sometimes\n", 1, "unknown mode")]
    [InlineData("mode: set\nx.go:1.1,2.2 1 1\n\n", 3, "couldn't find a ' ' before Count")]
    [InlineData("mode: set\nx.go:1.1,2.2 1 x\n", 2, "couldn't parse Count")]
    [InlineData("mode: set\nx.go:1.1,2.2 -1 1\n", 2, "negative values are not allowed for NumStmt")]
    [InlineData("mode: set\nx.go:1.1;2.2 1 1\n", 2, "couldn't find a ',' before EndLine")]
    [InlineData("mode: set\n:1.1,2.2 1 1\n", 2, "a FileName cannot be blank")]
    [InlineData("mode: set\nx.go 1.1,2.2 1 1\n", 2, "couldn't find a ':' before StartLine")]
    public void MalformedProfile_IsKitInputExceptionWithLine(string text, int line, string reason)
    {
        var e = Assert.Throws<KitInputException>(() => CoverProfileParser.Parse(text, "cover.out"));
        Assert.Equal(("cover.out", line), (e.FilePath, e.Line));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }
}
