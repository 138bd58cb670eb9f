using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>
/// `golab gc guide` as a process, against the oracle: the numbers the real gc-guide.js computed under node
/// (data/oracles/gc-guide/golden.json) for the same graph and settings.
/// </summary>
public class GcGuideCliTests
{
    private static readonly Lazy<JsonDocument> Golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Requirement.RepoRoot(), "data", "oracles", "gc-guide", "golden.json"))));

    private static JsonElement GoldenCase(int graph, double gogcSlider, double? limitSlider, string overrideJson) =>
        Golden.Value.RootElement.GetProperty("cases").EnumerateArray().Single(c =>
            c.GetProperty("graph").GetInt32() == graph &&
            c.GetProperty("gogcSlider").GetDouble() == gogcSlider &&
            (limitSlider is null ? c.GetProperty("limitSlider").ValueKind == JsonValueKind.Null : c.GetProperty("limitSlider").GetDouble() == limitSlider) &&
            c.GetProperty("configOverride").GetRawText() == overrideJson);

    private static JsonDocument RunJson(params string[] args)
    {
        var r = Golab.Run(Requirement.RepoRoot(), ["gc", "guide", .. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);
        return JsonDocument.Parse(r.Stdout); // exactly one document: Parse refuses trailing content
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual)) + 1e-12, $"{what}: golab {actual:R}, JS {expected:R}");

    private static void AssertMatches(JsonElement golden, JsonElement cli)
    {
        foreach (var key in new[] { "peakMem", "gcCpuPercent", "totalTime", "peakLive" })
            Close(golden.GetProperty(key).GetDouble(), cli.GetProperty(key).GetDouble(), key);
        Assert.Equal(golden.GetProperty("cycles").GetInt32(), cli.GetProperty("cycles").GetInt32());
        var series = cli.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(golden.GetProperty("points").GetInt32(), series.Count);
        if (!golden.TryGetProperty("series", out var expected)) return;
        var points = expected.EnumerateArray().ToList();
        for (var i = 0; i < points.Count; i++)
            foreach (var key in new[] { "t", "other", "live", "new" })
                Close(points[i].GetProperty(key).GetDouble(), series[i].GetProperty(key).GetDouble(), $"series[{i}].{key}");
    }

    [Fact]
    public void Defaults_are_the_pages_and_match_the_javascript()
    {
        using var doc = RunJson("--graph", "1");
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("graph").GetInt32());
        Assert.Equal(100, root.GetProperty("gogc").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("memoryLimit").ValueKind);
        AssertMatches(GoldenCase(1, 6.64, null, "{}"), root);
    }

    [Fact]
    public void Gogc_off_and_a_limit_on_graph_5_match_the_javascript()
    {
        using var doc = RunJson("--graph", "5", "--gogc", "off", "--memlimit", "30MiB");
        Assert.Equal("off", doc.RootElement.GetProperty("gogc").GetString());
        Assert.Equal(30, doc.RootElement.GetProperty("memoryLimit").GetDouble());
        AssertMatches(GoldenCase(5, 10, 30, "{}"), doc.RootElement);
    }

    [Fact]
    public void Other_memory_and_a_limit_on_graphs_without_a_limit_slider_are_modelled()
    {
        using (var doc = RunJson("--graph", "1", "--other-mem", "10MiB"))
            AssertMatches(GoldenCase(1, 6.64, null, """{"otherMem":10}"""), doc.RootElement);
        using (var doc = RunJson("--graph", "3", "--memlimit", "30MiB"))
            AssertMatches(GoldenCase(3, 6.64, null, """{"memoryLimit":30}"""), doc.RootElement);
        using (var doc = RunJson("--graph", "2", "--gogc", "8"))
            AssertMatches(GoldenCase(2, 3, null, "{}"), doc.RootElement); // slider 3 → round(2^3) = 8
    }

    [Fact]
    public void The_table_shows_the_pages_footer()
    {
        var r = Golab.Run(Requirement.RepoRoot(), "gc", "guide", "--graph", "4");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("GC guide graph 4", r.Stdout);
        Assert.Matches(@"GC CPU\s+6\.4 %", r.Stdout);
        Assert.Matches(@"Peak Mem\s+50\.0 MiB", r.Stdout);
        Assert.Matches(@"GC cycles\s+12\n", r.Stdout.Replace("\r", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--graph", "6")]
    [InlineData("--graph", "0")]
    [InlineData("--gogc", "OFF")]
    [InlineData("--gogc", "lots")]
    [InlineData("--memlimit", "0.5MiB")]
    [InlineData("--memlimit", "NaN")]
    [InlineData("--other-mem", "-1")]
    public void Bad_values_exit_2_with_one_line_naming_the_option(string option, string value)
    {
        string[] args = option == "--graph" ? ["gc", "guide", option, value] : ["gc", "guide", "--graph", "1", option, value];
        var r = Golab.Run(Requirement.RepoRoot(), args);
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(option, line);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Help_says_a_limit_on_graphs_1_to_3_is_modelled()
    {
        var r = Golab.Run(Requirement.RepoRoot(), "gc", "guide", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Graphs 1-3 have no limit slider on the page; a limit there is modelled", r.Stdout);
    }
}
