using GoRuntimeLab.NetPool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.NetPool;

/// <summary>
/// The pool models against the real pools recorded by data/go/poolprobe (Go 1.19.8, 1.21.13, 1.22.12, 1.23.5): a
/// net/http client and server on 127.0.0.1 counting accepted connections, database/sql over a fake driver counting
/// Open calls.
/// </summary>
public class PoolRecordingTests
{
    internal static string Dir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "netpool");

    internal static string ProgramDir => Path.Combine(Requirement.RepoRoot(), "data", "go", "poolprobe");

    public static TheoryData<string> Files(string prefix)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Dir, prefix + "-go*.txt").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    public static TheoryData<string> HttpWaves => Files("http-waves");
    public static TheoryData<string> HttpLoop => Files("http-loop");
    public static TheoryData<string> SqlWaves => Files("sql-waves");
    public static TheoryData<string> SqlLoop => Files("sql-loop");

    /// <summary>The tolerance: within one connection or 5 %.</summary>
    internal static bool Agrees(int model, int real) => Math.Abs(model - real) <= Math.Max(1, 0.05 * real);

    internal static int ModelOpened(PoolProbeCase c) => c.Mode == "http"
        ? TransportPoolSimulator.Run(c.ToTransportConfig(), c.ToWorkload()).Dials
        : SqlPoolSimulator.Run(c.ToSqlConfig(), c.ToWorkload()).Opened;

    [Fact]
    public void Every_recorded_go_version_is_there()
    {
        foreach (var prefix in new[] { "http-waves", "http-loop", "sql-waves", "sql-loop" })
            Assert.Equal(["go1.19.8", "go1.21.13", "go1.22.12", "go1.23.5"],
                Directory.GetFiles(Dir, prefix + "-go*.txt").Select(f => Path.GetFileNameWithoutExtension(f)[(prefix.Length + 1)..]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HttpWaves))]
    public void Transport_model_opens_as_many_connections_as_the_server_accepted(string file)
    {
        var cases = PoolProbeRecording.Read(Path.Combine(Dir, file));
        // MaxIdleConnsPerHost ∈ {2, 100} × concurrency ∈ {1, 10, 50}, and the body-not-closed case.
        Assert.Equal(7, cases.Count);
        Assert.Equal([(2, 1), (2, 10), (2, 50), (100, 1), (100, 10), (100, 50)],
            cases.Where(c => c.CloseBody).Select(c => (c.MaxIdleConnsPerHost, c.Concurrency)));
        Assert.All(cases, c => Assert.True(Agrees(ModelOpened(c), c.Accepted), $"{file} {c.Label}: model {ModelOpened(c)}, server accepted {c.Accepted}"));
    }

    [Theory]
    [MemberData(nameof(HttpWaves))]
    public void The_third_connection_of_a_wave_is_closed_and_dialed_again(string file)
    {
        var c = PoolProbeRecording.Read(Path.Combine(Dir, file)).Single(c => c.CloseBody && c.MaxIdleConnsPerHost == 2 && c.Concurrency == 10);
        var model = TransportPoolSimulator.Run(c.ToTransportConfig(), c.ToWorkload());
        // 30 waves of 10: the first dials 10; each later one reuses the 2 kept idle and dials 8.
        Assert.Equal(10 + 8 * 29, c.Accepted);
        Assert.Equal(c.Accepted, model.Dials);
        Assert.Equal(8 * 30, model.ClosedIdleOverflow);
        Assert.Equal(c.GotConnReused, model.Reused);
    }

    [Theory]
    [MemberData(nameof(HttpWaves))]
    public void An_unclosed_body_never_gives_its_connection_back(string file)
    {
        var c = PoolProbeRecording.Read(Path.Combine(Dir, file)).Single(c => !c.CloseBody);
        var model = TransportPoolSimulator.Run(c.ToTransportConfig(), c.ToWorkload());
        Assert.Equal(c.Requests, c.Accepted);
        Assert.Equal(c.Requests, model.Dials);
        Assert.Equal(0, model.Reused);
        Assert.Equal(c.Requests, model.BusyAtEnd);
    }

    [Theory]
    [MemberData(nameof(HttpLoop))]
    public void Back_to_back_workers_keep_their_connection_and_noise_only_adds_dials(string file)
    {
        // Closed-loop workers put the connection back and take it again at once, so the model opens exactly one per
        // worker. The real run opens more when the scheduler delays a worker between the two (another request takes
        // the connection, or three wait idle at once): never fewer.
        foreach (var c in PoolProbeRecording.Read(Path.Combine(Dir, file)))
        {
            var model = ModelOpened(c);
            Assert.Equal(c.Concurrency, model);
            Assert.True(c.Accepted >= model, $"{file} {c.Label}: model {model}, server accepted {c.Accepted}");
            if (c.Concurrency <= 10) Assert.True(Agrees(model, c.Accepted), $"{file} {c.Label}: model {model}, server accepted {c.Accepted}");
        }
    }

    [Theory]
    [MemberData(nameof(SqlWaves))]
    public void Sql_model_opens_and_waits_as_the_real_database_sql_in_waves(string file)
    {
        var cases = PoolProbeRecording.Read(Path.Combine(Dir, file));
        Assert.Equal(18, cases.Count); // open {0,5} × idle {default, 10, 0} × concurrency {1, 10, 50}
        foreach (var c in cases)
        {
            var model = SqlPoolSimulator.Run(c.ToSqlConfig(), c.ToWorkload());
            Assert.True(Agrees(model.Opened, c.DriverOpens), $"{file} {c.Label}: model opened {model.Opened}, driver opened {c.DriverOpens}");
            Assert.Equal(c.WaitCount, model.Stats.WaitCount);
            Assert.Equal(c.MaxIdleClosed, model.Stats.MaxIdleClosed);
            Assert.Equal(c.IdleAtEnd, model.Stats.Idle);
        }
    }

    [Theory]
    [MemberData(nameof(SqlLoop))]
    public void Sql_model_matches_closed_loop_workers(string file)
    {
        foreach (var c in PoolProbeRecording.Read(Path.Combine(Dir, file)))
        {
            var model = SqlPoolSimulator.Run(c.ToSqlConfig(), c.ToWorkload());
            Assert.True(Agrees(model.Opened, c.DriverOpens), $"{file} {c.Label}: model opened {model.Opened}, driver opened {c.DriverOpens}");
            Assert.Equal(c.WaitCount, model.Stats.WaitCount);
            Assert.Equal(c.IdleAtEnd, model.Stats.Idle);
        }
    }
}
