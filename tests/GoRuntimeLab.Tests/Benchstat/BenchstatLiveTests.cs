using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Benchstat;

/// <summary>
/// `go test -bench` on data/go/benchpair with the installed Go, old build against `-tags new`: the allocation counts
/// are deterministic (64 → 2 per Join), so the comparison must call that change significant and Split's unchanged.
/// Skipped without Go; a failure when GOLAB_REQUIRE_GO=1.
/// </summary>
public sealed class BenchstatLiveTests
{
    [SkippableFact]
    public void LiveBenchmarks_OldAgainstNew_AllocationsDropSignificantly()
    {
        var go = LiveGo.Require();
        var dir = Path.Combine(Requirement.RepoRoot(), "data", "go", "benchpair");
        string[] bench = ["test", "-run", "^$", "-bench", ".", "-benchmem", "-count", "6", "-benchtime", "200x"];
        var old = LiveGoCommand.Run(go, dir, bench);
        var @new = LiveGoCommand.Run(go, dir, [.. bench, "-tags", "new"]);
        Assert.True(old.ExitCode == 0, old.Stderr);
        Assert.True(@new.ExitCode == 0, @new.Stderr);

        var report = BenchstatComparer.Compare(BenchfmtReader.Parse(old.Stdout, "old"), BenchfmtReader.Parse(@new.Stdout, "new"));
        var allocs = report.Tables.Single(t => t.Unit == "allocs/op");
        var join = allocs.Rows.Single(r => r.Name.StartsWith("Join", StringComparison.Ordinal));
        Assert.Equal((64.0, 2.0, 6), (join.Old!.Center, join.New!.Center, join.Old.N));
        // Six values each, entirely apart: the smallest p a U-test of 6 + 6 can give, 2/C(12, 6).
        Assert.Equal(2 / 924.0, join.Comparison!.P, 12);
        Assert.Equal("-96.88%", join.DeltaText);
        var split = allocs.Rows.Single(r => r.Name.StartsWith("Split", StringComparison.Ordinal));
        Assert.Equal("~", split.DeltaText);
    }
}
