using System.Text.Json;

namespace GoRuntimeLab.CliTests;

/// <summary>
/// <c>golab trace tasks FILE [--json]</c> and the Go 1.22+ paths of <c>trace goroutines</c> and <c>trace pprof</c>:
/// tracegen's one task (ten regions, one log), goroutines with their summary.go fields, a profile written.
/// </summary>
public class TraceTasksCliTests
{
    private const string Trace = "data/recordings/trace-v2/tracegen-go1.23.trace";

    [Fact]
    public void Tasks_json_lists_tracegen_s_task_with_its_regions_and_log()
    {
        var r = InProcessGolab.Run("trace", "tasks", Trace, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var task = Assert.Single(doc.RootElement.GetProperty("tasks").EnumerateArray());
        Assert.Equal("tracegen", task.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("parentId").ValueKind);
        Assert.Equal(10, task.GetProperty("regions").GetArrayLength());
        Assert.Equal(1, task.GetProperty("logs").GetArrayLength());
        Assert.True(task.GetProperty("endNs").GetInt64() > task.GetProperty("startNs").GetInt64());
    }

    [Fact]
    public void Tasks_text_has_one_line_per_task_region_and_log()
    {
        var r = InProcessGolab.Run("trace", "tasks", Trace);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.StartsWith("task 1 tracegen: ", lines[0], StringComparison.Ordinal);
        Assert.Equal(10, lines.Count(l => l.StartsWith("  region ", StringComparison.Ordinal)));
        Assert.Equal(1, lines.Count(l => l.StartsWith("  log ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Older_traces_get_a_typed_error_and_exit_2()
    {
        var r = InProcessGolab.Run("trace", "tasks", "data/recordings/trace/tracegen-go1.19.trace");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Go 1.22+", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(r.Stdout);
    }

    [Fact]
    public void Goroutines_json_of_a_go_1_22_trace_carries_the_summary_fields()
    {
        var r = InProcessGolab.Run("trace", "goroutines", "data/recordings/trace-v2/tracegen-go1.22.trace", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var main = doc.RootElement.GetProperty("goroutines").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "main.main");
        Assert.True(main.GetProperty("blockByReasonNs").GetProperty("chan receive").GetInt64() > 0);
        Assert.True(main.GetProperty("execNs").GetInt64() > 0);
        Assert.Equal(10, main.GetProperty("regions").GetInt32());
    }

    [Fact]
    public void Pprof_of_a_go_1_23_trace_writes_a_profile()
    {
        var outPath = Path.Combine(Path.GetTempPath(), $"golab-v2-{Guid.NewGuid():N}.pb.gz");
        try
        {
            var r = InProcessGolab.Run("trace", "pprof", "--kind", "sched", Trace, "-o", outPath);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.StartsWith($"wrote {outPath}: ", r.Stdout, StringComparison.Ordinal);
            Assert.NotEmpty(GoRuntimeLab.Pprof.PprofReader.Read(outPath).Samples);
        }
        finally
        {
            File.Delete(outPath);
        }
    }
}
