using GoRuntimeLab.Escape;

namespace GoRuntimeLab.Tests.Escape;

/// <summary>data/go/escape/cases.json states what the compiler says about each curated case; the recordings of
/// go1.19.8 and go1.23.5 (-m and -m=2) are the oracle.</summary>
public class EscapeCaseTests
{
    private static IReadOnlyList<EscapeCase> Cases => EscapeCaseTable.Load(Path.Combine(EscapeData.CaseDir, "cases.json"));

    [Theory]
    [InlineData("go1.19", 1)]
    [InlineData("go1.19", 2)]
    [InlineData("go1.23", 1)]
    [InlineData("go1.23", 2)]
    public void Every_case_matches_the_recorded_compiler_output(string version, int level)
    {
        var report = EscapeParser.ParseFile(EscapeData.Recording(version, level));
        var v = GoVersion.Parse(version);
        var wrong = Cases.Where(c => c.ActualIn(report) != c.ExpectedFor(v))
            .Select(c => $"{c}: recorded {c.ActualIn(report)?.ToString() ?? "none"}").ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Cases_cover_the_classic_causes_and_point_inside_their_function()
    {
        var cases = Cases;
        Assert.InRange(cases.Count, 30, 80);
        var index = GoFunctionIndex.FromPath(EscapeData.CaseDir);
        Assert.All(cases, c => Assert.EndsWith(c.Function, index.FunctionAt(c.File, c.Line) ?? "(outside any function)", StringComparison.Ordinal));
        // Every kind a learner must recognise occurs, and some cases stay silent (on the stack without a message).
        var kinds = cases.Select(c => c.ExpectedFor(GoVersion.Go1_19)).ToHashSet();
        foreach (var kind in (EscapeKind?[])[EscapeKind.MovedToHeap, EscapeKind.EscapesToHeap, EscapeKind.DoesNotEscape, EscapeKind.LeakingParam,
                     EscapeKind.LeakingParamContent, EscapeKind.LeakingParamToResult, null])
            Assert.Contains(kind, kinds);
        Assert.All(cases, c => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", c.Explanation));
        // Every function in the package has a one-line Chinese comment right above it.
        foreach (var (file, start, _, name) in index.Functions)
        {
            var above = File.ReadAllLines(Path.Combine(EscapeData.CaseDir, file))[start - 2];
            Assert.True(above.StartsWith("// ", StringComparison.Ordinal), $"{file}:{start} {name} has no comment");
        }
    }

    [Fact]
    public void The_releases_differ_only_in_how_expressions_are_printed()
    {
        // 1.19 prints the constant expression as written, 1.23 the folded value; the verdict is the same.
        var old = EscapeParser.ParseFile(EscapeData.Recording("go1.19", 1));
        var young = EscapeParser.ParseFile(EscapeData.Recording("go1.23", 1));
        Assert.Contains(old.At("sizes.go", 17), f => f.Name == "make([]byte, 64 << 10)" && f.Kind == EscapeKind.DoesNotEscape);
        Assert.Contains(young.At("sizes.go", 17), f => f.Name == "make([]byte, 65536)" && f.Kind == EscapeKind.DoesNotEscape);
        Assert.Equal(old.Count(EscapeKind.MovedToHeap), young.Count(EscapeKind.MovedToHeap));
    }

    [Fact]
    public void Function_index_names_methods_like_the_compiler()
    {
        var index = GoFunctionIndex.FromSources([("a.go", "package a\n\nfunc (t *Tally) Inc() int {\n\treturn 1\n}\n\nfunc (c Celsius) String() string { return \"\" }\n\nfunc F[T any](x T) {\n}\n")]);
        Assert.Equal("(*Tally).Inc", index.FunctionAt("./a.go", 4));
        Assert.Equal("Celsius.String", index.FunctionAt("a.go", 7));
        Assert.Equal("F", index.FunctionAt("a.go", 9));
        Assert.Null(index.FunctionAt("a.go", 6));
    }

    [Fact]
    public void A_bad_cases_file_names_itself()
    {
        var path = Path.Combine(Path.GetTempPath(), $"golab-cases-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{"cases":[{"function":"F","file":"a.go","line":3,"expected":{"go1.19":"movedToStack"},"explanation":"x"}]}""");
            var e = Assert.Throws<KitInputException>(() => EscapeCaseTable.Load(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains("movedToStack", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
