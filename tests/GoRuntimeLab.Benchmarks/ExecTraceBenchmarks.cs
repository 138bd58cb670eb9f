using BenchmarkDotNet.Attributes;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Benchmarks;

/// <summary>
/// The execution-trace reader's speed and memory (issue 16 target: a 500 k-event trace in ≤ 1 s, bounded memory) on a
/// real trace: data/go/tracegen -scale 18 (about 550 000 events, 2.6 MB with Go 1.19), recorded in setup by the
/// installed Go into the temporary folder (kept there for the next run) — too big for the repository.
/// </summary>
[MemoryDiagnoser]
public class ExecTraceBenchmarks
{
    private const int Scale = 18;
    private string _trace = null!;

    /// <summary>Events in the trace (set in setup).</summary>
    public static long Events { get; private set; }

    /// <summary>The trace's size in bytes (set in setup).</summary>
    public static long Bytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var go = GoToolchain.Find() ?? throw new InvalidOperationException("ExecTraceBenchmarks records its 500 k-event trace with Go: no `go` on PATH");
        _trace = Path.Combine(Path.GetTempPath(), $"golab-bench-tracegen-{go.Version}-scale{Scale}.trace");
        if (!File.Exists(_trace))
        {
            var program = Path.Combine(RepoRoot(), "data", "go", "tracegen");
            var run = go.RunAsync(program, ["-o", _trace + ".tmp", "-scale", $"{Scale}", "-cpuprofile"]).GetAwaiter().GetResult();
            if (!run.Succeeded) throw new InvalidOperationException(run.ToString());
            File.Move(_trace + ".tmp", _trace, overwrite: true);
        }
        Events = ExecTrace.ReadStats(_trace).Events.Values.Sum();
        Bytes = new FileInfo(_trace).Length;
        if (Events < 500_000) throw new InvalidOperationException($"{_trace} holds {Events} events, fewer than the 500 000 the benchmark is for");
    }

    [Benchmark(Description = "trace stats: tracegen -scale 18 (~550 k events)")]
    public long ReadStats() => ExecTrace.ReadStats(_trace).Events.Count;

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "data", "go", "tracegen"))) return dir.FullName;
        throw new InvalidOperationException("repository root (with data/go/tracegen) not found above " + AppContext.BaseDirectory);
    }
}
