// Mirrors: nothing in Go; reads data/go/leakhunt's output (its metrics lines from runtime/metrics and its
// base64-encoded runtime/pprof profiles, Go 1.19-1.23) and does what a leak hunt does by hand: go tool pprof -base
// FIRST LAST (PprofProfile.Diff), the goroutine profile's stacks over time, and the metrics' trend per step.
using System.Globalization;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Pprof;

namespace GoRuntimeLab.Leaks;

/// <summary>
/// A series of snapshots of one run of data/go/leakhunt: runtime/metrics values, a heap profile and a goroutine
/// profile per step.
/// </summary>
/// <param name="Scenario">"buffers" or "http".</param>
/// <param name="Mode">"leaky", "reset" (only buffer.Reset()) or "fixed".</param>
/// <param name="GoVersion">The Go that ran it ("go1.19.8").</param>
/// <param name="Snapshots">The snapshots in step order (at least one).</param>
public sealed record LeakSeries(string Scenario, string Mode, string GoVersion, IReadOnlyList<LeakSnapshot> Snapshots)
{
    /// <summary>Where the series came from ("recorded go1.19.8 (data/recordings/leak/…)", "live go1.19.8 linux/amd64", a file).</summary>
    public string Source { get; init; } = "";

    /// <summary>The program's header line as key/value pairs (steps, sessions, memprofilerate, gomaxprocs…).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>"buffers/leaky (go1.19.8)".</summary>
    public string Name => $"{Scenario}/{Mode} ({GoVersion})";

    /// <summary>The first and the last snapshot's steps.</summary>
    public int FirstStep => Snapshots[0].Step;

    /// <inheritdoc cref="FirstStep"/>
    public int LastStep => Snapshots[^1].Step;

    /// <summary>Reads a recording of data/go/leakhunt (the kit's golab-recording format).</summary>
    /// <exception cref="KitInputException">Not a recording of data/go/leakhunt, or its output is malformed (file and line).</exception>
    public static LeakSeries Read(string recordingPath)
    {
        var recording = GoRecording.Read(recordingPath);
        if (!recording.Program.Replace('\\', '/').TrimEnd('/').EndsWith("/leakhunt", StringComparison.Ordinal))
            throw KitInputException.For($"this recording is of {recording.Program}, not of data/go/leakhunt", parameter: "recordingPath", file: recordingPath);
        return Parse(recording.Stdout, recordingPath, Math.Max(1, recording.StdoutLine)) with
        {
            Source = $"recorded {recording.GoVersionText} ({GoProgram.DisplayPath(recordingPath)})",
        };
    }

    /// <summary>Parses a recording of data/go/leakhunt from a stream (the kit's golab-recording format, within <paramref name="limits"/>).</summary>
    /// <exception cref="KitInputException">Not a recording, or its output is malformed (source and line).</exception>
    public static LeakSeries Parse(Stream stream, string sourceName, GoRuntimeLab.IO.KitReadLimits? limits = null)
    {
        var recording = GoRecording.Parse(stream, sourceName, limits);
        return Parse(recording.Stdout, sourceName, Math.Max(1, recording.StdoutLine));
    }

