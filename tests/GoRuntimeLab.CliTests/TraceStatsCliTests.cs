using System.Text.Json;

namespace GoRuntimeLab.CliTests;

/// <summary><c>golab trace stats</c>: the JSON contract of issue 16 and the table, on a recording with its oracle.</summary>
public class TraceStatsCliTests
{
    private const string Trace = "data/recordings/trace/tracegen-go1.19.trace";

    [Fact]
    public void Json_has_the_contract_shape_and_the_counts_of_go_tool_trace_d()
    {
        var r = InProcessGolab.Run("trace", "stats", Trace, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(["goVersion", "durationNs", "procs", "goroutines", "events"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("1.19", root.GetProperty("goVersion").GetString());

        var oracle = File.ReadAllLines(Path.Combine(Testing.Requirement.RepoRoot(), Trace + ".counts.tsv"));
        Assert.Equal(long.Parse(oracle[0]["# durationNs ".Length..], System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("durationNs").GetInt64());
        var expected = oracle.Skip(1).Select(l => l.Split('\t')).Select(p => (p[0], long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, root.GetProperty("events").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())));
    }

    [Theory]
    [InlineData("data/recordings/trace-v2/tracegen-go1.22.trace", "data/recordings/trace-v2/tracegen-go1.22.d2.tsv", "1.22")]
    [InlineData("data/recordings/trace-v2/tracegen-go1.23.trace", "data/recordings/trace-v2/tracegen-go1.23.d2.tsv", "1.23")]
    public void Generation_format_traces_give_the_counts_of_go_tool_trace_d2(string trace, string oracleFile, string version)
    {
        var r = InProcessGolab.Run("trace", "stats", trace, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(version, root.GetProperty("goVersion").GetString());

        // The oracle: "# durationNs: N (…)", then "Name<TAB>count" rows of `go tool trace -d=2` of the same Go.
        var lines = File.ReadAllLines(Path.Combine(Testing.Requirement.RepoRoot(), oracleFile));
        var duration = lines.Single(l => l.StartsWith("# durationNs: ", StringComparison.Ordinal))["# durationNs: ".Length..].Split(' ')[0];
        Assert.Equal(long.Parse(duration, System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("durationNs").GetInt64());
        var expected = lines.Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))
            .Select(p => (p[0], long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).OrderBy(p => p.Item1, StringComparer.Ordinal);
        Assert.Equal(expected, root.GetProperty("events").EnumerateObject().Select(p => (p.Name, p.Value.GetInt64())).OrderBy(p => p.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public void Text_is_a_summary_then_one_row_per_event_type_sorted_by_name()
    {
        var r = InProcessGolab.Run("trace", "stats", Trace);
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Go version  1.19", lines[1]);
        Assert.Matches(@"^duration    \d+\.\d{3} ms \(\d+ ns\)$", lines[2]);
        var header = Array.FindIndex(lines, l => l.StartsWith("event ", StringComparison.Ordinal));
        var names = lines[(header + 1)..].Select(l => l.Split(' ')[0]).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("CPUSample", names);
    }

    [Fact]
    public void A_corrupt_trace_is_one_line_naming_the_file_and_the_byte()
    {
        var r = InProcessGolab.Run("trace", "stats", "data/recordings/trace/go-testdata/README.md");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("golab: data/recordings/trace/go-testdata/README.md: at byte 0: not a Go execution trace: the file does not start with \"go 1.NN trace\"", Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void Pprof_writes_the_profile_go_tool_trace_pprof_writes()
    {
        var output = Path.Combine(Path.GetTempPath(), $"golab-trace-pprof-{Guid.NewGuid():N}.pb");
        try
        {
            var r = InProcessGolab.Run("trace", "pprof", "--kind", "syscall", Trace, "-o", output);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.StartsWith($"wrote {output}: ", r.Stdout, StringComparison.Ordinal);
            var ours = GoRuntimeLab.Pprof.PprofReader.Read(output);
            var go = GoRuntimeLab.Pprof.PprofReader.Read(Path.Combine(Testing.Requirement.RepoRoot(), Trace + ".syscall.pb.gz"));
            Assert.Equal(go.Total("delay"), ours.Total("delay"));
            Assert.Equal(go.Total("contentions"), ours.Total("contentions"));
            Assert.True(ours.Total("contentions") > 0);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Goroutines_json_lists_every_goroutine_with_the_times_of_go_s_goroutine_stats()
    {
        var r = InProcessGolab.Run("trace", "goroutines", Trace, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var gs = doc.RootElement.GetProperty("goroutines").EnumerateArray().ToList();
        var oracle = File.ReadAllLines(Path.Combine(Testing.Requirement.RepoRoot(), Trace + ".goroutines.tsv")).Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.Equal(oracle.Count, gs.Count);
        Assert.Equal(oracle.Select(l => l.Split('\t')[5]), gs.Select(g => g.GetProperty("execNs").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // The documented shape first; the Go 1.22+ summary fields follow (empty or 0 for older traces).
        Assert.Equal(["id", "name", "creationNs", "startNs", "endNs", "execNs", "schedWaitNs", "ioNs", "blockNs", "syscallNs", "gcNs", "sweepNs", "totalNs",
                "blockByReasonNs", "syscallBlockNs", "rangeNs", "regions"],
            gs[0].EnumerateObject().Select(p => p.Name));

        var text = InProcessGolab.Run("trace", "goroutines", Trace);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.StartsWith("goroutine  function", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("runtime.main", text.Stdout, StringComparison.Ordinal);
    }
}
