using System.Text.Json;
using GoRuntimeLab.Trace;

namespace GoRuntimeLab.CliTests;

/// <summary><c>golab trace chrome FILE -o OUT.json</c>: a valid Chrome trace with one P slice per run, for Go 1.7–1.21 and Go 1.22+ traces.</summary>
public class TraceChromeCliTests
{
    private const string Trace = "data/recordings/trace/tracegen-go1.19.trace";

    [Fact]
    public void Writes_a_valid_chrome_trace_with_one_run_slice_per_go_start()
    {
        var dir = Directory.CreateTempSubdirectory("golab-chrome-");
        try
        {
            var outPath = Path.Combine(dir.FullName, "trace.json");
            var r = InProcessGolab.Run("trace", "chrome", Trace, "-o", outPath);
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.StartsWith($"wrote {outPath}: ", r.Stdout, StringComparison.Ordinal);

            var json = File.ReadAllText(outPath);
            var result = ChromeTraceValidator.Validate(json);
            Assert.True(result.IsValid, result.ToString());
            using var doc = JsonDocument.Parse(json);
            var runs = doc.RootElement.GetProperty("traceEvents").EnumerateArray()
                .Count(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("pid").GetInt32() == 0 && e.TryGetProperty("cat", out var c) && c.GetString() == "running");

            var stats = InProcessGolab.Run("trace", "stats", Trace, "--json");
            using var counts = JsonDocument.Parse(stats.Stdout);
            var events = counts.RootElement.GetProperty("events");
            var starts = new[] { "GoStart", "GoStartLocal", "GoStartLabel" }.Sum(n => events.TryGetProperty(n, out var v) ? v.GetInt64() : 0);
            Assert.Equal(starts, runs);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Go_1_22_and_1_23_traces_are_drawn_too()
    {
        foreach (var v in new[] { "1.22", "1.23" })
        {
            var outPath = Path.Combine(Path.GetTempPath(), $"golab-v2-{Guid.NewGuid():N}.json");
            try
            {
                var r = InProcessGolab.Run("trace", "chrome", $"data/recordings/trace-v2/tracegen-go{v}.trace", "-o", outPath);
                Assert.True(r.ExitCode == 0, r.Stderr);
                Assert.StartsWith($"wrote {outPath}: ", r.Stdout, StringComparison.Ordinal);
                Assert.Empty(ChromeTraceValidator.Validate(File.ReadAllText(outPath)).Problems);
            }
            finally
            {
                File.Delete(outPath);
            }
        }
    }
}
