using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Tests.Pprof;

/// <summary>Writing: a real profile re-encoded by the kit reads back to the same report; builder profiles follow Go's layout.</summary>
public class PprofWriterTests
{
    [Theory]
    [InlineData("cpu.pb.gz")]
    [InlineData("heap.pb.gz")]
    [InlineData("leak-after.pb.gz")]
    public void Round_trip_keeps_every_report(string file)
    {
        var original = PprofRecordingTests.Load(file);
        var again = PprofReader.Parse(PprofWriter.ToBytes(original), "again");
        var raw = PprofReader.Parse(PprofWriter.ToBytes(original, gzip: false), "raw");
        for (var i = 0; i < original.SampleTypes.Count; i++)
        {
            var si = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(original.Top(si).Text, again.Top(si).Text);
            Assert.Equal(original.Top(si).Text, raw.Top(si).Text);
        }
        Assert.Equal(original.Samples.Select(s => string.Join(",", s.Values) + string.Join(",", s.Stack)),
            again.Samples.Select(s => string.Join(",", s.Values) + string.Join(",", s.Stack)));
        Assert.Equal(original.Mappings, again.Mappings);
        Assert.Equal(original.TimeNanos, again.TimeNanos);
        Assert.Equal(original.DurationNanos, again.DurationNanos);
    }

    [Fact]
    public void Cpu_builder_writes_go_s_cpu_layout()
    {
        var p = ProfileBuilder.Cpu().Duration(TimeSpan.FromSeconds(1))
            .AddSamples(["main.work", "main.main", "runtime.main"], 60)
            .AddSamples(["runtime.mallocgc", "main.alloc", "main.main", "runtime.main"], 30)
            .AddCpu(["runtime.gcBgMarkWorker"], TimeSpan.FromMilliseconds(105)).Build();
        Assert.Equal(["samples/count", "cpu/nanoseconds"], p.SampleTypes.Select(t => t.ToString()));
        Assert.Equal(10_000_000, p.Period);
        var top = p.Top();
        Assert.Equal(["main.work", "runtime.mallocgc", "runtime.gcBgMarkWorker", "main.alloc", "main.main", "runtime.main"], top.Rows.Select(r => r.Function));
        Assert.Equal("Duration: 1s, Total samples = 1000ms (  100%)", top.Labels.Single(l => l.StartsWith("Duration", StringComparison.Ordinal)));
        Assert.Equal(900_000_000, top.Rows.Single(r => r.Function == "main.main").Cum);
        var flame = p.FlameGraph();
        Assert.Equal(p.Total(), flame.Value);
        Assert.All(flame.Flatten(), x => Assert.Equal(x.Node.Value, x.Node.Self + x.Node.Children.Sum(c => c.Value)));
        Assert.Throws<InvalidOperationException>(() => ProfileBuilder.Cpu().Allocate(["f"], 8));
        Assert.Throws<KitInputException>(() => ProfileBuilder.Cpu().AddSamples([], 1));
        Assert.Throws<KitInputException>(() => ProfileBuilder.Cpu(hz: 0));
    }

    [Fact]
    public void Heap_builder_with_rate_1_records_every_allocation()
    {
        var p = ProfileBuilder.Heap(memProfileRate: 1)
            .Allocate(["main.cache", "main.main"], 1024, count: 100)
            .Allocate(["main.scratch", "main.main"], 8192, count: 50, live: false).Build();
        var cache = p.Samples.Single(s => s.Stack[0] == "main.cache");
        Assert.Equal([100, 102400, 100, 102400], cache.Values);
        var scratch = p.Samples.Single(s => s.Stack[0] == "main.scratch");
        Assert.Equal([50, 409600, 0, 0], scratch.Values);
        Assert.Equal(1024, cache.Labels.Single().Num);
        Assert.Equal("main.cache", p.Top().Rows[0].Function);            // inuse_space: only the cache is live
        Assert.Equal("main.scratch", p.Top("alloc_space").Rows[0].Function);
    }

    [Fact]
    public void Heap_sampling_unsamples_to_the_true_totals_and_is_deterministic()
    {
        ProfileBuilder Stream(int seed) => ProfileBuilder.Heap(memProfileRate: 64 * 1024, seed: seed)
            .Allocate(["main.small", "main.main"], 64, count: 400_000)
            .Allocate(["main.big", "main.main"], 32 * 1024, count: 2_000, live: false);
        var p = Stream(3).Build();
        var small = p.Samples.Single(s => s.Stack[0] == "main.small").Values;
        var big = p.Samples.Single(s => s.Stack[0] == "main.big").Values;
        // scaleHeapSample makes the expectation unbiased: within a few % of 25.6 MB and 65.5 MB.
        Assert.InRange(small[1], 0.9 * 64 * 400_000, 1.1 * 64 * 400_000);
        Assert.InRange(big[1], 0.9 * 32 * 1024 * 2_000, 1.1 * 32 * 1024 * 2_000);
        Assert.Equal(0, big[3]);
        Assert.Equal(PprofWriter.ToBytes(Stream(3).Build()), PprofWriter.ToBytes(Stream(3).Build()));
        Assert.NotEqual(small, Stream(4).Build().Samples.Single(s => s.Stack[0] == "main.small").Values);
    }
}
