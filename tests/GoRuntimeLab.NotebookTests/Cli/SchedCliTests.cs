using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary><c>golab sched simulate</c>: the CLI contract of issue 4 (JSON shape, --list, exit 2 naming the parameter).</summary>
public class SchedCliTests
{
    private static readonly string Root = Requirement.RepoRoot();

    [Fact]
    public void Json_has_the_contract_fields_and_the_spinner_sleeper_story()
    {
        var r = Golab.Run(Root, "sched", "simulate", "--workload", "spinner-sleeper", "--procs", "1", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("endTime").GetInt64() >= 200_000_000);
        var gs = root.GetProperty("goroutines").EnumerateArray().ToList();
        foreach (var key in new[] { "id", "name", "createdAt", "finishedAt", "runningTime", "runnableTime" }) Assert.True(gs[0].TryGetProperty(key, out _), key);
        Assert.True(root.GetProperty("preemptions").GetProperty("async").GetInt64() >= 1);
        Assert.True(root.GetProperty("preemptions").TryGetProperty("cooperative", out _));
        Assert.True(root.TryGetProperty("steals", out _) && root.TryGetProperty("handoffs", out _));
        foreach (var key in new[] { "p50", "p90", "p99", "max" }) Assert.True(root.GetProperty("latencyNs").TryGetProperty(key, out _), key);
        var sleeper = gs.Single(g => g.GetProperty("name").GetString() == "sleeper");
        Assert.InRange(sleeper.GetProperty("finishedAt").GetInt64(), 10_000_000, 25_000_000);
    }

    [Fact]
    public void Same_seed_same_json_and_list_names_every_workload()
    {
        var a = Golab.Run(Root, "sched", "simulate", "--workload", "select-fairness", "--seed", "7", "--json");
        var b = Golab.Run(Root, "sched", "simulate", "--workload", "select-fairness", "--seed", "7", "--json");
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Stdout, b.Stdout);
        var list = Golab.Run(Root, "sched", "simulate", "--list");
        foreach (var name in new[] { "sz-welcome", "sz-welcome-waitgroup", "fanout", "prodcons-buffered", "prodcons-unbuffered", "pingpong", "spinner-sleeper", "syscall-mix", "many-short" })
            Assert.Contains(name, list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Human_output_schedtrace_and_chrome_trace()
    {
        using var dir = new TempDir();
        var trace = dir.File("t.json");
        var r = Golab.Run(Root, "sched", "simulate", "--workload", "syscall-mix", "--procs", "2", "--go", "1.19", "--schedtrace", "5", "--chrome-trace", trace);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("SCHED 0ms: gomaxprocs=2 idleprocs=", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("needspinning", r.Stdout, StringComparison.Ordinal);
        Assert.True(GoRuntimeLab.Trace.ChromeTraceValidator.Validate(File.ReadAllText(trace)).IsValid);
    }

    [Theory]
    [InlineData("--procs", "0")]
    [InlineData("--go", "1.5")]
    [InlineData("--seed", "-3")]
    [InlineData("--asyncpreempt", "maybe")]
    [InlineData("--workload", "nope")]
    [InlineData("--duration", "soon")]
    public void Invalid_parameters_exit_2_naming_the_parameter(string option, string value)
    {
        var args = new List<string> { "sched", "simulate" };
        if (option != "--workload") args.AddRange(["--workload", "pingpong"]);
        args.AddRange([option, value]);
        var r = Golab.Run(Root, [.. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(option.TrimStart('-') == "workload" ? "workload" : option, r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_workload_file_names_file_and_line()
    {
        using var dir = new TempDir();
        var f = dir.File("w.json");
        File.WriteAllText(f, "{\n  \"main\": [\n    { \"op\": \"sleep\", \"d\": \"later\" }\n  ]\n}");
        var r = Golab.Run(dir.Path, "sched", "simulate", "--file", "w.json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("w.json:3:", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("$.main[0].d", r.Stderr, StringComparison.Ordinal);
    }
}
