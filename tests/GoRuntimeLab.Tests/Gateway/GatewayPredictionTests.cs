using GoRuntimeLab.Gateway;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Tests.Pprof;

namespace GoRuntimeLab.Tests.Gateway;

/// <summary>
/// Case 5.1 against the real Go runs of data/go/gateway (data/recordings/gateway, Go 1.19.8 and 1.23.5): the heap
/// profiles read as go tool pprof printed them, the pool's saving against MemStats' exact counts, and the GC-rate
/// prediction against the run with the pool.
/// </summary>
public class GatewayPredictionTests
{
    internal static string Dir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "gateway");

    public static TheoryData<string> Releases => new() { "go1.19.8", "go1.23.5" };

    /// <summary>The tolerance for the prediction: within 10 % of the real run's GC cycles.</summary>
    private const double Tolerance = 0.10;

    [Theory]
    [MemberData(nameof(Releases))]
    public void Recordings_hold_the_stated_runs(string go)
    {
        foreach (var variant in new[] { "nopool", "pool" })
        {
            var r = GatewayRecording.Load(Dir, variant, go);
            Assert.Equal(variant == "pool", r.Run.Pool);
            Assert.Equal((20000, 8, 64, 2, 100, go), (r.Run.Requests, r.Run.Concurrency, r.Run.Items, r.Run.Procs, r.Run.Gogc, r.Run.GoVersion));
            var lat = r.Run.Latencies.Select(l => l.Microseconds).ToList();
            Assert.Equal(lat.Order(), lat);
            // gctrace covers the whole run; NumGC only the load phase: the difference is the warm-up's few cycles.
            Assert.InRange(r.GcTrace.Count - r.Run.NumGc, 0, 10);
            Assert.All(r.GcTrace.Lines, l => Assert.Equal(2, l.Procs));
            Assert.NotNull(r.CpuProfilePath);
            Assert.True(r.ReadCpuProfile().Total("cpu") > 0);
        }
    }

    [Theory]
    [InlineData("nopool", "go1.19.8")]
    [InlineData("pool", "go1.19.8")]
    [InlineData("nopool", "go1.23.5")]
    [InlineData("pool", "go1.23.5")]
    public void Heap_top_prints_what_go_tool_pprof_printed(string variant, string go)
    {
        var report = GatewayRecording.Load(Dir, variant, go).ReadHeapProfile().Top("alloc_space");
        Assert.Equal(File.ReadAllText(Path.Combine(Dir, $"gateway-{variant}-{go}.heap.top.txt")), report.Text);
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public void Diff_top_prints_what_go_tool_pprof_base_printed(string go)
    {
        var without = GatewayRecording.Load(Dir, "nopool", go).ReadHeapProfile();
        var with = GatewayRecording.Load(Dir, "pool", go).ReadHeapProfile();
        var report = PprofProfile.Diff(with, without).Top("alloc_space");
        Assert.Equal(File.ReadAllText(Path.Combine(Dir, $"gateway-diff-{go}.heap.top.txt")), report.Text);
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public void The_pool_removes_the_hot_spot_and_saves_what_MemStats_counted(string go)
    {
        var without = GatewayRecording.Load(Dir, "nopool", go);
        var with = GatewayRecording.Load(Dir, "pool", go);
        var diff = PoolAllocationDiff.From(without.ReadHeapProfile(), with.ReadHeapProfile());
        var goTop = GoTopText.Parse(File.ReadAllText(Path.Combine(Dir, $"gateway-nopool-{go}.heap.top.txt")));
        Assert.Equal(goTop[0].Function, diff.HotSpot);                 // pprof sorts by flat: its first row
        Assert.Equal("bytes.growSlice", diff.HotSpot);                 // bytes.Buffer.grow's new slice (bytes/buffer.go)
        Assert.True(diff.HotSpotBytesWith < diff.HotSpotBytesWithout / 100, $"{diff}");
        Assert.Equal("bytes.growSlice", diff.DiffTop[0].Function);
        // The profiles sample (MemProfileRate 64 KiB); MemStats counts every byte. Both say the same share.
        var exact = 1 - (double)with.Run.TotalAllocBytes / without.Run.TotalAllocBytes;
        Assert.InRange(diff.SavedFraction, exact - 0.03, exact + 0.03);
        // Not the course's 64 %: a quarter or so.
        Assert.InRange(exact, 0.15, 0.35);
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public void Prediction_from_the_run_without_the_pool_matches_the_run_with_it(string go)
    {
        var without = GatewayRecording.Load(Dir, "nopool", go);
        var with = GatewayRecording.Load(Dir, "pool", go);
        var p = GcRatePredictor.Predict(without, with, PoolAllocationDiff.From(without.ReadHeapProfile(), with.ReadHeapProfile()));
        Assert.Equal(4L << 20, GcRatePredictor.HeapGoal(0, 100));
        Assert.InRange(p.HeapGoalBytes, 4L << 20, 5L << 20);      // a live heap of 1-2 MiB: heapMinimum decides
        Assert.True(Math.Abs(p.Error) <= Tolerance, $"simulator: {p}");
        Assert.True(Math.Abs(p.RuleCyclesWith - p.ActualCyclesWith) <= Tolerance * p.ActualCyclesWith, $"rule: {p}");
        // The raw simulator (not anchored on the real run) is within 30 % of the real run without the pool.
        Assert.InRange(p.SimulatedCyclesWithout, 0.7 * p.ActualCyclesWithout, 1.3 * p.ActualCyclesWithout);
        Assert.True(p.PredictedGcDrop is > 0.15 and < 0.35, $"{p}");
        Assert.Equal(p, GcRatePredictor.Predict(without, with, PoolAllocationDiff.From(without.ReadHeapProfile(), with.ReadHeapProfile())));
    }

    [Fact]
    public void Heap_goal_follows_mgcpacer()
    {
        const long MiB = 1 << 20;
        // gcPercentHeapGoal = marked + (marked + stacks + globals)·GOGC/100, floor heapMinimum = 4 MiB·GOGC/100.
        Assert.Equal(21 * MiB, GcRatePredictor.HeapGoal(10 * MiB, 100, stackBytes: MiB));
        Assert.Equal(15 * MiB, GcRatePredictor.HeapGoal(10 * MiB, 50));
        Assert.Equal(4 * MiB, GcRatePredictor.HeapGoal(MiB, 100));
        Assert.Equal(2 * MiB, GcRatePredictor.HeapGoal(MiB / 2, 50));
        Assert.Equal(8 * MiB, GcRatePredictor.HeapGoal(MiB, 200));
        Assert.Equal("GOGC", Assert.Throws<KitInputException>(() => GcRatePredictor.HeapGoal(MiB, -1)).Parameter);
        Assert.Equal("liveBytes", Assert.Throws<KitInputException>(() => GcRatePredictor.HeapGoal(-1, 100)).Parameter);
    }

    [Fact]
    public void Predict_refuses_runs_that_do_not_pair()
    {
        var a = GatewayRecording.Load(Dir, "nopool", "go1.19.8");
        var b = GatewayRecording.Load(Dir, "pool", "go1.23.5");
        var diff = PoolAllocationDiff.From(a.ReadHeapProfile(), GatewayRecording.Load(Dir, "pool", "go1.19.8").ReadHeapProfile());
        Assert.Throws<KitInputException>(() => GcRatePredictor.Predict(a, b, diff));
        Assert.Throws<KitInputException>(() => GcRatePredictor.Predict(a, a, diff));
    }
}
