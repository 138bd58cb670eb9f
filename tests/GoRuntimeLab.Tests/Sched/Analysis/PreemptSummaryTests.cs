using GoRuntimeLab.Sched.Analysis;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Sched.Analysis;

public class PreemptSummaryTests
{
    private static string Dir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "sched");

    [Fact]
    public void Recorded_runs_give_the_ranges_the_chapter_quotes()
    {
        var rows = PreemptSummary.Of(PreemptSummary.ReadRuns(Dir));
        Assert.Equal(4, rows.Count);
        var on19 = rows.Single(r => r.GoVersionText == "go1.19.8" && !r.AsyncPreemptOff);
        var on23 = rows.Single(r => r.GoVersionText == "go1.23.5" && !r.AsyncPreemptOff);
        Assert.Equal((14.1, 37.1), (Math.Round(on19.MinMs!.Value, 1), Math.Round(on19.MaxMs!.Value, 1)));
        Assert.Equal((14.2, 24.0), (Math.Round(on23.MinMs!.Value, 1), Math.Round(on23.MaxMs!.Value, 1)));
        Assert.Equal(5, on19.Runs);
        Assert.Equal(0, on19.TimedOut);
        Assert.All(rows.Where(r => r.AsyncPreemptOff), r => Assert.Equal(r.Runs, r.TimedOut));
        Assert.Equal(14.1, Math.Round(PreemptSummary.FastestWithAsyncPreemption(rows)!.Value, 1));
        Assert.InRange(on23.MedianMs!.Value, on23.MinMs.Value, on23.MaxMs.Value);
    }

    [Fact]
    public void A_folder_without_recordings_is_refused()
    {
        var empty = Directory.CreateTempSubdirectory("golab-preempt-").FullName;
        try
        {
            var e = Assert.Throws<KitInputException>(() => PreemptSummary.ReadRuns(empty));
            Assert.Contains("no preempt-*.txt", e.Message, StringComparison.Ordinal);
            Assert.Throws<KitInputException>(() => PreemptSummary.ReadRuns(Path.Combine(empty, "missing")));
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }
}
