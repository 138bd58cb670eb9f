using GoRuntimeLab.Cover;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Cover;

/// <summary>
/// `go test -coverprofile` and `go tool cover -func` on data/go/coverdemo with the installed Go: the parsed profile's
/// total and every function's line equal the tool's. Skipped without Go; a failure when GOLAB_REQUIRE_GO=1.
/// </summary>
public sealed class CoverLiveTests
{
    [SkippableTheory]
    [InlineData("set")]
    [InlineData("atomic")]
    public void LiveProfile_TotalIsGoToolCoverFuncTotal(string mode)
    {
        var go = LiveGo.Require();
        var dir = Path.Combine(Requirement.RepoRoot(), "data", "go", "coverdemo");
        var profilePath = Path.Combine(Path.GetTempPath(), $"golab-cover-{Environment.ProcessId}-{mode}.out");
        try
        {
            var test = LiveGoCommand.Run(go, dir, ["test", "-count", "1", "-covermode", mode, "-coverprofile", profilePath, "."]);
            Assert.True(test.ExitCode == 0, test.Stderr + test.Stdout);
            var func = LiveGoCommand.Run(go, dir, ["tool", "cover", "-func", profilePath]);
            Assert.True(func.ExitCode == 0, func.Stderr);
            var profile = CoverProfileParser.ReadFile(profilePath);
            Assert.Equal(mode, profile.Mode);
            Assert.Equal(CoverProfileParserTests.FuncTotal(func.Stdout), profile.PercentText);
            Assert.Equal(CoverProfileParserTests.TestCoverage(test.Stdout), profile.PercentText);
            Assert.True(profile.Gate(85).Passed);
            var funcs = CoverFuncs.ForProfile(profile, dir, "golab/coverdemo");
            Assert.Equal(CoverFuncsTests.FuncLines(func.Stdout), funcs.Select(f => (f.FileName, f.StartLine, f.Name, f.PercentText)).ToList());
        }
        finally
        {
            File.Delete(profilePath);
        }
    }
}
