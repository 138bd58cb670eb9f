using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>`golab gc pacer` as a user runs it: JSON shape, the table, and exit 2 for bad input.</summary>
public class GcPacerCliTests
{
    private static Golab.Result Golab_(params string[] args) => Golab.Run(Requirement.RepoRoot(), args);

    [Fact]
    public void Json_has_one_document_with_every_cycle()
    {
        var r = Golab_("gc", "pacer", "--scenario", "Steady", "--go", "1.19", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("Steady", root.GetProperty("scenario").GetString());
        Assert.Equal("1.19", root.GetProperty("goVersion").GetString());
        Assert.True(root.GetProperty("passed").GetBoolean());
        var cycles = root.GetProperty("cycles").EnumerateArray().ToList();
        Assert.Equal(50, cycles.Count);
        Assert.Equal(
            ["cycle", "utilization", "heapLive", "trigger", "peak", "goal"],
            cycles[0].EnumerateObject().Select(p => p.Name));
        // Real Go 1.19.8 logs "GC 50 25.0% 20884992->39967328->41810943 (goal: 41810944)" for the last cycle.
        var last = cycles[^1];
        Assert.Equal(50, last.GetProperty("cycle").GetInt32());
        Assert.Equal(20884992UL, last.GetProperty("heapLive").GetUInt64());
        Assert.Equal(39967328UL, last.GetProperty("trigger").GetUInt64());
        Assert.Equal(41810943UL, last.GetProperty("peak").GetUInt64());
        Assert.Equal(41810944UL, last.GetProperty("goal").GetUInt64());
        Assert.InRange(last.GetProperty("utilization").GetDouble(), 0.2495, 0.2505);
        Assert.Empty(root.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public void Table_is_the_default_and_defaults_to_go_1_23()
    {
        var r = Golab_("gc", "pacer", "--scenario", "Steady");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Go 1.23 pacer", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 1 + 50 + 1, lines.Length);
        // Go 1.23.5's last Steady cycle: 20886438->39968953->41813835 (goal: 41813836).
        Assert.Contains("20886438     39968953     41813835     41813836", lines[^2], StringComparison.Ordinal);
        Assert.StartsWith("PASS", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void List_names_all_nineteen_scenarios()
    {
        var r = Golab_("gc", "pacer", "--list", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var names = doc.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(19, names.Count);
        Assert.Equal("Steady", names[0]);
        Assert.Equal("MaintainMemoryLimitNoGCPercent", names[^1]);
        var table = Golab_("gc", "pacer", "--list");
        Assert.Equal(19, table.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("--scenario", "NoSuchScenario", "--scenario", "valid names: Steady, SteadyBigStacks")]
    [InlineData("--go", "1.18", "--go", "1.19 to 1.23")]
    [InlineData("--go", "banana", "--go", "not a Go version")]
    public void Bad_input_exits_2_naming_the_option(string option, string value, string named, string says)
    {
        var args = option == "--scenario" ? new[] { "gc", "pacer", option, value } : ["gc", "pacer", "--scenario", "Steady", option, value];
        var r = Golab_(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Stdout);
        Assert.StartsWith($"golab: {named}: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(says, r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Missing_scenario_exits_2_listing_the_names()
    {
        var r = Golab_("gc", "pacer", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("missing --scenario; valid names: Steady", r.Stderr, StringComparison.Ordinal);
    }
}
