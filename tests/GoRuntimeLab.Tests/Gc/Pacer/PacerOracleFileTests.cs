using System.Diagnostics;
using System.Text.RegularExpressions;
using GoRuntimeLab.Gc.Pacer;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Gc.Pacer;

/// <summary>The recorded oracle files themselves, and a live re-run of Go's TestGcPacer when Go is installed.</summary>
public partial class PacerOracleFileTests
{
    private static string Dir(params string[] parts) => Path.Combine([Requirement.RepoRoot(), "data", "oracles", .. parts]);

    [GeneratedRegex(@"(/home/|/root|/tmp/|/work/|/usr/|/opt/|[A-Za-z]:\\)")]
    private static partial Regex AbsolutePath();

    [Fact]
    public void Recordings_hold_no_absolute_path_of_the_recording_machine()
    {
        var files = Directory.GetFiles(Dir("gcpacer")).Concat(Directory.GetFiles(Dir("gorand"))).ToList();
        Assert.Equal(6, files.Count); // four raw logs (1.19, 1.21, 1.22, 1.23), the TSV, the gorand values
        foreach (var f in files)
        {
            var m = AbsolutePath().Match(File.ReadAllText(f));
            Assert.False(m.Success, $"{f} contains an absolute path near '{m.Value}'");
        }
    }

    [Fact]
    public void Both_raw_logs_have_every_scenario_and_passed()
    {
        foreach (var file in new[] { "testgcpacer-go1.19.8.txt", "testgcpacer-go1.23.5.txt" })
        {
            var text = File.ReadAllText(Dir("gcpacer", file));
            var log = PacerGolden.ParseLog(text, file);
            Assert.Equal(PacerScenarios.Names.Order(StringComparer.Ordinal), log.Keys.Order(StringComparer.Ordinal));
            foreach (var s in PacerScenarios.All) Assert.Equal(s.Length, log[s.Name].Count);
            Assert.Contains("--- PASS: TestGcPacer ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("--- FAIL", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_parsers_name_file_and_line_on_bad_input()
    {
        var e = Assert.Throws<KitInputException>(() => PacerGolden.ParseLog("    x_test.go:1: GC 1 25.0% 0->1->2 (goal: 3)\n", "a.txt"));
        Assert.Equal(("a.txt", 1), (e.FilePath, e.Line));
        e = Assert.Throws<KitInputException>(() => PacerGolden.ParseLog("=== RUN   TestGcPacer/Steady\n GC 2 25.0% 0->1->2 (goal: 3)\n", "b.txt"));
        Assert.Equal(("b.txt", 2), (e.FilePath, e.Line));
        e = Assert.Throws<KitInputException>(() => PacerGolden.ParseTsv("# c\nSteady\t1\t0.25\t0\t1\t2\n", "c.tsv"));
        Assert.Equal(("c.tsv", 2), (e.FilePath, e.Line));
        e = Assert.Throws<KitInputException>(() => PacerGolden.ParseTsv("Steady\t1\tx\t0\t1\t2\t3\n", "d.tsv"));
        Assert.Equal(("d.tsv", 1), (e.FilePath, e.Line));
        Assert.Throws<KitInputException>(() => PacerGolden.ParseFile(Dir("gcpacer", "missing.tsv")));
    }

    [SkippableFact]
    public async Task Live_go_test_gc_pacer_matches_the_model()
    {
        var go = GoToolchain.Find();
        Requirement.Tool(go is not null, "GOLAB_REQUIRE_GO", "Go is not installed (no `go` on PATH or in $GOROOT/bin)");
        Requirement.Tool(go!.Version >= GoVersion.Go1_19 && go.Version < new GoVersion(1, 24), "GOLAB_REQUIRE_GO", $"the pacer model covers Go 1.19–1.23, local Go is {go.Version}");

        var start = new ProcessStartInfo(go.GoPath) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { "test", "runtime", "-run", "TestGcPacer$", "-v", "-parallel", "1", "-count=1" }) start.ArgumentList.Add(a);
        start.Environment["GOTOOLCHAIN"] = "local";
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(8));
        Assert.True(p.ExitCode == 0, await stderr);

        var live = PacerGolden.ParseLog(await stdout, "live go test");
        var version = new GoVersion(go.Version.Major, go.Version.Minor);
        foreach (var name in PacerScenarios.Names) PacerGoldenTests.AssertMatches(live[name], PacerHarness.Run(name, version));
        if (version == GoVersion.Go1_19)
        {
            var recorded = PacerGolden.ParseFile(Dir("gcpacer", "testgcpacer-go1.19.8.txt"));
            foreach (var name in PacerScenarios.Names) Assert.Equal(recorded[name], live[name]);
        }
    }
}
