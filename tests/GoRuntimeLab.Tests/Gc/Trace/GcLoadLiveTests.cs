using GoRuntimeLab.Gc.Trace;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Gc.Trace;

/// <summary>Builds data/go/gcload with the real Go and parses its fresh gctrace. Skipped without Go, failed without
/// Go when GOLAB_REQUIRE_GO=1.</summary>
public class GcLoadLiveTests
{
    [SkippableFact]
    public async Task A_short_gcload_run_prints_gctrace_that_parses()
    {
        var go = GoToolchain.Find();
        Requirement.Tool(go is not null, "GOLAB_REQUIRE_GO", "Go is not installed (no `go` on PATH or in $GOROOT/bin)");
        var program = Path.Combine(Requirement.RepoRoot(), "data", "go", "gcload");
        // 8 MiB live, 128 MiB/s for 0.5 s: a GOGC=100 goal near 16–20 MiB gives roughly 7–10 cycles; wide margins below.
        var run = await go!.RunAsync(program, ["-live", "8MiB", "-rate", "128MiB", "-duration", "500ms", "-sample", "100ms"],
            new GoRunOptions { GoDebug = "gctrace=1", GoMaxProcs = 2, EnvironmentVariables = new Dictionary<string, string> { ["GOGC"] = "100" } });
        Assert.Equal(0, run.ExitCode);

        var log = GcTraceParser.Parse(run.Stderr, "live gcload stderr");
        Assert.Equal(run.Stderr.Split('\n').Count(l => GcTraceParser.IsGcLine(l)), log.Count);
        Assert.Equal(Enumerable.Range(1, log.Count), log.Lines.Select(l => l.Number));
        // The runtime.GC() between setup and churn. Go 1.19 may also label the heap-triggered cycle still running
        // at that moment "(forced)" (gcStart sets work.userForced early), so one or two, all before the churn.
        Assert.InRange(log.ForcedCount, 1, 2);
        Assert.All(log.Lines, l => Assert.Equal(2, l.Procs));
        Assert.All(log.Lines, l => Assert.NotNull(l.StacksMB)); // Go 1.18+ format

        var done = run.Stdout.Split('\n').Single(l => l.StartsWith("done ", StringComparison.Ordinal));
        var churn = int.Parse(done[(done.IndexOf("churnGC=", StringComparison.Ordinal) + 8)..], System.Globalization.CultureInfo.InvariantCulture);
        // How much the program managed to allocate depends on the CPU it got (a loaded machine gives it less), so the
        // floor follows what it reports: with 8 MiB live and GOGC=100 the heap cannot absorb 32 MiB of garbage without
        // a cycle, whatever the machine. About 64 MiB at full speed gives 7–10 cycles.
        var allocated = long.Parse(done.Split(' ').Single(f => f.StartsWith("allocated=", StringComparison.Ordinal))[10..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(churn, (int)(allocated / (32L << 20)), 40);
        var start = run.Stdout.Split('\n').Single(l => l.StartsWith("churn-start ", StringComparison.Ordinal));
        var churnStart = int.Parse(start[(start.IndexOf("numGC=", StringComparison.Ordinal) + 6)..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(log.Lines.Where(l => l.Forced), l => Assert.True(l.Number <= churnStart, l.ToString()));
        Assert.Equal(churn, log.Lines.Count(l => l.Number > churnStart));
        // Every fresh line prints back exactly from its parsed fields.
        foreach (var line in run.Stderr.Split('\n').Where(GcTraceParser.IsGcLine))
            Assert.Equal(line, GcTraceFormatter.Format(GcTraceCycle.FromLine(GcTraceParser.ParseLine(line))));
    }
}
