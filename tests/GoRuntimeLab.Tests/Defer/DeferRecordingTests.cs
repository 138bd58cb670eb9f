using GoRuntimeLab.Defer;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Defer;

/// <summary>The oracle: `go build -gcflags=-d=defer` output of data/go/defer recorded with Go 1.19.8 and 1.23.5,
/// four builds each (default, -N, -race, -d=noopendefer). The classifier must agree on every defer.</summary>
public class DeferRecordingTests
{
    private static string Root => Requirement.RepoRoot();

    internal static string ProgramDir => Path.Combine(Root, "data", "go", "defer");

    private static string RecordingsDir => Path.Combine(Root, "data", "recordings", "defer");

    public static TheoryData<string, string> Recordings()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in (string[])["go1.19.8", "go1.23.5"])
            foreach (var (build, _) in DeferCases.Builds)
                data.Add(version, build);
        return data;
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void The_classifier_agrees_with_the_compiler_on_every_defer(string version, string build)
    {
        var cases = DeferCases.Load(ProgramDir);
        var output = DeferDebugOutput.Read(Path.Combine(RecordingsDir, $"d-defer-{build}-{version}.log"));
        // Every defer statement of the program was reported, and nothing else.
        Assert.Equal(cases.Sum(c => c.Lines.Count), output.Count);
        var results = DeferCases.Compare(cases, output, build, GoVersion.Parse(version));
        Assert.All(results, r => Assert.True(r.Agrees, r.ToString()));
    }

    [Theory]
    [InlineData("go1.19.8")]
    [InlineData("go1.23.5")]
    public void Expected_kinds_in_cases_json_are_what_the_compiler_printed(string version)
    {
        var cases = DeferCases.Load(ProgramDir);
        var results = DeferCases.Compare(cases, DeferDebugOutput.Read(Path.Combine(RecordingsDir, $"d-defer-default-{version}.log")), "default", GoVersion.Parse(version));
        Assert.All(results, r => Assert.Equal(r.Case.Expected.Cast<DeferKind?>(), r.Recorded));
        // The cases cover all three kinds and every source-level rule.
        var kinds = results.SelectMany(r => r.Recorded).Distinct().ToArray();
        Assert.Equal(3, kinds.Length);
        var rules = results.Select(r => r.Classification.Rule).Distinct().ToHashSet();
        Assert.Superset(new HashSet<DeferRule> { DeferRule.None, DeferRule.TooManyDefers, DeferRule.DeferInLoop, DeferRule.TooManyReturns, DeferRule.HeapAllocatedResult }, rules);
    }

    [Fact]
    public void Builds_change_only_what_the_rules_say()
    {
        // -N, -race and -d=noopendefer: no defer is open-coded; loop defers stay heap-allocated.
        foreach (var build in (string[])["noopt", "race", "noopendefer"])
        {
            var output = DeferDebugOutput.Read(Path.Combine(RecordingsDir, $"d-defer-{build}-go1.23.5.log"));
            Assert.DoesNotContain(output, l => l.Kind == DeferKind.OpenCoded);
            Assert.Equal(5, output.Count(l => l.Kind == DeferKind.HeapAllocated));
        }
    }

    [Fact]
    public void Recordings_and_cases_hold_no_absolute_path()
    {
        var files = Directory.EnumerateFiles(RecordingsDir).Concat(Directory.EnumerateFiles(ProgramDir, "*", SearchOption.AllDirectories)).ToArray();
        Assert.True(files.Length >= 12, $"expected the recordings and the program, found {files.Length} files");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var bad in (string[])[Root, "/work/", "/tmp/", "/home/", "/root/", "/opt/", "/usr/lib/go", "C:\\"])
                Assert.False(text.Contains(bad, StringComparison.Ordinal), $"{Path.GetRelativePath(Root, file)} contains \"{bad}\"");
        }
    }

    [Fact]
    public void Malformed_debug_output_fails_with_source_and_line()
    {
        var e = Assert.Throws<KitInputException>(() => DeferDebugOutput.Parse("# p\n./a.go:1:2: open-coded defer\n./a.go:x:2: open-coded defer\n", "out.log"));
        Assert.Equal(3, e.Line);
        Assert.Equal("out.log", e.FilePath);
        Assert.StartsWith("out.log:3: not a -d=defer line", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Throws<KitInputException>(() => DeferDebugOutput.Parse("\n./a.go:1:2: closed defer", "s")).Line);
        Assert.Equal(1, Assert.Throws<KitInputException>(() => DeferDebugOutput.Parse("./a.go:0:2: open-coded defer", "s")).Line);
        var ok = DeferDebugOutput.Parse("# golab/defer\r\n./main.go:27:2: heap-allocated defer\r\n", "s");
        Assert.Equal(new DeferDebugLine("golab/defer", "./main.go", 27, 2, DeferKind.HeapAllocated, 2), Assert.Single(ok));
    }
}
