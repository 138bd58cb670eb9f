using GoRuntimeLab.Charts.Gateway;
using GoRuntimeLab.Gateway;
using GoRuntimeLab.GoTool;
using Plotly.NET;

namespace GoRuntimeLab.Tests.Gateway;

/// <summary>data/go/gateway's output read back, bad input refused, the charts, and the live programs against their recordings.</summary>
public class GatewayRunTests
{
    private const string Sample = """
        gateway pool=true requests=2000 concurrency=8 items=64 GOMAXPROCS=2 go1.19.8
        elapsed-ns 1000000000
        requests-per-second 2000
        latency-p50-us 900.5
        latency-p90-us 1500
        latency-p99-us 2500
        latency-p999-us 4000
        latency-max-us 5000
        total-alloc-bytes 54000000
        mallocs 700000
        num-gc 20
        heap-alloc-after-bytes 3000000
        gc-pause-total-ns 1000000
        gogc 100
        """;

    [Fact]
    public void Parse_reads_every_line()
    {
        var r = GatewayRun.Parse(Sample, "sample");
        Assert.True(r.Pool);
        Assert.Equal(("pool", 2000, 8, 64, 2, "go1.19.8"), (r.Variant, r.Requests, r.Concurrency, r.Items, r.Procs, r.GoVersion));
        Assert.Equal(900.5, r.Latency("p50"));
        Assert.Equal(27000, r.AllocBytesPerRequest);
        Assert.Equal(10, r.GcPerThousandRequests);
        Assert.Equal(20, r.GcPerSecond);
        Assert.Equal(100, r.Gogc);
        Assert.Equal("name", Assert.Throws<KitInputException>(() => r.Latency("p75")).Parameter);
    }

    [Theory]
    [InlineData("num-gc 20", "num-gc x", "sample:11")]
    [InlineData("pool=true", "pool=yes", "sample:1")]
    [InlineData("latency-p99-us 2500\n", "", "no \"latency-p99-us\" line")]
    [InlineData("elapsed-ns 1000000000", "elapsed-ns 0", "elapsed-ns is 0")]
    [InlineData("gateway pool", "proxy pool", "not the output of data/go/gateway")]
    public void Parse_names_the_bad_line(string from, string to, string expected)
    {
        var e = Assert.Throws<KitInputException>(() => GatewayRun.Parse(Sample.Replace(from, to, StringComparison.Ordinal), "sample"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal("sample", e.FilePath);
    }

    [Fact]
    public void Load_refuses_unknown_variants_and_releases()
    {
        Assert.Equal("variant", Assert.Throws<KitInputException>(() => GatewayRecording.Load(GatewayPredictionTests.Dir, "pooled")).Parameter);
        Assert.Equal("goVersion", Assert.Throws<KitInputException>(() => GatewayRecording.Load(GatewayPredictionTests.Dir, "pool", "go1.21.13")).Parameter);
        var other = Path.Combine(GatewayPredictionTests.Dir, "readbody-go1.19.8.txt");
        Assert.Contains("not of data/go/gateway", Assert.Throws<KitInputException>(() => GatewayRecording.Read(other)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_recordings_have_no_profiles()
    {
        var r = GatewayRecording.Read(Path.Combine(GatewayPredictionTests.Dir, "gateway-short-pool-go1.19.8.txt"));
        Assert.Equal(2000, r.Run.Requests);
        Assert.Null(r.HeapProfilePath);
        Assert.Throws<KitInputException>(() => r.ReadHeapProfile());
    }

    [Fact]
    public void Charts_draw_the_prediction_and_the_percentiles()
    {
        var dir = GatewayPredictionTests.Dir;
        var without = GatewayRecording.Load(dir, "nopool", "go1.23.5");
        var with = GatewayRecording.Load(dir, "pool", "go1.23.5");
        var p = GcRatePredictor.Predict(without, with, PoolAllocationDiff.From(without.ReadHeapProfile(), with.ReadHeapProfile()));
        var html = GenericChart.toChartHTML(GatewayCharts.GcPrediction(p));
        Assert.Contains("有 pool：真实 real, pool", html, StringComparison.Ordinal);
        Assert.Contains(p.ActualCyclesWith.ToString(System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        html = GenericChart.toChartHTML(GatewayCharts.Latency([without.Run, with.Run]));
        Assert.Contains("nopool go1.23.5", html, StringComparison.Ordinal);
        Assert.Contains("p999", html, StringComparison.Ordinal);
    }

    [Fact]
    public void No_absolute_path_of_the_recording_machine_remains()
    {
        // The profiled runs ran a -trimpath binary from the neutral /srv/golab-gateway (a profile's first mapping).
        var forbidden = new[] { "/work/", "/tmp/", "/home/", "/root/", "/opt/", "/usr/", "/var/", Testing.Requirement.RepoRoot(), Path.GetTempPath() };
        foreach (var file in Directory.GetFiles(GatewayPredictionTests.Dir))
        {
            using var raw = File.OpenRead(file);
            using Stream stream = file.EndsWith(".gz", StringComparison.Ordinal) ? new System.IO.Compression.GZipStream(raw, System.IO.Compression.CompressionMode.Decompress) : raw;
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            // net uses cgo on Linux, so the profiles also map the system's libc and loader (Debian's multiarch folder):
            // public paths, not this machine's; removed before the check.
            var text = reader.ReadToEnd().Replace("/usr/lib/x86_64-linux-gnu/", "", StringComparison.Ordinal);
            foreach (var path in forbidden)
                Assert.False(text.Contains(path, StringComparison.Ordinal), $"{file} contains {path}");
        }
    }

    [Fact]
    public async Task Live_readbody_prints_what_was_recorded()
    {
        var go = LiveGo.Require();
        var recording = GoRecording.Read(Path.Combine(GatewayPredictionTests.Dir, "readbody-go1.19.8.txt"));
        var run = await go.RunAsync(Path.Combine(Testing.Requirement.RepoRoot(), "data", "go", "readbody"), []);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(recording.Stdout, run.Stdout);
        Assert.Contains("redis: can't marshal *http.body", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("http: invalid Read on closed Body", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_gateway_saves_allocation_with_the_pool()
    {
        var go = LiveGo.Require();
        var dir = Path.Combine(Testing.Requirement.RepoRoot(), "data", "go", "gateway");
        var options = new GoRunOptions { GoDebug = "gctrace=1" };
        var without = GatewayRecording.FromOutput(new ProgramOutput("live", (await go.RunAsync(dir, ["-n", "1000"], options)).Stdout, "", 0));
        var runWith = await go.RunAsync(dir, ["-pool", "-n", "1000"], options);
        var with = GatewayRecording.FromOutput(new ProgramOutput("live", runWith.Stdout, runWith.Stderr, runWith.ExitCode));
        Assert.False(without.Run.Pool);
        Assert.True(with.Run.Pool);
        Assert.True(with.GcTrace.Count > 0);
        // Each request allocates its buffer's growth without the pool (~8 KiB of ~35 KiB): at least 10 % less with it.
        Assert.True(with.Run.AllocBytesPerRequest < 0.9 * without.Run.AllocBytesPerRequest, $"{without.Run} / {with.Run}");
    }
}
