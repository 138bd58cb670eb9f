using GoRuntimeLab.Race;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Race;

/// <summary>
/// `go test -race` on data/go/racedemo with the installed Go (the race detector needs cgo and a C toolchain): both
/// races are found again, with the same accesses and lines as the recording. Skipped without Go; a failure when
/// GOLAB_REQUIRE_GO=1.
/// </summary>
public sealed class RaceLiveTests
{
    [SkippableFact]
    public void LiveGoTestRace_FindsBothRacesOfTheRecording()
    {
        var go = LiveGo.Require();
        var dir = Path.Combine(Requirement.RepoRoot(), "data", "go", "racedemo");
        var run = LiveGoCommand.Run(go, dir, ["test", "-race", "-trimpath", "-count", "1", "."]);
        Assert.True(run.ExitCode == 1, $"go test -race should fail for the races (exit {run.ExitCode}): {run.Stderr}{run.Stdout}");
        var live = RaceReportParser.Parse(run.Stdout + run.Stderr, "live go test -race");
        var recorded = RaceReportParser.ReadFile(RaceReportParserTests.Recording("racedemo-test-go1.19.8.txt"));
        Assert.Equal(["TestRun", "TestPeek"], live.FailedTests);
        Assert.Equal(recorded.Reports.Count, live.Reports.Count);
        // Which access comes first depends on scheduling: compare each report's set of accesses.
        static string Key(RaceReport r) => string.Join(" | ", r.Accesses.Select(a => $"{a.Kind} {a.Top!.File}:{a.Top.Line} main={a.Goroutine == RaceAccess.MainGoroutine}").Order());
        Assert.Equal(recorded.Reports.Select(r => r.Accesses.Select(a => a.Top!.Line).Max()), live.Reports.Select(r => r.Accesses.Select(a => a.Top!.Line).Max()));
        Assert.Equal(recorded.Reports.Count(r => r.Accesses.Any(a => a.Goroutine == RaceAccess.MainGoroutine)),
            live.Reports.Count(r => r.Accesses.Any(a => a.Goroutine == RaceAccess.MainGoroutine)));
        Assert.All(live.Reports, r => Assert.Contains("write", Key(r), StringComparison.Ordinal));
    }
}
