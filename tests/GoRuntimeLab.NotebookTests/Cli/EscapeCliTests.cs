using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary><c>golab escape parse|run</c> as a user runs it: exit codes, one JSON document, readable errors.</summary>
public class EscapeCliTests
{
    private static string Root => Requirement.RepoRoot();

    [Fact]
    public void Parse_json_is_one_document_with_camel_case_kinds_and_counts_that_add_up()
    {
        var run = Golab.Run(Root, "escape", "parse", "data/recordings/escape/cases-go1.19-m2.txt", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        var counts = root.GetProperty("counts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(findings.Count, counts.Values.Sum());
        foreach (var kind in (string[])["movedToHeap", "escapesToHeap", "doesNotEscape", "leakingParam", "leakingParamContent", "leakingParamToResult", "canInline", "inliningCall", "cannotInline", "other"])
            Assert.True(counts.ContainsKey(kind), kind);
        Assert.Empty(root.GetProperty("other").EnumerateArray());
        // return &x in ReturnLocalAddr (pointers.go:17): "moved to heap: x", explained by its -m=2 flow.
        var moved = findings.Single(f => f.GetProperty("file").GetString() == "./pointers.go" && f.GetProperty("line").GetInt32() == 17);
        Assert.Equal(("movedToHeap", "x", 2), (moved.GetProperty("kind").GetString(), moved.GetProperty("name").GetString(), moved.GetProperty("column").GetInt32()));
        Assert.Contains(moved.GetProperty("flow").EnumerateArray(), l => l.GetString()!.Contains("flow: ~r0 = &x", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_prints_a_table_by_default_and_names_the_line_of_malformed_input()
    {
        var table = Golab.Run(Root, "escape", "parse", "data/recordings/escape/testdir/go1.19/escape2.out");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("escape2.go:21", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("movedToHeap", table.Stdout, StringComparison.Ordinal);

        var dir = Path.Combine(Path.GetTempPath(), "golab-escape-cli-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "bad.txt"), "# p\n./a.go:3:2: moved to heap: x\n./a.go:three:2: moved to heap: y\n");
            var bad = Golab.Run(dir, "escape", "parse", "bad.txt");
            Assert.Equal(2, bad.ExitCode);
            Assert.StartsWith("golab: bad.txt:3: line \"three\"", bad.Stderr, StringComparison.Ordinal);
            var missing = Golab.Run(dir, "escape", "parse", "nothing.txt");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("nothing.txt", missing.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Run_without_go_says_how_to_install_it_and_exits_1()
    {
        var dotnetDir = Path.GetDirectoryName(Environment.ProcessPath) ?? "";
        var env = new Dictionary<string, string> { ["PATH"] = Path.Combine(Path.GetTempPath(), "golab-no-go-here"), ["GOROOT"] = "", ["DOTNET_ROOT"] = dotnetDir };
        var run = Golab.Run(Root, env, "escape", "run", "data/go/escape");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("golab: Go is not installed: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("apt-get install golang-go", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Golab.Run(Root, "escape", "run", "data/go/escape", "--m", "3").ExitCode);
    }

    [SkippableFact]
    public void Run_compiles_with_the_local_go()
    {
        Requirement.Tool(Requirement.OnPath("go") is not null, "GOLAB_REQUIRE_GO", "Go is not installed (no `go` on PATH)");
        var run = Golab.Run(Root, "escape", "run", "data/go/escape", "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.StartsWith("live go1.", doc.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);
        // Ten named variables of data/go/escape move to the heap under both recorded releases (cases-go1.*-m1.txt).
        Assert.Equal(10, doc.RootElement.GetProperty("counts").GetProperty("movedToHeap").GetInt32());
    }
}
