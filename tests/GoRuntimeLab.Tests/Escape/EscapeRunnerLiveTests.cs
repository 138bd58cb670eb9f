using GoRuntimeLab.Escape;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Escape;

/// <summary>Runs the real compiler on data/go/escape. Skipped without Go, failed without Go when GOLAB_REQUIRE_GO=1.</summary>
public class EscapeRunnerLiveTests
{
    private static IEnumerable<(string, int, int?, EscapeKind, string, int)> Verdicts(EscapeReport r) =>
        r.Findings.Select(f => (f.File, f.Line, f.Column, f.Kind, f.Name, f.Flow.Count)).Order();

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Live_compile_of_the_cases_equals_the_recording_of_the_same_release(int level)
    {
        var go = LiveGo.Require();
        var live = await EscapeRunner.RunAsync(EscapeData.CaseDir, level, go);
        Assert.StartsWith("live go1.", live.Source, StringComparison.Ordinal);
        Assert.Empty(live.Other);
        var recorded = go.Version.Minor == 23 ? "go1.23" : "go1.19";
        if (go.Version.Minor is 19 or 23)
        {
            // Same release: the same findings, with the same explanations (output order may differ; compare sorted).
            Assert.Equal(Verdicts(EscapeParser.ParseFile(EscapeData.Recording(recorded, level))), Verdicts(live));
        }
        // Any release: the curated verdicts hold (checked against the nearest recorded release's column).
        var wrong = EscapeCaseTable.Load(Path.Combine(EscapeData.CaseDir, "cases.json"))
            .Where(c => c.ActualIn(live) != c.ExpectedFor(go.Version)).Select(c => c.ToString()).ToList();
        Assert.Empty(wrong);
    }

    [SkippableFact]
    public async Task A_single_file_without_go_mod_compiles_and_a_broken_one_reports_the_compiler_error()
    {
        var go = LiveGo.Require();
        var dir = Path.Combine(Path.GetTempPath(), "golab-escape-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "main.go");
            await File.WriteAllTextAsync(file, "package main\n\nfunc f() *int {\n\tx := 1\n\treturn &x\n}\n\nfunc main() { _ = f() }\n");
            var report = await EscapeRunner.RunAsync(file, 1, go);
            var moved = Assert.Single(report.OfKind(EscapeKind.MovedToHeap));
            Assert.Equal(("./main.go", 4, "x"), (moved.File, moved.Line, moved.Name));
            Assert.Equal(["main.go"], Directory.EnumerateFiles(dir).Select(Path.GetFileName)); // nothing written next to the source

            await File.WriteAllTextAsync(file, "package main\n\nfunc main() { undefinedThing() }\n");
            var e = await Assert.ThrowsAsync<GoBuildException>(() => EscapeRunner.RunAsync(dir, 1, go));
            Assert.Contains("undefined: undefinedThing", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Without_go_the_recording_is_replayed_and_a_mismatched_recording_is_refused()
    {
        var replay = await EscapeRunner.RunOrReplayAsync(null, EscapeData.CaseDir, 2, EscapeData.Recording("go1.19", 2));
        Assert.Equal("recorded go1.19.8 (data/recordings/escape/cases-go1.19-m2.txt)", replay.Source);
        Assert.True(replay.Count(EscapeKind.CapturedByRef) > 0);
        var e = await Assert.ThrowsAsync<KitInputException>(() => EscapeRunner.RunOrReplayAsync(null, EscapeData.CaseDir, 1, EscapeData.Recording("go1.19", 2)));
        Assert.Contains("-gcflags=-m=2", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KitInputException>(() => EscapeRunner.RunOrReplayAsync(null, EscapeData.CaseDir, 3, EscapeData.Recording("go1.19", 2)));
        await Assert.ThrowsAsync<KitInputException>(() => EscapeRunner.RunAsync(Path.Combine(EscapeData.CaseDir, "missing"), 1, null));
    }
}
