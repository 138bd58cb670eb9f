using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>`golab defer classify|bench` as a user runs it: tables, one JSON document, exit 2 for bad input.</summary>
public class DeferCliTests
{
    private static string Root => Requirement.RepoRoot();

    [Fact]
    public void Classify_prints_the_rule_and_json_has_one_entry_per_defer()
    {
        var table = Golab.Run(Root, "defer", "classify", "--defers", "2", "--returns", "8");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("open-coded: no", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("16 > 15", table.Stdout, StringComparison.Ordinal);

        var json = Golab.Run(Root, "defer", "classify", "--defers", "3", "--in-loop", "--go", "1.19", "--json");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal("go1.19", doc.RootElement.GetProperty("go").GetString());
        Assert.Equal("deferInLoop", doc.RootElement.GetProperty("rule").GetString());
        Assert.All(doc.RootElement.GetProperty("sites").EnumerateArray(), s => Assert.Equal("heap-allocated", s.GetProperty("kind").GetString()));
        Assert.Equal(3, doc.RootElement.GetProperty("sites").GetArrayLength());
    }

    [Theory]
    [InlineData("--defers", "0")]
    [InlineData("--go", "1.18")]
    public void Bad_classify_input_exits_2_naming_the_parameter(string option, string value)
    {
        var args = option == "--defers" ? new[] { "defer", "classify", option, value } : ["defer", "classify", "--defers", "1", option, value];
        var r = Golab.Run(Root, args);
        Assert.Equal(2, r.ExitCode);
        // The flag the user typed, never the model's internal parameter name ("defers:", "version:").
        Assert.StartsWith($"golab: {option}:", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_summarises_a_recording_and_reports_a_bad_line_with_its_number()
    {
        var r = Golab.Run(Root, "defer", "bench", "data/recordings/defer/bench-go1.19.8.log", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(12, doc.RootElement.GetProperty("benchmarks").GetArrayLength());
        Assert.Equal(6, doc.RootElement.GetProperty("costs").GetArrayLength());
        Assert.Contains("cost per defer", Golab.Run(Root, "defer", "bench", "data/recordings/defer/bench-go1.19.8.log").Stdout, StringComparison.Ordinal);

        var bad = Path.Combine(Path.GetTempPath(), "golab-defer-bad-" + Guid.NewGuid().ToString("N")[..8] + ".log");
        File.WriteAllText(bad, "goos: linux\nBenchmarkX-2\t10\tfast ns/op\n");
        try
        {
            var e = Golab.Run(Root, "defer", "bench", bad);
            Assert.Equal(2, e.ExitCode);
            Assert.StartsWith($"golab: {bad}:2: ", e.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
