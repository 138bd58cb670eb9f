using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Chan;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Sched;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Chan;

/// <summary>data/go/chanbench's recordings (Go 1.19–1.23) and the same benchmarks on the simulator.</summary>
public class ChanBenchTests
{
    private static string Dir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "chan");

    private static readonly string[] Names =
    [
        "BufferedStream/cap=0", "BufferedStream/cap=1", "BufferedStream/cap=1024", "BufferedStream/cap=64", "BufferedStream/cap=8",
        "PingPong", "SelectNonblockEmpty", "SelectNonblockReady", "SelectOneReady", "UnbufferedHandoff",
    ];

    public static TheoryData<string> Versions() => ["go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5"];

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_recording_has_every_benchmark_and_no_channel_operation_allocates(string go)
    {
        var full = ChanBenchSeries.FromBench(BenchfmtReader.ReadFile(Path.Combine(Dir, $"chanbench-{go}.bench.txt")), go);
        var live = ChanBenchSeries.FromBench(BenchfmtReader.Parse(GoRecording.Read(Path.Combine(Dir, $"chanbench-{go}.txt")).Stdout, "live"), go);
        foreach (var s in new[] { full, live })
        {
            Assert.Equal(Names, s.NsPerOp.Keys);
            Assert.All(s.AllocsPerOp.Values, a => Assert.Equal(0, a));
            Assert.Equal(Names, s.AllocsPerOp.Keys);
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Measured_the_lock_free_empty_check_is_the_cheapest_and_a_deep_buffer_beats_a_handoff(string go)
    {
        // Large margins only (the recording machine was shared): 10 ns vs hundreds.
        var s = ChanBenchSeries.FromBench(BenchfmtReader.ReadFile(Path.Combine(Dir, $"chanbench-{go}.bench.txt")), go).NsPerOp;
        Assert.Equal("SelectNonblockEmpty", s.MinBy(kv => kv.Value).Key);
        Assert.True(s["BufferedStream/cap=1024"] * 2 < s["UnbufferedHandoff"], $"cap=1024 {s["BufferedStream/cap=1024"]} vs handoff {s["UnbufferedHandoff"]}");
    }

    [Fact]
    public void The_simulation_runs_every_benchmark_deterministically()
    {
        var cfg = SchedConfig.Default.WithProcs(2).WithSeed(1);
        var a = ChanBenchSimulation.Run(cfg, 200);
        var b = ChanBenchSimulation.Run(cfg, 200);
        Assert.Equal(Names, a.NsPerOp.Keys);
        Assert.Equal(a.NsPerOp, b.NsPerOp);
        Assert.All(a.NsPerOp.Values, v => Assert.True(v > 0));
        Assert.Contains("chan op 30 ns", a.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Ops_out_of_range_are_refused()
    {
        var e = Assert.Throws<KitInputException>(() => ChanBenchSimulation.Run(SchedConfig.Default, 5));
        Assert.Equal("ops", e.Parameter);
    }
}
