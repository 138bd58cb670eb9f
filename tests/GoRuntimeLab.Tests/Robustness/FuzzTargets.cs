using System.IO.Compression;
using System.Text;
using GoRuntimeLab.Benchstat;
using GoRuntimeLab.Cover;
using GoRuntimeLab.Defer;
using GoRuntimeLab.Escape;
using GoRuntimeLab.Gc.Trace;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.IO;
using GoRuntimeLab.Leaks;
using GoRuntimeLab.Metrics;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Race;
using GoRuntimeLab.Sched.Schedtrace;
using GoRuntimeLab.Sched.Workloads;
using GoRuntimeLab.Testing;
using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Robustness;

/// <summary>Every parser and loader of the kit, with the real recordings in data/ as fuzzing seeds.</summary>
internal static class FuzzTargets
{
    /// <summary>The sample workload, written once to a temporary file (there is no workload file in data/).</summary>
    private static readonly string WorkloadFile = WriteWorkload();

    private static string WriteWorkload()
    {
        var path = Path.Combine(Path.GetTempPath(), $"golab-fuzz-workload-{Environment.ProcessId}.json");
        File.WriteAllText(path, Workload);
        return path;
    }

    public static readonly string Recordings = Path.Combine(Requirement.RepoRoot(), "data", "recordings");

    public const string Workload = """
        {
          "name": "fuzz",
          "description": "every op once",
          "channels": { "jobs": 2, "done": 0 },
          "main": [
            { "op": "add", "wg": "wg", "delta": 2 },
            { "op": "go", "name": "worker", "body": [
                { "op": "range", "chan": "jobs", "tally": "got", "body": [ { "op": "compute", "d": "10us" }, { "op": "syscall", "d": "1ms", "blocking": true } ] },
                { "op": "lock", "mutex": "m" }, { "op": "count", "counter": "c", "amount": 2 }, { "op": "unlock", "mutex": "m" },
                { "op": "done", "wg": "wg" } ] },
            { "op": "go", "name": "poller", "body": [ { "op": "netwait", "d": "2ms" }, { "op": "tightloop", "d": 500 }, { "op": "gosched" }, { "op": "done", "wg": "wg" } ] },
            { "op": "select", "cases": [ { "recv": "jobs", "tally": "t" }, { "send": "done", "value": 1, "body": [ { "op": "print", "text": "sent" } ] } ], "default": [] },
            { "op": "repeat", "count": 3, "body": [ { "op": "send", "chan": "jobs", "value": 7 } ] },
            { "op": "close", "chan": "jobs" },
            { "op": "wait", "wg": "wg" },
            { "op": "recv", "chan": "nil" },
            { "op": "sleep", "d": 1000 },
            { "op": "return" }
          ]
        }
        """;

