using GoRuntimeLab.NetPool;

namespace GoRuntimeLab.Tests.NetPool;

/// <summary>Runs data/go/poolprobe with the installed Go and compares the models with what the real pools did.
/// Skipped without Go; a failure when GOLAB_REQUIRE_GO=1.</summary>
public class PoolLiveTests
{
    [SkippableFact]
    public async Task Live_transport_runs_open_what_the_model_opens()
    {
        var go = LiveGo.Require();
        // Waves: deterministic whatever the machine's load (every connection is back before the next wave asks).
        var run = await go.RunAsync(PoolRecordingTests.ProgramDir,
            ["-mode", "http", "-pattern", "waves", "-k", "2,100", "-c", "1,10,50", "-n", "150", "-latency", "10ms"]);
        Assert.True(run.Succeeded, run.Stderr);
        var cases = PoolProbeRecording.Parse(run.Stdout, $"live poolprobe ({go.Description})");
        Assert.Equal(7, cases.Count);
        Assert.All(cases, c =>
        {
            var model = PoolRecordingTests.ModelOpened(c);
            Assert.True(PoolRecordingTests.Agrees(model, c.Accepted), $"{c.Label}: model {model}, server accepted {c.Accepted}");
        });
    }

    [SkippableFact]
    public async Task Live_database_sql_runs_open_and_wait_as_the_model()
    {
        var go = LiveGo.Require();
        var run = await go.RunAsync(PoolRecordingTests.ProgramDir,
            ["-mode", "sql", "-pattern", "waves", "-open", "0,5", "-idle", "default,0", "-c", "10", "-n", "100", "-latency", "2ms"]);
        Assert.True(run.Succeeded, run.Stderr);
        var cases = PoolProbeRecording.Parse(run.Stdout, $"live poolprobe ({go.Description})");
        Assert.Equal(4, cases.Count);
        Assert.All(cases, c =>
        {
            var model = SqlPoolSimulator.Run(c.ToSqlConfig(), c.ToWorkload());
            Assert.True(PoolRecordingTests.Agrees(model.Opened, c.DriverOpens), $"{c.Label}: model {model.Opened}, driver {c.DriverOpens}");
            Assert.Equal(c.WaitCount, model.Stats.WaitCount);
        });
    }
}
