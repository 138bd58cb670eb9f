using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using GoRuntimeLab.Trace.Exec;
using GoRuntimeLab.Trace.Exec.V2;

namespace GoRuntimeLab.Benchmarks;

/// <summary>
/// Parse speed of the Go 1.22+ execution-trace reader (issue 16: streaming, bounded memory) over a large trace recorded
/// at setup by data/go/tracegen with Go 1.23 (<c>-scale</c> from GOLAB_TRACE_SCALE, default 40; Go from GOLAB_GO123,
/// default /opt/go-1.23/usr/lib/go-1.23), or the 200 KB recording in data/recordings/trace-v2 when that Go is absent.
/// The trace is held in memory so the benchmark measures parsing, not the disk; setup prints its size and event count,
/// from which events/s follows.
/// </summary>
[MemoryDiagnoser]
public class ExecTraceV2Benchmarks
{
    private byte[] _trace = [];

    /// <summary>Events (every line go tool trace -d=2 prints) in the benchmarked trace.</summary>
    public static long Events { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _trace = File.ReadAllBytes(RecordLargeTrace() ?? Path.Combine(RepoRoot(), "data", "recordings", "trace-v2", "tracegen-go1.23.trace"));
        Events = Read().Events.Values.Sum();
        // On a shared machine wall time overstates the cost; the process's CPU time over a few reads does not.
        const int reads = 8;
        for (var i = 0; i < reads; i++) Read(); // past tiered JIT's first tiers
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        for (var i = 0; i < reads; i++) Read();
        self.Refresh();
        var perRead = (self.TotalProcessorTime - cpu).TotalSeconds / reads;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// trace: {_trace.Length / 1e6:0.0} MB, {Events} events; CPU time per read {perRead * 1e3:0.0} ms = {Events / perRead / 1e6:0.00} M events/s, {_trace.Length / perRead / 1e6:0} MB/s"));
    }

    [Benchmark(Description = "trace v2: stats of a Go 1.23 trace")]
    public long ReadStats() => Read().Events.Count;

    /// <summary>The ordering state machine and summary.go over the same trace (what `golab trace goroutines` does).</summary>
    [Benchmark(Description = "trace v2: goroutine summaries of a Go 1.23 trace")]
    public int Goroutines()
    {
        using var s = new MemoryStream(_trace, writable: false);
        return ExecTrace.Goroutines(s, "bench.trace").Count;
    }

    private ExecTraceStats Read()
    {
        using var s = new MemoryStream(_trace, writable: false);
        return V2TraceReader.ReadStats(s, "bench.trace", ExecTraceHeader.Read(s, "bench.trace"));
    }

    private static string? RecordLargeTrace()
    {
        var goroot = Environment.GetEnvironmentVariable("GOLAB_GO123") ?? "/opt/go-1.23/usr/lib/go-1.23";
        var go = Path.Combine(goroot, "bin", "go");
        if (!File.Exists(go)) return null;
        var scale = Environment.GetEnvironmentVariable("GOLAB_TRACE_SCALE") ?? "40";
        var output = Path.Combine(Path.GetTempPath(), $"golab-bench-trace-scale{scale}.trace");
        if (File.Exists(output)) return output;
        var psi = new ProcessStartInfo(go, ["run", ".", "-o", output, "-cpuprofile", "-scale", scale])
        {
            WorkingDirectory = Path.Combine(RepoRoot(), "data", "go", "tracegen"),
        };
        psi.Environment["GOROOT"] = goroot;
        psi.Environment["GOTOOLCHAIN"] = "local";
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        return p.ExitCode == 0 ? output : null;
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (Directory.Exists(Path.Combine(d.FullName, "data", "go", "tracegen"))) return d.FullName;
        throw new DirectoryNotFoundException("repository root (with data/go/tracegen) not found above " + AppContext.BaseDirectory);
    }
}
