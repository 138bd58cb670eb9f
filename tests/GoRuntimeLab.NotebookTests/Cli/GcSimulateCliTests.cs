using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>`golab gc simulate` as the issue's CLI contract states it: JSON fields, gctrace output, determinism, exit 2.</summary>
public class GcSimulateCliTests
{
    private static Golab.Result Golab_(params string[] args) => Golab.Run(Requirement.RepoRoot(), args);

    private static readonly string[] Contract =
        ["gc", "simulate", "--live", "32MiB", "--object-size", "1024", "--pointers", "--alloc-rate", "256MiB/s", "--duration", "2s",
         "--procs", "2", "--gogc", "100", "--stacks", "64KiB", "--globals", "32KiB", "--go", "1.19", "--seed", "3"];

    [Fact]
    public void Json_has_the_totals_and_every_cycle()
    {
        var r = Golab_([.. Contract, "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        var count = root.GetProperty("gcCount").GetInt32();
        Assert.InRange(count, 5, 40);
        Assert.True(root.GetProperty("peakHeapBytes").GetUInt64() > 32UL << 20);
        Assert.InRange(root.GetProperty("gcCpuFraction").GetDouble(), 0.0, 1.0);
        var cycles = root.GetProperty("cycles").EnumerateArray().ToList();
        Assert.InRange(cycles.Count, count, count + 1);
        var first = cycles[0];
        foreach (var field in (string[])["startNs", "trigger", "heapAtTrigger", "heapAtMarkEnd", "marked", "goal", "sweepTermNs", "markNs", "markTermNs", "assistCpuNs", "gctrace"])
            Assert.True(first.TryGetProperty(field, out _), field);
        // Numbered after the setup cycles and the forced GC that precede the run, as in a real gcload log.
        var number = first.GetProperty("number").GetInt32();
        Assert.Equal(root.GetProperty("setupCycles").GetArrayLength() + 1, number);
        Assert.StartsWith($"gc {number} @", first.GetProperty("gctrace").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("(forced)", root.GetProperty("setupCycles")[number - 2].GetProperty("gctrace").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_spike_raises_the_peak_heap()
    {
        using var plain = JsonDocument.Parse(Golab_([.. Contract, "--json"]).Stdout);
        var r = Golab_([.. Contract, "--spike", "32MiB", "--spike-at", "500ms", "--spike-for", "500ms", "--json"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var spiky = JsonDocument.Parse(r.Stdout);
        Assert.True(spiky.RootElement.GetProperty("peakHeapBytes").GetUInt64() > plain.RootElement.GetProperty("peakHeapBytes").GetUInt64() + (16UL << 20));
    }

    [Fact]
    public void The_same_seed_prints_the_same_document()
    {
        var a = Golab_([.. Contract, "--json"]);
        var b = Golab_([.. Contract, "--json"]);
        Assert.Equal(a.Stdout, b.Stdout);
    }

    [Fact]
    public void Gctrace_prints_go_lines_only()
    {
        var r = Golab_([.. Contract, "--gctrace"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(@"^gc \d+ @\d+\.\d{3}s \d+%: .* ms clock, .* ms cpu, \d+->\d+->\d+ MB, \d+ MB goal, \d+ MB stacks, \d+ MB globals, 2 P( \(forced\))?$", l));
        // A whole log, as GODEBUG=gctrace=1 prints it: numbered from 1, the setup's forced GC included.
        Assert.StartsWith("gc 1 @", lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.EndsWith("(forced)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--gogc", "OFF")]
    [InlineData("--procs", "0")]
    [InlineData("--memlimit", "12XB")]
    [InlineData("--live", "much")]
    [InlineData("--duration", "5")]
    [InlineData("--go", "1.12")]
    [InlineData("--spike", "12XB")]
    [InlineData("--goroutines", "0")]
    public void Bad_parameters_exit_2_naming_the_parameter(string option, string value)
    {
        var r = Golab_("gc", "simulate", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(option, r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