    /// <summary>A live run's or a replay's output (<see cref="GoProgram.RunOrReplayAsync(string, IReadOnlyList{string}, string, GoRunOptions?, CancellationToken)"/>).</summary>
    /// <exception cref="KitInputException">The program failed or printed something else.</exception>
    public static LeakSeries FromOutput(ProgramOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.ExitCode != 0)
            throw KitInputException.For($"leakhunt exited with {output.ExitCode}: {output.Stderr.Trim()}", parameter: "output", file: output.Source);
        return Parse(output.Stdout, output.Source) with { Source = output.Source };
    }

    /// <summary>Runs data/go/leakhunt with the local Go, or replays <paramref name="recordingPath"/> without Go.</summary>
    public static async Task<LeakSeries> RunOrReplayAsync(string programDir, IReadOnlyList<string> args, string recordingPath, CancellationToken cancellationToken = default)
    {
        var output = await GoProgram.RunOrReplayAsync(programDir, args, recordingPath, cancellationToken: cancellationToken).ConfigureAwait(false);
        return FromOutput(output);
    }

    /// <summary>
    /// Parses leakhunt's stdout: a header "leakhunt k=v…", then per step a line "step=N label=… t_ms=… heap_objects_bytes=…
    /// heap_objects=… goroutines=… allocs_bytes=… gc_cycles=…" and two lines "profile step=N kind=heap|goroutine data=BASE64".
    /// </summary>
    /// <param name="stdout">The program's output.</param>
    /// <param name="sourceName">Names the source in errors.</param>
    /// <param name="firstLine">The 1-based line number of stdout's first line in that source.</param>
    /// <exception cref="KitInputException">A line is malformed, a profile is not valid, or a step lacks a profile; names the source and line.</exception>
    public static LeakSeries Parse(string stdout, string sourceName, int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(sourceName);
        Dictionary<string, string>? header = null;
        var metrics = new List<(Dictionary<string, string> F, int Line)>();
        var heaps = new Dictionary<int, PprofProfile>();
        var goroutines = new Dictionary<int, PprofProfile>();
        var lines = stdout.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = firstLine + i;
            if (line.Length == 0) continue;
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            KitInputException Bad(string what) => KitInputException.For(what, parameter: "stdout", file: sourceName, line: number);
            Dictionary<string, string> Fields(IEnumerable<string> parts)
            {
                var d = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var p in parts)
                {
                    var eq = p.IndexOf('=', StringComparison.Ordinal);
                    if (eq <= 0) throw Bad($"expected key=value, not \"{Cut(p)}\"");
                    if (!d.TryAdd(p[..eq], p[(eq + 1)..])) throw Bad($"\"{Cut(p[..eq])}\" appears twice");
                }
                return d;
            }
            if (words[0] == "leakhunt")
            {
                if (header is not null) throw Bad("a second leakhunt header");
                header = Fields(words.Skip(1));
                foreach (var key in new[] { "scenario", "mode", "go" })
                    if (!header.ContainsKey(key)) throw Bad($"the header lacks {key}=");
            }
            else if (header is null)
                throw Bad($"expected the header line \"leakhunt scenario=…\", not \"{Cut(line)}\"");
            else if (words[0] == "profile")
            {
                var f = Fields(words.Skip(1));
                var step = Int(f, "step", Bad);
                if (!f.TryGetValue("data", out var data)) throw Bad("a profile line needs data=");
                byte[] bytes;
                try { bytes = Convert.FromBase64String(data); }
                catch (FormatException) { throw Bad("data= is not base64"); }
                PprofProfile profile;
                try { profile = PprofReader.Parse(bytes, $"{sourceName}:{number}"); }
                catch (KitInputException e) { throw Bad($"not a pprof profile: {e.Reason}"); }
                var into = f.GetValueOrDefault("kind") switch
                {
                    "heap" => heaps,
                    "goroutine" => goroutines,
                    var k => throw Bad($"kind must be heap or goroutine, not \"{Cut(k ?? "")}\""),
                };
                if (!into.TryAdd(step, profile)) throw Bad($"a second {f["kind"]} profile for step {step}");
            }
            else if (words[0].StartsWith("step=", StringComparison.Ordinal))
                metrics.Add((Fields(words), number));
            else
                throw Bad($"unexpected line \"{Cut(line)}\"");
        }
        if (header is null) throw KitInputException.For("no leakhunt header line: not leakhunt's output", parameter: "stdout", file: sourceName);
        if (metrics.Count == 0) throw KitInputException.For("no step lines", parameter: "stdout", file: sourceName);
        var snapshots = new List<LeakSnapshot>();
        foreach (var (f, number) in metrics)
        {
            KitInputException Bad(string what) => KitInputException.For(what, parameter: "stdout", file: sourceName, line: number);
            var step = Int(f, "step", Bad);
            if (snapshots.Count > 0 && step <= snapshots[^1].Step) throw Bad($"step {step} after step {snapshots[^1].Step}");
            var (ms, bytes, objects, count, allocs, cycles) = (Long(f, "t_ms", Bad), Long(f, "heap_objects_bytes", Bad), Long(f, "heap_objects", Bad),
                Long(f, "goroutines", Bad), Long(f, "allocs_bytes", Bad), Long(f, "gc_cycles", Bad));
            if (!heaps.TryGetValue(step, out var heap)) throw Bad($"no heap profile for step {step}");
            if (!goroutines.TryGetValue(step, out var gs)) throw Bad($"no goroutine profile for step {step}");
            snapshots.Add(new LeakSnapshot(step, f.GetValueOrDefault("label", ""), ms, bytes, objects, count, allocs, cycles, heap, gs));
        }
        return new LeakSeries(header["scenario"], header["mode"], header["go"], snapshots) { Source = sourceName, Settings = header };
    }

    /// <summary>The snapshot of <paramref name="step"/>.</summary>
    /// <exception cref="KitInputException">No such step.</exception>
    public LeakSnapshot Snapshot(int step) => Snapshots.FirstOrDefault(s => s.Step == step)
        ?? throw KitInputException.For($"no step {step}; the series has steps {FirstStep}..{LastStep}", parameter: "step");

    /// <summary>The least-squares trend of <paramref name="metric"/> over every snapshot (see <see cref="LeakTrend"/>).</summary>
    public LeakTrend Trend(LeakMetric metric) =>
        LeakTrend.Fit(metric, Snapshots.Select(s => s.Step).ToList(), Snapshots.Select(s => s.Value(metric)).ToList());

    /// <summary>
    /// The heap profile of <paramref name="toStep"/> with <paramref name="fromStep"/>'s subtracted (go tool pprof -base),
    /// default first and last snapshots.
    /// </summary>
    public PprofProfile HeapDiff(int? fromStep = null, int? toStep = null) =>
        PprofProfile.Diff(Snapshot(fromStep ?? FirstStep).Heap, Snapshot(toStep ?? LastStep).Heap);

    /// <summary>go tool pprof -top -sample_index=<paramref name="sampleIndex"/> -base FROM TO (first and last by default).</summary>
    public PprofTopReport HeapDiffTop(int? fromStep = null, int? toStep = null, string sampleIndex = "inuse_space", int nodeCount = 10) =>
        HeapDiff(fromStep, toStep).Top(TopOptions.Default.WithSampleIndex(sampleIndex).WithNodeCount(nodeCount));

    /// <summary>
    /// In-use heap growth from <paramref name="fromStep"/> to <paramref name="toStep"/> (first and last by default), each
    /// sample charged to the innermost frame of the program's own code on its stack (the line a programmer would
    /// change: main.(*telemetryStore).appendFrame rather than bytes.growSlice), or to its leaf function when the whole
    /// stack is standard library. Largest growth first.
    /// </summary>
    public IReadOnlyList<LeakFunctionGrowth> UserGrowth(int? fromStep = null, int? toStep = null)
    {
        var diff = HeapDiff(fromStep, toStep);
        var space = diff.SampleIndex("inuse_space");
        var objects = diff.SampleIndex("inuse_objects");
        var sums = new Dictionary<string, (long Bytes, long Objects)>(StringComparer.Ordinal);
        foreach (var sample in diff.Samples)
        {
            var stack = sample.Stack;
            if (stack.Count == 0) continue;
            var who = stack.FirstOrDefault(f => !GoFunctionName.IsStandardLibrary(f)) ?? stack[0];
            var (b, o) = sums.GetValueOrDefault(who);
            sums[who] = (b + sample.Values[space], o + sample.Values[objects]);
        }
        var total = sums.Values.Sum(v => v.Bytes);
        return sums.Select(kv => new LeakFunctionGrowth(kv.Key, kv.Value.Bytes, kv.Value.Objects, total == 0 ? 0 : (double)kv.Value.Bytes / total,
                GoFunctionName.IsStandardLibrary(kv.Key)))
            .OrderByDescending(g => g.Bytes).ThenBy(g => g.Function, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Goroutines per kind of stack at every step (start function, what it is parked in, where in the program), the
    /// largest growth first, then the largest last count.
    /// </summary>
    public IReadOnlyList<GoroutineStackCount> GoroutineStacks()
    {
        var keys = new List<(string, string, string)>();
        var counts = new Dictionary<(string, string, string), long[]>();
        for (var i = 0; i < Snapshots.Count; i++)
            foreach (var sample in Snapshots[i].GoroutineProfile.Samples)
            {
                var stack = sample.Stack;
                if (stack.Count == 0) continue;
                var start = stack[^1];
                var waits = stack.Count > 1 && stack[0] == "runtime.gopark" ? stack[1] : stack[0];
                var at = stack.FirstOrDefault(f => !GoFunctionName.IsRuntime(f) && !f.StartsWith("internal/", StringComparison.Ordinal)) ?? stack[0];
                var key = (start, waits, at);
                if (!counts.TryGetValue(key, out var row))
                {
                    counts[key] = row = new long[Snapshots.Count];
                    keys.Add(key);
                }
                row[i] += sample.Values.Count == 0 ? 0 : sample.Values[0];
            }
        return keys.Select(k => new GoroutineStackCount(k.Item1, k.Item2, k.Item3, counts[k]))
            .OrderByDescending(g => g.Growth).ThenByDescending(g => g.Counts[^1]).ThenBy(g => g.BlockedAt, StringComparer.Ordinal).ToList();
    }

    /// <summary>The verdict: heap and goroutine trends against <paramref name="criteria"/> (default <see cref="LeakCriteria.Default"/>), and where they grow.</summary>
    public LeakVerdict Verdict(LeakCriteria? criteria = null)
    {
        var topFunction = UserGrowth().FirstOrDefault(g => !g.IsStandardLibrary && g.Bytes > 0);
        var topStack = GoroutineStacks().FirstOrDefault(g => g.Growth > 0);
        return new LeakVerdict(Name, Trend(LeakMetric.HeapObjectsBytes), Trend(LeakMetric.Goroutines), criteria ?? LeakCriteria.Default, topFunction, topStack);
    }

    public override string ToString() =>
        $"leakhunt {Name}: {Snapshots.Count} snapshots, live heap {Snapshots[0].HeapObjectsBytes} → {Snapshots[^1].HeapObjectsBytes} B, goroutines {Snapshots[0].Goroutines} → {Snapshots[^1].Goroutines} ({Source})";

    private static long Long(Dictionary<string, string> f, string key, Func<string, KitInputException> bad) =>
        !f.TryGetValue(key, out var text) ? throw bad($"missing {key}=")
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
        : throw bad($"{key}= must be a whole number ≥ 0, not \"{Cut(text)}\"");

    private static int Int(Dictionary<string, string> f, string key, Func<string, KitInputException> bad)
    {
        var v = Long(f, key, bad);
        return v <= 1_000_000 ? (int)v : throw bad($"{key}= is too large: {v}");
    }

    private static string Cut(string s) => GoRuntimeLab.IO.KitText.Excerpt(s, 40);
}
