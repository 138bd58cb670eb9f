using System.Text.Json;
using GoRuntimeLab.Gc.Trace;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Gc.Trace;

public class GcTraceParserTests
{
    private const string Go119 =
        "gc 61 @0.045s 8%: 0.004+0.099+0.001 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P";

    private const string Forced =
        "gc 63 @0.046s 9%: 0.098+0.14+0.037 ms clock, 0.19+0/0.038/0+0.074 ms cpu, 0->0->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced)";

    // The Go 1.17 format (runtime/extern.go of 1.17: "#->#-># MB, # MB goal, # P"), as printed before the 1.18 pacer.
    private const string Go117 =
        "gc 1 @0.019s 0%: 0.015+0.47+0.002 ms clock, 0.062+0.13/0.35/0.41+0.011 ms cpu, 4->4->0 MB, 5 MB goal, 4 P";

    [Fact]
    public void Parses_every_field()
    {
        var l = GcTraceParser.ParseLine(Go119, "x.log", 3);
        Assert.Equal(61, l.Number);
        Assert.Equal(0.045, l.AtSeconds);
        Assert.Equal(8, l.CpuPercent);
        Assert.Equal((0.004, 0.099, 0.001), (l.ClockStw1Ms, l.ClockConcurrentMs, l.ClockStw2Ms));
        Assert.Equal((0.009, 0.048, 0.007, 0.0, 0.002), (l.CpuStw1Ms, l.CpuAssistMs, l.CpuBackgroundMs, l.CpuIdleMs, l.CpuStw2Ms));
        Assert.Equal((3L, 3L, 0L, 4L), (l.HeapStartMB, l.HeapEndMB, l.LiveMB, l.GoalMB));
        Assert.Equal(0L, l.StacksMB);
        Assert.Equal(0L, l.GlobalsMB);
        Assert.Equal(2, l.Procs);
        Assert.False(l.Forced);
        Assert.Equal(3, l.SourceLine);
        Assert.Equal(0.005, l.PauseMs, 12);
        Assert.Equal("gc 61 @0.045s: pause 0.005 ms, mark 0.099 ms, heap 3->3->0 MB (goal 4 MB)", l.ToString());
        Assert.True(GcTraceParser.ParseLine(Forced).Forced);
    }

    [Fact]
    public void Accepts_go117_lines_without_stacks_and_globals()
    {
        var l = GcTraceParser.ParseLine(Go117);
        Assert.Null(l.StacksMB);
        Assert.Null(l.GlobalsMB);
        Assert.Equal(4, l.Procs);
        Assert.Equal(5, l.GoalMB);
        Assert.True(GcTraceParser.ParseLine(Go117 + " (forced)").Forced);
    }

    [Fact]
    public void Skips_and_counts_other_lines_and_keeps_line_numbers()
    {
        var text = string.Join("\r\n", "program output", "", Go119, "gc", "gcfoo 1", "gc x 1", "pacer: assist ratio=+7.8e-01", Forced, "scvg: 0 MB released") + "\r\n";
        var log = GcTraceParser.Parse(text, "mixed.log");
        Assert.Equal(2, log.Count);
        Assert.Equal(7, log.IgnoredLines);
        Assert.Equal([3, 8], log.Lines.Select(l => l.SourceLine));
        Assert.Equal(1, log.ForcedCount);
        Assert.Equal("mixed.log", log.SourceName);
        Assert.Equal(
            "gctrace mixed.log: 2 cycles (1 forced) from @0.045s to @0.046s, pauses 0.14 ms total (max 0.135 ms), live 0 MB, goal up to 4 MB, GC CPU 9%; 7 other lines ignored",
            log.ToString());
        Assert.Equal("gctrace empty: no gc lines (1 other lines ignored)", GcTraceParser.Parse("hello\n", "empty").ToString());
    }

