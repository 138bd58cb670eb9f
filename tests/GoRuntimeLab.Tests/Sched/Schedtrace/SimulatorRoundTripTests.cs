using GoRuntimeLab.Sched;
using GoRuntimeLab.Sched.Schedtrace;

namespace GoRuntimeLab.Tests.Sched.Schedtrace;

/// <summary>
/// The simulator's GODEBUG=schedtrace output is read back by the same parser that reads real Go's (issue 4: "the sim's
/// own schedtrace output parses with the same reader"), in each version's format, with and without scheddetail=1.
/// </summary>
public sealed class SimulatorRoundTripTests
{
    public static TheoryData<string, string, int, bool> Cases()
    {
        var data = new TheoryData<string, string, int, bool>();
        foreach (var workload in (string[])["fanout", "syscall-mix", "prodcons-buffered", "many-short"])
        foreach (var version in (string[])["1.19", "1.21", "1.23"])
        foreach (var detail in (bool[])[false, true])
            data.Add(workload, version, workload == "many-short" ? 4 : 2, detail);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_simulated_schedtrace_line_parses_with_the_real_go_reader(string workload, string version, int procs, bool detail)
    {
        var config = SchedConfig.Default.WithProcs(procs).WithVersion(GoVersion.Parse(version)).WithSchedTrace(1_000_000, detail);
        var lines = Scheduler.Run(workload, config).SchedTrace;
        Assert.NotEmpty(lines);
        var log = SchedtraceParser.Parse(string.Join("\n", lines), $"sim-{workload}-{version}");

        Assert.Equal(lines.Count(l => l.StartsWith("SCHED ", StringComparison.Ordinal)), log.Samples.Count);
        Assert.Equal(0, log.IgnoredLines);
        // 1.21+ prints needspinning; 1.19 does not (proc.go schedtrace).
        Assert.Equal(GoVersion.Parse(version).AtLeast(GoVersion.Go1_21), log.HasNeedspinning);
        Assert.Equal(detail, log.IsDetailed);
        foreach (var s in log.Samples)
        {
            Assert.Equal(procs, s.Gomaxprocs);
            Assert.Equal(procs, s.LocalRunqueues.Count);
            Assert.InRange(s.Idleprocs, 0, procs);
            if (detail) Assert.Equal(procs, s.Ps.Count);
        }

        Assert.True(log.Samples.Zip(log.Samples.Skip(1)).All(p => p.First.TimeMs <= p.Second.TimeMs), "time goes forward");
    }
}
