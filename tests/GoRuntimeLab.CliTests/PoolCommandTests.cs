using System.Text.Json;

namespace GoRuntimeLab.CliTests;

/// <summary>`golab pool simulate`: the numbers of the poolprobe recordings, as a table and as JSON.</summary>
public class PoolCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var r = InProcessGolab.Run(["pool", "simulate", .. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Http_waves_of_ten_with_the_default_idle_cap_open_242_connections()
    {
        var j = Json("--requests", "300", "--concurrency", "10");
        Assert.Equal("http", j.GetProperty("pool").GetString());
        Assert.Equal(242, j.GetProperty("opened").GetInt32());
        Assert.Equal(240, j.GetProperty("closedBy").GetProperty("idleOverflow").GetInt32());
        Assert.Equal(10, Json("--max-idle-per-host", "100").GetProperty("opened").GetInt32());
        Assert.Equal(90_000, Json("--default-transport").GetProperty("config").GetProperty("idleConnTimeoutMs").GetDouble());
    }

    [Fact]
    public void Sql_with_five_open_and_ten_callers_waits_and_opens_92()
    {
        var j = Json("--pool", "sql", "--max-open", "5", "--latency", "2ms");
        Assert.Equal(92, j.GetProperty("opened").GetInt32());
        Assert.Equal(150, j.GetProperty("stats").GetProperty("waitCount").GetInt64());
        Assert.Equal(2.0, j.GetProperty("latencyMs").GetProperty("p50").GetDouble());
    }

    [Fact]
    public void The_table_names_the_counts_and_a_uniform_latency_needs_its_maximum()
    {
        var r = InProcessGolab.Run(["pool", "simulate", "--pattern", "loop", "--concurrency", "50"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("connections opened (server accepts): 50", r.Stdout, StringComparison.Ordinal);
        var bad = InProcessGolab.Run(["pool", "simulate", "--latency-dist", "uniform"]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--latency-max", bad.Stderr, StringComparison.Ordinal);
    }
}