    public static readonly IReadOnlyDictionary<string, FuzzTarget> All = new Dictionary<string, FuzzTarget>
    {
        ["gctrace"] = new("gctrace", "log", Seeds("gc", "*.txt"),
            (s, n, l) => GcTraceParser.Parse(s, n, l), GcTraceParser.ParseFile,
            Ascii("gc 12 @3.456s 2%: 0.044+1.2+0.019 ms clock, 0.17+0.55/1.1/2.3+0.077 ms cpu, 4->4->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 4 P\n"),
            (r, _) => GC.KeepAlive(r.ToString())),
        ["schedtrace"] = new("schedtrace", "txt", Seeds("sched", "schedload-*.txt"),
            (s, n, l) => SchedtraceParser.Parse(s, n, l), SchedtraceParser.ParseFile,
            Ascii("SCHED 1004ms: gomaxprocs=4 idleprocs=0 threads=8 spinningthreads=0 needspinning=0 idlethreads=2 runqueue=3 [1 0 2 0]\n"),
            (r, _) => GC.KeepAlive(r.ToString())),
        ["escape"] = new("escape", "txt", Seeds("escape", "cases-*.txt"),
            (s, n, l) => EscapeParser.Parse(s, n, l), EscapeParser.ParseFile,
            Ascii("./cases.go:12:6: moved to heap: x\n"),
            (r, _) => GC.KeepAlive(((EscapeReport)r).ToString())),
        ["gobench"] = new("gobench", "log", Seeds("defer", "bench-*.log"),
            (s, n, l) => GoBenchOutput.Parse(s, n, l), GoBenchOutput.Read,
            Ascii("BenchmarkDeferLoop-4   \t 1000000\t      1043 ns/op\t     128 B/op\t       2 allocs/op\n"),
            (r, _) => GC.KeepAlive(((GoBenchOutput)r).Summaries())),
        ["defer-d"] = new("defer-d", "log", Seeds("defer", "d-defer-*.log"),
            (s, n, l) => DeferDebugOutput.Parse(s, n, l), DeferDebugOutput.Read,
            Ascii("./main.go:14:3: open-coded defer\n"),
            (_, _) => { }),
        ["recording"] = new("recording", "txt", [.. Seeds("sched", "preempt-*-run1.txt"), .. Seeds("metrics", "*go1.2[23]*.txt"), .. Seeds("welcome", "*.txt")],
            (s, n, l) => GoRecording.Parse(s, n, l), GoRecording.Read,
            Ascii("t=+0.051ms event=start g=1 role=w\n"),
            UseRecording)
        {
            MaxSeedBytes = 1 << 20, // the metricsdump JSON whole: cut, it is no longer JSON
            EndlessPrefix = Ascii("golab-recording: 1\nprogram: data/go/x\ncommand: go run .\nargs: []\ngo: go1.23.5 linux/amd64\nexit-code: 0\n==> stdout <==\n"),
        },
        ["pprof"] = new("pprof", "pb.gz", Seeds("pprof", "*.pb.gz"),
            (s, n, l) => PprofReader.Parse(s, n, l), PprofReader.Read,
            [0x0a, 0x04, 0x08, 0x01, 0x10, 0x02],
            UseProfile)
        {
            MoreSeeds = () => [.. Seeds("pprof", "*.pb.gz").Select(f => Gunzip(File.ReadAllBytes(f))), PprofWriter.ToBytes(DeepProfile(2000), gzip: false)],
        },
        ["benchfmt"] = new("benchfmt", "txt", [.. Seeds("benchstat", "old-*.txt"), .. Seeds("benchstat", "new-*.txt")],
            (s, n, l) => BenchfmtReader.Parse(s, n, l), p => BenchfmtReader.ReadFile(p),
            Ascii("BenchmarkJoin-2    \t   10000\t     66513 ns/op\t   34688 B/op\t      64 allocs/op\n"),
            UseBenchFile),
        ["leakhunt"] = new("leakhunt", "txt", Seeds("leak", "http-*.txt"),
            (s, n, l) => LeakSeries.Parse(s, n, l), LeakSeries.Read,
            Ascii("step=1 label=x t_ms=1 heap_objects_bytes=1 heap_objects=1 goroutines=1 allocs_bytes=1 gc_cycles=1\n"),
            (r, _) => GC.KeepAlive(((LeakSeries)r).Verdict().Checks))
        {
            EndlessPrefix = Ascii("golab-recording: 1\nprogram: data/go/leakhunt\ncommand: x\nargs: []\ngo: go1.19.8 linux/amd64\nexit-code: 0\n==> stdout <==\nleakhunt scenario=http mode=leaky go=go1.19.8\n"),
            MaxSeedBytes = 96 * 1024,
        },
        ["race"] = new("race", "txt", Seeds("race", "*.txt"),
            (s, n, l) => RaceReportParser.Parse(s, n, l), p => RaceReportParser.ReadFile(p),
            Ascii("Found 1 data race(s)\n"),
            (r, _) => GC.KeepAlive(string.Join("\n", ((RaceLog)r).Reports))),
        ["cover"] = new("cover", "out", Seeds("cover", "*.out"),
            (s, n, l) => CoverProfileParser.Parse(s, n, l), p => CoverProfileParser.ReadFile(p),
            Ascii("golab/coverdemo/grade.go:14.39,15.30 1 1\n"),
            (r, _) => GC.KeepAlive(((CoverProfile)r).Gate(85).ToString()))
        {
            EndlessPrefix = Ascii("mode: set\n"),
        },
        // Execution traces (binary): Go's small canned traces whole, the endless input one ProcStop event after another.
        ["exectrace"] = new("exectrace", "trace", [.. Seeds(Path.Combine("trace", "go-testdata"), "*_good").Where(f => new FileInfo(f).Length <= 10_000 && !f.Contains("_1_5_", StringComparison.Ordinal))],
            (s, n, l) => ExecTrace.ReadStats(s, n, l), p => ExecTrace.ReadStats(p),
            [0x06, 0x01],
            (r, _) => GC.KeepAlive(r.ToString()))
        {
            MaxSeedBytes = 1 << 20,
            // Header "go 1.19 trace", Batch [p 0, ticks 1], Frequency [1e9].
            EndlessPrefix = [.. Ascii("go 1.19 trace\0\0\0"), 0x41, 0x00, 0x01, 0x02, 0x80, 0x94, 0xeb, 0xdc, 0x03],
        },
        // The in-memory analysis of the same traces (order1007, postProcessTrace, GoroutineStats, the blocking profiles).
        ["exectrace-analysis"] = new("exectrace-analysis", "trace", [.. Seeds(Path.Combine("trace", "go-testdata"), "*_good").Where(f => new FileInfo(f).Length <= 10_000 && !f.Contains("_1_5_", StringComparison.Ordinal))],
            (s, n, l) => ExecTrace.Goroutines(s, n, l), p => ExecTrace.Goroutines(p),
            [0x06, 0x01],
            (r, _) => GC.KeepAlive(((IReadOnlyList<ExecTraceGoroutine>)r).Sum(g => g.ExecNs)))
        {
            MaxSeedBytes = 1 << 20,
            EndlessPrefix = [.. Ascii("go 1.19 trace\0\0\0"), 0x41, 0x00, 0x01, 0x02, 0x80, 0x94, 0xeb, 0xdc, 0x03],
        },
        ["workload"] = new("workload", "json", [WorkloadFile],
            (s, n, l) => WorkloadJson.Parse(s, n, l), p => WorkloadJson.ParseFile(p),
            Ascii("[[[[[[[[[["),
            (_, _) => { }),
    };

