using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>
/// `golab pprof …` as a process, against the oracle: `go tool pprof -top` text recorded with Go 1.19.8 beside the
/// real profiles in data/recordings/pprof.
/// </summary>
public class PprofCliTests
{
    private static string Root => Requirement.RepoRoot();

    private static string Rec(string name) => Path.Combine("data", "recordings", "pprof", name);

    [Theory]
    [InlineData("cpu.top.txt", "cpu.pb.gz")]
    [InlineData("heap.alloc_space.top.txt", "heap.pb.gz", "--sample-index", "alloc_space")]
    [InlineData("cpu.nodecount5.top.txt", "cpu.pb.gz", "--nodecount", "5")]
    public void Top_prints_the_recorded_go_tool_pprof_text(string recorded, string file, params string[] extra)
    {
        var r = Golab.Run(Root, ["pprof", "top", Rec(file), .. extra]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(Root, Rec(recorded))), r.Stdout);
    }

    [Fact]
    public void Top_json_is_one_document_in_the_sample_unit()
    {
        var r = Golab.Run(Root, "pprof", "top", Rec("cpu.pb.gz"), "--json", "--nodecount", "3");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("cpu", root.GetProperty("sampleType").GetString());
        Assert.Equal("nanoseconds", root.GetProperty("unit").GetString());
        Assert.Equal(2_610_000_000, root.GetProperty("total").GetInt64());   // "Total samples = 2.61s" in cpu.top.txt
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("main.fib", rows[0].GetProperty("function").GetString());
        Assert.Equal(990_000_000, rows[0].GetProperty("flat").GetInt64());    // "0.99s 37.93%"
        Assert.Equal(37.93, rows[0].GetProperty("flatPercent").GetDouble(), 2);
        Assert.Equal(rows[0].GetProperty("flatPercent").GetDouble() + rows[1].GetProperty("flatPercent").GetDouble(), rows[1].GetProperty("sumPercent").GetDouble(), 3);
    }

    [Fact]
    public void Diff_prints_the_recorded_base_subtraction()
    {
        var r = Golab.Run(Root, "pprof", "diff", Rec("leak-before.pb.gz"), Rec("leak-after.pb.gz"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(Root, Rec("leak-diff.top.txt"))), r.Stdout);
    }

    [Fact]
    public void Flame_writes_a_standalone_page_and_convert_round_trips()
    {
        var dir = Path.Combine(Path.GetTempPath(), "golab-pprof-cli-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var html = Path.Combine(dir, "flame.html");
            var refused = Golab.Run(Root, "pprof", "flame", Rec("cpu.pb.gz"), "--html", html);
            Assert.Equal(2, refused.ExitCode); // golab creates no folders: the page's folder must exist
            Assert.False(Directory.Exists(dir));
            Directory.CreateDirectory(dir);
            var r = Golab.Run(Root, "pprof", "flame", Rec("cpu.pb.gz"), "--html", html);
            Assert.True(r.ExitCode == 0, r.Stderr);
            var page = File.ReadAllText(html);
            Assert.Contains("\"type\":\"icicle\"", page, StringComparison.Ordinal);
            Assert.Contains("main.fib", page, StringComparison.Ordinal);
            Assert.DoesNotContain("cdn.plot.ly/plotly-2.28.0.min.js\"", page, StringComparison.Ordinal);   // plotly.js is inline
            var converted = Path.Combine(dir, "cpu.pb.gz");
            Assert.Equal(0, Golab.Run(Root, "pprof", "convert", Rec("cpu.pb.gz"), "--out", converted).ExitCode);
            Assert.Equal(Golab.Run(Root, "pprof", "top", Rec("cpu.pb.gz")).Stdout, Golab.Run(Root, "pprof", "top", converted).Stdout);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("golab: no/such.pb.gz: file not found", "pprof", "top", "no/such.pb.gz")]
    [InlineData("golab: data/go/pprofdemo/main.go: parsing profile", "pprof", "top", "data/go/pprofdemo/main.go")]
    [InlineData("golab: --sample-index: sample_index 7 is outside the range [0..1]", "pprof", "top", "data/recordings/pprof/cpu.pb.gz", "--sample-index", "7")]
    [InlineData("golab: --focus: parsing focus regexp", "pprof", "top", "data/recordings/pprof/cpu.pb.gz", "--focus", "(")]
    public void Bad_input_exits_2_with_one_line(string expectedStart, params string[] args)
    {
        var r = Golab.Run(Root, args);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(expectedStart, r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal("", r.Stdout);
    }
}
