using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Gc.Guide;

/// <summary>
/// The committed golden file of the GC guide's oracle. (Re-running the oracle needs the upstream gc-guide.js, which is
/// not committed and cannot be fetched in CI; data/oracles/gc-guide/README.md gives the command, and the golden tests
/// hold the C# port to what it printed.)
/// </summary>
public class GuideOracleFileTests
{
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