    /// <summary>A CPU profile with one stack <paramref name="depth"/> distinct frames deep (and a shallow one).</summary>
    public static PprofProfile DeepProfile(int depth) =>
        ProfileBuilder.Cpu().AddSamples([.. Enumerable.Range(0, depth).Select(i => $"main.f{i}")], 3).AddSamples(["main.leaf", "main.main"], 2).Build();

    public static byte[] Gunzip(byte[] data)
    {
        using var gz = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var o = new MemoryStream();
        gz.CopyTo(o);
        return o.ToArray();
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private static string[] Seeds(string folder, string pattern) =>
        [.. Directory.GetFiles(Path.Combine(Recordings, folder), pattern).Order(StringComparer.Ordinal)];

    // benchstat's comparison of a file with itself (and its text), so the statistics run on odd samples too.
    private static void UseBenchFile(object result, string name)
    {
        var file = (BenchFile)result;
        _ = BenchstatComparer.Compare(file, file).ToString();
    }

    // The readers built on a recording: whichever matches the program that made it.
    private static void UseRecording(object result, string name)
    {
        var r = (GoRecording)result;
        if (r.Program.Contains("metricsdump", StringComparison.Ordinal)) _ = MetricsDump.Parse(r.Stdout, name).ToString();
        else if (r.Program.Contains("preempt", StringComparison.Ordinal)) _ = PreemptRun.FromProgramOutput(r.Stdout, r.ExitCode, false, name, r.StdoutLine).ToString();
        else if (r.Program.Contains("welcome", StringComparison.Ordinal)) _ = WelcomeTrace.Parse(r.Stdout, name).ToString();
    }

    // What `pprof top`, `pprof flame` and `pprof convert` do with a profile.
    private static void UseProfile(object result, string name)
    {
        var p = (PprofProfile)result;
        if (p.SampleTypes.Count == 0) return;
        _ = p.Top().Rows.Count;
        var flame = p.FlameGraph();
        _ = flame.Flatten().Count();
        _ = flame.Render();
        _ = PprofReader.Parse(PprofWriter.ToBytes(p), name).Samples.Count;
    }
}
