using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>`golab gctrace parse` as a process, on a real recording and on bad input.</summary>
public class GctraceCliTests
{
    private const string Recording = "data/recordings/gc/go1.19.8-gogc400.txt";

    private static string[] GcLines() =>
        File.ReadAllLines(Path.Combine(Requirement.RepoRoot(), Recording)).Where(l => l.StartsWith("gc ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Table_has_one_row_per_cycle_and_a_summary()
    {
        var r = Golab.Run(Requirement.RepoRoot(), "gctrace", "parse", Recording);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("gc ", lines[0], StringComparison.Ordinal);
        Assert.Contains("goal MB", lines[0], StringComparison.Ordinal);
        var gc = GcLines();
        Assert.Equal(gc.Length + 3, lines.Length); // header, one row per cycle, a blank line, the summary
        Assert.StartsWith($"gctrace {Recording}: {gc.Length} cycles (", lines[^1], StringComparison.Ordinal);
        Assert.Contains("forced", r.Stdout, StringComparison.Ordinal);
        // The first row shows the first cycle's numbers as Go printed them.
        var first = gc[0].Split(' ');
        Assert.StartsWith("1  " + first[2].Trim('@', 's'), lines[1].Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_one_document_with_every_cycle()
    {
        var r = Golab.Run(Requirement.RepoRoot(), "gctrace", "parse", Recording, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(Recording, root.GetProperty("file").GetString());
        var gc = GcLines();
        var cycles = root.GetProperty("cycles").EnumerateArray().ToList();
        Assert.Equal(gc.Length, cycles.Count);
        Assert.Equal(gc.Length, root.GetProperty("summary").GetProperty("cycles").GetInt32());
        var total = File.ReadAllLines(Path.Combine(Requirement.RepoRoot(), Recording)).Length;
        Assert.Equal(total - gc.Length, root.GetProperty("ignoredLines").GetInt32());
        var c = cycles[0];
        Assert.Equal(1, c.GetProperty("number").GetInt32());
        foreach (var name in (string[])["atSeconds", "cpuPercent", "clockStw1Ms", "clockConcurrentMs", "clockStw2Ms", "cpuStw1Ms", "cpuAssistMs",
                     "cpuBackgroundMs", "cpuIdleMs", "cpuStw2Ms", "heapStartMB", "heapEndMB", "liveMB", "goalMB", "stacksMB", "globalsMB", "procs", "forced", "sourceLine"])
            Assert.True(c.TryGetProperty(name, out _), $"cycle lacks {name}");
        // The heap triple of the last cycle is the one in the last gc line.
        var last = cycles[^1];
        Assert.Contains($", {last.GetProperty("heapStartMB").GetInt64()}->{last.GetProperty("heapEndMB").GetInt64()}->{last.GetProperty("liveMB").GetInt64()} MB, ", gc[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_gc_line_is_one_error_line_with_file_and_line_and_exit_2()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("bad.log"), "hello\n" + GcLines()[0] + "\ngc 2 @0.5s 3%: 0.1+oops\n");
        var r = Golab.Run(dir.Path, "gctrace", "parse", "bad.log");
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("golab: bad.log:3: column 20: expected the concurrent mark clock ms", line, StringComparison.Ordinal);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_missing_file_is_exit_2()
    {
        using var dir = new TempDir();
        var r = Golab.Run(dir.Path, "gctrace", "parse", "nope.log");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nope.log", r.Stderr, StringComparison.Ordinal);
    }
}
