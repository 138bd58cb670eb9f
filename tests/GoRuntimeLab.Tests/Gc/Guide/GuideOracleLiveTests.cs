using System.Diagnostics;
using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Gc.Guide;

/// <summary>
/// Re-runs the oracle: node executes the real gc-guide.js (run-oracle.js) and must print exactly the committed
/// golden cases. Needs node and the upstream files in data/oracles/gc-guide/upstream (not committed; see the
/// README there). Skips otherwise; GOLAB_REQUIRE_GC_GUIDE_ORACLE=1 turns the skip into a failure.
/// </summary>
public class GuideOracleLiveTests
{
    [SkippableFact]
    public void Node_running_the_real_page_script_reproduces_the_golden_file()
    {
        var root = Requirement.RepoRoot();
        var node = Requirement.OnPath("node");
        Requirement.Tool(node is not null, "GOLAB_REQUIRE_GC_GUIDE_ORACLE", "node is not on PATH");
        var upstream = Path.Combine("data", "oracles", "gc-guide", "upstream");
        Requirement.Tool(File.Exists(Path.Combine(root, upstream, "gc-guide.js")), "GOLAB_REQUIRE_GC_GUIDE_ORACLE",
            "the upstream gc-guide.js is not in data/oracles/gc-guide/upstream (see the README there)");

        var start = new ProcessStartInfo(node!) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine("data", "oracles", "gc-guide", "run-oracle.js"));
        start.ArgumentList.Add(upstream);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "run-oracle.js did not finish in 5 minutes");
        Assert.True(process.ExitCode == 0, stderr.Result);

        using var fresh = JsonDocument.Parse(stdout.Result);
        var freshCases = fresh.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetRawText()).ToList();
        var goldenCases = GuideGolden.Cases.Select(c => c.GetRawText()).ToList();
        Assert.Equal(goldenCases.Count, freshCases.Count);
        for (var i = 0; i < goldenCases.Count; i++) Assert.True(goldenCases[i] == freshCases[i], $"case {i} differs from the golden file");
        Assert.Equal(GuideGolden.Root.GetProperty("source").GetRawText(), fresh.RootElement.GetProperty("source").GetRawText());
    }

    [Fact]
    public void The_golden_file_names_its_sources_and_no_path_of_this_machine()
    {
        var text = File.ReadAllText(GuideGolden.Path);
        foreach (var bad in new[] { "/work/", "/tmp/", "/home/", "/root/", @"C:\" }) Assert.DoesNotContain(bad, text, StringComparison.Ordinal);
        var files = GuideGolden.Root.GetProperty("source").GetProperty("files");
        Assert.Equal("d34368ed1f68bcb06ddfb79074c46ef27c49b4f0", files.GetProperty("_content/doc/gc-guide.js").GetProperty("commit").GetString());
        Assert.Equal(64, files.GetProperty("_content/doc/gc-guide.js").GetProperty("sha256").GetString()!.Length);
        foreach (var name in new[] { "run-oracle.js", "README.md" })
        {
            var other = File.ReadAllText(Path.Combine(Requirement.RepoRoot(), "data", "oracles", "gc-guide", name));
            foreach (var bad in new[] { "/work/", "/tmp/", "/home/", "/root/" }) Assert.DoesNotContain(bad, other, StringComparison.Ordinal);
        }
    }
}