    [Theory]
    [InlineData("gc 1 @0.045 8%: 0.004+0.099+0.001 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P", 12, "expected \"s \" after the start time, found \" 8%: 0.004+0…\"")]
    [InlineData("gc 1 @0.045s 8%: 0.004+0.099 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P", 29, "expected \"+\" after the mark clock time")]
    [InlineData("gc 1 @0.045s 8%: 0.004+0.099+0.001 ms clock, 0.009+0.048+0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P", 57, "expected \"/\" after the assist cpu time")]
    [InlineData("gc 1 @0.045s 8%: 0.004+0.099+0.001 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P (forced) ", 142, "expected the end of the line after \" (forced)\", found \" \"")]
    [InlineData("gc 1 @0.045s 8%: 0.004+0.099+0.001 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 Ps", 133, "expected the end of the line or \" (forced)\" after \" P\"")]
    [InlineData("gc 1 @0.045s 8%: 0.004+0.099+0.001 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 2 P", 117, "expected \" MB globals, \" after the globals size")]
    [InlineData("gc 1 @0.045s 8%: 0.004+0.099+0.001 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 2 GB", 104, "expected \" MB stacks, \" (Go 1.18+) or \" P\" after the number")]
    [InlineData("gc 1 @0.045s 8%: 0.004+0.099+0.001 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P\u0000", 133, "expected the end of the line")]
    [InlineData("gc 1 @0.045s 8%: 0.004+0.+0.001 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 3->3->0 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P", 26, "expected digits after the decimal point of the concurrent mark clock ms")]
    [InlineData("gc 99999999999 @0.045s 8%: 0.004+0.099+0.001 ms clock", 15, "expected the cycle number after \"gc \" (at most 2147483647)")]
    [InlineData("gc 1 @0.045s 8%: 0.004+0.099+0.001 ms clock, 0.009+0.048/0.007/0+0.002 ms cpu, 99999999999999999999->3->0 MB", 80, "expected the heap size at the start (MB) (a number that fits in 64 bits)")]
    [InlineData("gc 1", 5, "expected \" @\" after the cycle number, found the end of the line")]
    public void Malformed_gc_lines_name_file_line_column_and_what_was_expected(string bad, int column, string expected)
    {
        var text = $"header\n{Go119}\n{bad}\n{Forced}\n";
        var e = Assert.Throws<GcTraceFormatException>(() => GcTraceParser.Parse(text, "app.log"));
        Assert.Equal("app.log", e.FilePath);
        Assert.Equal(3, e.Line);
        Assert.Equal(column, e.Column);
        Assert.StartsWith($"app.log:3: column {column}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("a gctrace line is \"gc N @S.SSSs P%:", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<KitInputException>(e);
    }

    [Fact]
    public void A_missing_file_names_the_file()
    {
        var e = Assert.Throws<KitInputException>(() => GcTraceParser.ParseFile("no/such/gctrace.log"));
        Assert.Equal("no/such/gctrace.log", e.FilePath);
    }

    [Fact]
    public void Every_gc_line_of_every_recording_parses()
    {
        var total = 0;
        foreach (var file in GcRecordings.Files())
        {
            var plain = File.ReadAllLines(file).Count(l => GcRecordings.GcLineText().IsMatch(l));
            var log = GcTraceParser.ParseFile(file);
            Assert.Equal(plain, log.Count);
            Assert.Equal(File.ReadAllLines(file).Length, log.Count + log.IgnoredLines);
            // The runtime numbers cycles from 1 without gaps, and a recording holds all of them.
            Assert.Equal(Enumerable.Range(1, log.Count), log.Lines.Select(l => l.Number));
            Assert.All(log.Lines, l => Assert.Equal(2, l.Procs));
            Assert.All(log.Lines, l => Assert.True(l.LiveMB <= l.HeapEndMB, l.ToString()));
            Assert.True(log.Lines.Zip(log.Lines.Skip(1)).All(p => p.First.AtSeconds <= p.Second.AtSeconds), file);
            // Parsing only the stderr section gives the same cycles.
            var recording = GoRecording.Read(file);
            Assert.Equal(log.Lines.Select(l => l with { SourceLine = 0 }), GcTraceParser.Parse(recording.Stderr).Lines.Select(l => l with { SourceLine = 0 }));
            total += log.Count;
        }
        Assert.Equal(GcRecordings.AllGcLines().Count, total);
    }

    [Fact]
    public void The_manifest_lists_every_recording_with_its_workload_and_measured_cycles()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(GcRecordings.Folder, "manifest.json")));
        var entries = doc.RootElement.GetProperty("recordings").EnumerateArray().ToList();
        Assert.Equal(GcRecordings.Files().Select(Path.GetFileName), entries.Select(e => e.GetProperty("file").GetString()));
        foreach (var entry in entries)
        {
            var file = Path.Combine(GcRecordings.Folder, entry.GetProperty("file").GetString()!);
            var recording = GoRecording.Read(file);
            var log = GcTraceParser.Parse(recording.Stderr, file);
            var measured = entry.GetProperty("measured");
            Assert.Equal(log.Count, measured.GetProperty("gcLines").GetInt32());
            Assert.Equal(log.ForcedCount, measured.GetProperty("forcedGC").GetInt32());
            // churnGC = NumGC at the end − NumGC when the churn began, and it matches the gc lines after that point.
            var churnStart = int.Parse(Field(recording.Stdout, "churn-start", "numGC"), System.Globalization.CultureInfo.InvariantCulture);
            var churn = measured.GetProperty("churnGC").GetInt32();
            Assert.Equal(Field(recording.Stdout, "done", "churnGC"), churn.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(churn, log.Lines.Count(l => l.Number > churnStart));
            Assert.True(churn >= 10, $"{file}: only {churn} churn cycles");
            Assert.Equal(recording.GoVersionText, "go" + entry.GetProperty("goVersion").GetString());
            Assert.True(GoVersion.Parse(entry.GetProperty("goVersion").GetString()!) >= GoVersion.Go1_19);
            Assert.True(entry.GetProperty("duration").GetDouble() > 0);
            Assert.Equal(1024, entry.GetProperty("objectSize").GetInt32());
            Assert.True(entry.GetProperty("pointers").GetBoolean());
            var limit = entry.GetProperty("memlimit");
            Assert.Equal(recording.Notes.Single(n => n.Key == "environment").Value.Contains("GOMEMLIMIT=", StringComparison.Ordinal), limit.ValueKind == JsonValueKind.Number);
            Assert.Equal(Field(recording.Stdout, "params", "live"), entry.GetProperty("live").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Field(recording.Stdout, "params", "rate"), entry.GetProperty("allocRate").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2, entry.GetProperty("procs").GetInt32());
            var gogc = entry.GetProperty("gogc").GetInt32();
            Assert.Equal(gogc < 0 ? "\"off\"" : $"\"{gogc}\"", Field(recording.Stdout, "params", "gogc"));
            Assert.Contains(GcTraceParser.Parse(recording.Stderr).Lines, l => l.Forced);
        }
    }

    [Fact]
    public void No_absolute_path_of_the_recording_machine_remains()
    {
        var forbidden = new[] { "/work/", "/tmp/", "/home/", "/root/", "/opt/", "/usr/", "/var/", Requirement.RepoRoot(), Path.GetTempPath() };
        var gcload = Path.Combine(Requirement.RepoRoot(), "data", "go", "gcload");
        foreach (var file in GcRecordings.Files().Append(Path.Combine(GcRecordings.Folder, "manifest.json")).Concat(Directory.GetFiles(gcload)))
        {
            var text = File.ReadAllText(file);
            foreach (var path in forbidden)
                Assert.False(text.Contains(path, StringComparison.Ordinal), $"{file} contains {path}");
        }
    }

    private static string Field(string stdout, string evt, string key)
    {
        var line = stdout.Split('\n').Single(l => l.StartsWith(evt + " ", StringComparison.Ordinal));
        return line.Split(' ').Single(kv => kv.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..];
    }
}
