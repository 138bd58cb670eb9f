using GoRuntimeLab.Cover;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Cover;

/// <summary>
/// Per-function coverage (cmd/cover/func.go) of data/go/coverdemo's recorded profiles equals what `go tool cover -func`
/// (Go 1.19.8) printed for them, line for line; the scanner finds Go's FuncDecls and their spans.
/// </summary>
public sealed class CoverFuncsTests
{
    private static string SourceDir => Path.Combine(Requirement.RepoRoot(), "data", "go", "coverdemo");

    // "golab/coverdemo/grade.go:14:\tGrade\t\t87.5%" → (file, line, name, percent).
    internal static IReadOnlyList<(string File, int Line, string Name, string Percent)> FuncLines(string funcOutput) =>
        funcOutput.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("total:", StringComparison.Ordinal)).Select(l =>
        {
            var cells = l.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            var at = cells[0].TrimEnd(':').Split(':');
            return (at[0], int.Parse(at[1], System.Globalization.CultureInfo.InvariantCulture), cells[1], cells[2]);
        }).ToList();

    [Theory]
    [InlineData("set")]
    [InlineData("count")]
    [InlineData("grade-only")]
    [InlineData("race")]
    public void Recording_EveryFunctionIsGoToolCoverFunc(string name)
    {
        var profile = CoverProfileParser.ReadFile(CoverProfileParserTests.Recording($"coverdemo-{name}-go1.19.8.out"));
        var funcText = File.ReadAllText(CoverProfileParserTests.Recording($"coverdemo-{name}-go1.19.8.func.txt"));
        var funcs = CoverFuncs.ForProfile(profile, SourceDir, "golab/coverdemo");
        Assert.Equal(FuncLines(funcText), funcs.Select(f => (f.FileName, f.StartLine, f.Name, f.PercentText)).ToList());
        Assert.Equal(CoverProfileParserTests.FuncTotal(funcText), CoverFuncs.TotalText(funcs));
    }

    [Fact]
    public void RaceWithoutCovermode_WritesAnAtomicProfile_WithTheSetProfilesPercentages()
    {
        // go help testflag: -covermode's default is "set" unless -race is enabled, then "atomic".
        var race = CoverProfileParser.ReadFile(CoverProfileParserTests.Recording("coverdemo-race-go1.19.8.out"));
        var set = CoverProfileParser.ReadFile(CoverProfileParserTests.Recording("coverdemo-set-go1.19.8.out"));
        Assert.Equal("atomic", race.Mode);
        Assert.Contains(race.Files[0].Blocks, b => b.Count > 1);
        Assert.Equal(set.PercentText, race.PercentText);
        Assert.Equal(CoverProfileParserTests.TestCoverage(File.ReadAllText(CoverProfileParserTests.Recording("coverdemo-race-go1.19.8.test.txt"))), race.PercentText);
    }

    [Fact]
    public void Report_HasItsUncoveredBranch()
    {
        // Report (lines 32–45) has 9 statements in 6 blocks; the "return "", err" block (36.17,38.4) never ran.
        var profile = CoverProfileParser.ReadFile(CoverProfileParserTests.Recording("coverdemo-set-go1.19.8.out"));
        var report = CoverFuncs.ForProfile(profile, SourceDir, "golab/coverdemo").Single(f => f.Name == "Report");
        Assert.Equal((8L, 9L), (report.CoveredStatements, report.Statements));
    }

    [Fact]
    public void Scanner_FindsDeclarations_NotLiteralsTypesOrText()
    {
        const string source = """
            package p

            import "fmt"

            /* func Fake() { */
            var handler = func() { fmt.Println("func Nope() {") }

            type T struct{ N int }

            func (t *T) Add(n int) { t.N += n }

            func Make() struct{ A int } {
            	r := '}'
            	_ = `func Raw() {
            }`
            	_ = r
            	return struct{ A int }{1}
            }

            func Asm(x int) int

            func Generic[K comparable, V any](m map[K]V) interface{ Len() int } { return nil }
            """;
        var funcs = GoFuncScanner.Scan(source.Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(["Add", "Make", "Generic"], funcs.Select(f => f.Name));
        var add = funcs[0];
        Assert.Equal((10, 1, 10, 36), (add.StartLine, add.StartCol, add.EndLine, add.EndCol));
        Assert.Equal((12, 1, 18, 2), (funcs[1].StartLine, funcs[1].StartCol, funcs[1].EndLine, funcs[1].EndCol));
    }

    [Fact]
    public void Scanner_ColumnsAreBytes()
    {
        // "é" is two bytes in UTF-8: go/token's columns (and the profile's) count bytes.
        var funcs = GoFuncScanner.Scan("package p\n\nvar s = \"é\"; func F() { }\n");
        Assert.Equal((3, 15, 3, 27), (funcs[0].StartLine, funcs[0].StartCol, funcs[0].EndLine, funcs[0].EndCol));
    }

    [Theory]
    [InlineData("package p\nfunc F() {\n", "source.go")]
    [InlineData("package p\n/* open\nfunc F() {}\n", "source.go")]
    [InlineData("package p\nvar s = \"open\nfunc F() {}\n", "source.go")]
    public void Scanner_RefusesBrokenSource(string source, string file)
    {
        var e = Assert.Throws<KitInputException>(() => GoFuncScanner.Scan(source));
        Assert.Equal(file, e.FilePath);
    }

    [Fact]
    public void ForProfile_RefusesAFileOutsideThePackage()
    {
        var profile = CoverProfileParser.Parse("mode: set\nother/pkg/f.go:1.1,2.2 1 1\n");
        var e = Assert.Throws<KitInputException>(() => CoverFuncs.ForProfile(profile, SourceDir, "golab/coverdemo"));
        Assert.Equal("importPath", e.Parameter);
    }

    [Fact]
    public void Scanner_OnMutatedSource_ReturnsOrRefusesWithKitInputException()
    {
        // Seeded mutations of a real source with the characters the scanner cares about: never another exception.
        var source = File.ReadAllText(Path.Combine(SourceDir, "grade.go"));
        const string alphabet = "{}()[]\"'`/*\\\n func struct";
        var random = new Random(5003);
        for (var round = 0; round < 2000; round++)
        {
            var text = new System.Text.StringBuilder(source);
            for (var edits = random.Next(1, 6); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                if (random.Next(2) == 0) text.Remove(at, 1);
                else text.Insert(at, alphabet[random.Next(alphabet.Length)]);
            }
            try
            {
                var funcs = GoFuncScanner.Scan(text.ToString(), "mutated.go");
                Assert.All(funcs, f => Assert.True((f.EndLine, f.EndCol).CompareTo((f.StartLine, f.StartCol)) > 0, f.ToString()));
            }
            catch (KitInputException e)
            {
                Assert.Equal("mutated.go", e.FilePath);
            }
        }
    }
}
