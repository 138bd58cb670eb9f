using System.Text.Json;

namespace GoRuntimeLab.CliTests;

/// <summary><c>golab leak</c> on the leakhunt recordings of data/README.md.</summary>
public sealed class LeakCommandTests
{
    private const string Leaky = "data/recordings/leak/buffers-leaky-go1.19.8.txt";
    private const string Fixed = "data/recordings/leak/buffers-fixed-go1.23.5.txt";

    [Fact]
    public void Text_names_the_leaking_function_and_stack_and_calls_the_fix_flat()
    {
        var run = InProcessGolab.Run("leak", Leaky, Fixed);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"{Leaky}: buffers/leaky (go1.19.8), 7 snapshots: LEAKING\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("main.(*telemetryStore).appendFrame: +3072.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("main.worker [runtime.chansend]: 12 → 16 → 20 → 24 → 28 → 32 → 36", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{Fixed}: buffers/fixed (go1.23.5), 7 snapshots: flat\n", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Json_has_the_series_slopes_and_verdicts()
    {
        var run = InProcessGolab.Run("leak", "data/recordings/leak/http-leaky-go1.23.5.txt", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var s = Assert.Single(doc.RootElement.GetProperty("series").EnumerateArray());
        Assert.Equal("http", s.GetProperty("scenario").GetString());
        Assert.Equal([2L, 26L, 30L], s.GetProperty("goroutines").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(14.0, s.GetProperty("goroutineSlope").GetDouble(), 9);    // least squares through (0,2) (1,26) (2,30)
        Assert.True(s.GetProperty("goroutinesLeaking").GetBoolean());
    }

    [Fact]
    public void Another_programs_recording_is_one_line_exit_2()
    {
        var run = InProcessGolab.Run("leak", "data/recordings/netpool/http-waves-go1.19.8.txt");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not of data/go/leakhunt", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
