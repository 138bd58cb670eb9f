using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>`golab schedtrace parse` as a user runs it on the recordings: JSON shape, the table, and exit 2 for bad input.</summary>
public class SchedtraceCliTests
{
    private static Golab.Result Golab_(params string[] args) => Golab.Run(Requirement.RepoRoot(), args);

    private static string Recording(string name) => Path.Combine("data", "recordings", "sched", name);

    [Fact]
    public void Json_of_a_detailed_go_1_19_recording_has_every_sample_with_ps_ms_gs()
    {
        var file = Recording("schedload-go1.19.8-p2-detail.txt");
        var r = Golab_("schedtrace", "parse", file, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var samples = doc.RootElement.GetProperty("samples").EnumerateArray().ToList();
        var lines = File.ReadAllLines(Path.Combine(Requirement.RepoRoot(), file));
        Assert.Equal(lines.Count(l => l.StartsWith("SCHED ", StringComparison.Ordinal)), samples.Count);
        var first = samples[0];
        Assert.Equal(
            ["line", "timeMs", "gomaxprocs", "idleprocs", "threads", "spinningthreads", "needspinning", "idlethreads", "runqueue", "localRunqueues",
             "gcwaiting", "nmidlelocked", "stopwait", "sysmonwait", "ps", "ms", "gs"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, first.GetProperty("timeMs").GetInt64());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("needspinning").ValueKind); // Go 1.19 has no needspinning
        Assert.Equal(2, first.GetProperty("ps").GetArrayLength());
        Assert.Equal(2, first.GetProperty("localRunqueues").GetArrayLength());
        Assert.Equal(lines.Count(l => l.StartsWith("  G", StringComparison.Ordinal)), samples.Sum(s => s.GetProperty("gs").GetArrayLength()));
        Assert.Equal(lines.Count(l => l.StartsWith("  M", StringComparison.Ordinal)), samples.Sum(s => s.GetProperty("ms").GetArrayLength()));
        var g = samples.SelectMany(s => s.GetProperty("gs").EnumerateArray()).First(x => x.GetProperty("waitReason").GetString() == "force gc (idle)");
        Assert.Equal(["id", "status", "waitReason", "m", "lockedm"], g.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, g.GetProperty("m").ValueKind); // printed "-1" by Go 1.19
        Assert.Equal(13, doc.RootElement.GetProperty("ignoredLines").GetInt32());
    }

    [Fact]
    public void Json_of_a_plain_go_1_23_recording_has_needspinning_and_empty_detail()
    {
        var r = Golab_("schedtrace", "parse", Recording("schedload-go1.23.5-p4.txt"), "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var samples = doc.RootElement.GetProperty("samples").EnumerateArray().ToList();
        Assert.All(samples, s =>
        {
            Assert.Equal(JsonValueKind.Number, s.GetProperty("needspinning").ValueKind);
            Assert.Equal(4, s.GetProperty("localRunqueues").GetArrayLength());
            Assert.Equal(0, s.GetProperty("ps").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, s.GetProperty("gcwaiting").ValueKind);
        });
    }

    [Fact]
    public void Table_has_a_summary_and_one_row_per_sample()
    {
        var file = Recording("schedload-go1.23.5-p2-detail.txt");
        var r = Golab_("schedtrace", "parse", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var rows = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var count = File.ReadAllLines(Path.Combine(Requirement.RepoRoot(), file)).Count(l => l.StartsWith("SCHED ", StringComparison.Ordinal));
        Assert.Equal(2 + count, rows.Length);
        Assert.StartsWith($"{file}: {count} scheddetail samples, 0–", rows[0], StringComparison.Ordinal);
        Assert.Contains("Go 1.21+ format", rows[0], StringComparison.Ordinal);
        Assert.Contains("running / runnable / waiting / syscall Gs", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_line_exits_2_naming_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("golab-schedtrace-");
        try
        {
            var path = Path.Combine(dir.FullName, "bad.txt");
            File.WriteAllText(path, "hello\nSCHED 0ms: gomaxprocs=2 idleprocs=0 threads=4 spinningthreads=0 idlethreads=1 runqueue=0 [3 x]\n");
            var r = Golab.Run(dir.FullName, "schedtrace", "parse", "bad.txt");
            Assert.Equal(2, r.ExitCode);
            Assert.Empty(r.Stdout);
            Assert.StartsWith("golab: bad.txt:2: malformed SCHED line: local run queue of P1: expected a number at column 93, found \"x]\"", r.Stderr, StringComparison.Ordinal);
            Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var r = Golab_("schedtrace", "parse", "no/such/file.txt");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("golab: no/such/file.txt: file not found", r.Stderr, StringComparison.Ordinal);
    }
}
