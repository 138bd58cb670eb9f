using System.Text.RegularExpressions;
using GoRuntimeLab.Sched;

namespace GoRuntimeLab.Tests.Sched;

// Oracle: the schedtrace()/scheddetail formats of proc.go 1.19 and 1.23, with example lines of real runs
// (real output) as the check that the patterns themselves are right.
public partial class SchedTraceFormatTests
{
    [GeneratedRegex(@"^SCHED \d+ms: gomaxprocs=\d+ idleprocs=\d+ threads=\d+ spinningthreads=\d+ idlethreads=\d+ runqueue=\d+ \[\d+( \d+)*\]$")]
    private static partial Regex Header119();

    [GeneratedRegex(@"^SCHED \d+ms: gomaxprocs=\d+ idleprocs=\d+ threads=\d+ spinningthreads=\d+ needspinning=[01] idlethreads=\d+ runqueue=\d+ \[\d+( \d+)*\]$")]
    private static partial Regex Header121();

    [GeneratedRegex(@"^SCHED \d+ms: gomaxprocs=\d+ idleprocs=\d+ threads=\d+ spinningthreads=\d+ needspinning=[01] idlethreads=\d+ runqueue=\d+ gcwaiting=(true|false) nmidlelocked=\d+ stopwait=\d+ sysmonwait=(true|false)$")]
    private static partial Regex DetailHeader121();

    [GeneratedRegex(@"^SCHED \d+ms: gomaxprocs=\d+ idleprocs=\d+ threads=\d+ spinningthreads=\d+ idlethreads=\d+ runqueue=\d+ gcwaiting=[01] nmidlelocked=\d+ stopwait=\d+ sysmonwait=[01]$")]
    private static partial Regex DetailHeader119();

    [GeneratedRegex(@"^  P\d+: status=\d schedtick=\d+ syscalltick=\d+ m=(\d+|nil|-1) runqsize=\d+ gfreecnt=\d+ timerslen=\d+$")]
    private static partial Regex PLine();

    [GeneratedRegex(@"^  M\d+: p=(\d+|nil|-1) curg=(\d+|nil|-1) mallocing=\d+ throwing=\d+ preemptoff= locks=\d+ dying=\d+ spinning=(true|false) blocked=(true|false) lockedg=(\d+|nil|-1)$")]
    private static partial Regex MLine();

    [GeneratedRegex(@"^  G\d+: status=\d+\(.*\) m=(\d+|nil|-1) lockedm=(\d+|nil|-1)$")]
    private static partial Regex GLine();

    [Fact]
    public void Patterns_match_real_example_lines()
    {
        Assert.Matches(Header121(), "SCHED 10ms: gomaxprocs=2 idleprocs=0 threads=4 spinningthreads=0 needspinning=1 idlethreads=1 runqueue=1 [3 2]");
        Assert.Matches(Header119(), "SCHED 10ms: gomaxprocs=2 idleprocs=0 threads=4 spinningthreads=0 idlethreads=1 runqueue=0 [3 3]");
        Assert.Matches(PLine(), "  P0: status=1 schedtick=3 syscalltick=0 m=0 runqsize=3 gfreecnt=0 timerslen=0");
        Assert.Matches(MLine(), "  M2: p=1 curg=8 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=nil");
        Assert.Matches(GLine(), "  G1: status=4(semacquire) m=nil lockedm=nil");
    }

    [Theory]
    [InlineData("1.19.8", false)]
    [InlineData("1.23.5", true)]
    public void Patterns_match_every_line_of_the_real_recordings(string goVersion, bool v121)
    {
        // data/recordings/sched/schedload-*: real GODEBUG=schedtrace(,scheddetail=1) output of that Go release.
        var files = Directory.GetFiles(Path.Combine(GoRuntimeLab.Testing.Requirement.RepoRoot(), "data", "recordings", "sched"), $"schedload-go{goVersion}-*.txt");
        Assert.NotEmpty(files);
        var checkedLines = 0;
        foreach (var line in files.SelectMany(File.ReadAllLines))
        {
            if (line.StartsWith("SCHED ", StringComparison.Ordinal))
            {
                var ok = (v121 ? Header121() : Header119()).IsMatch(line) || (v121 ? DetailHeader121() : DetailHeader119()).IsMatch(line);
                Assert.True(ok, line);
            }
            else if (line.StartsWith("  P", StringComparison.Ordinal) && line.Contains(": status=", StringComparison.Ordinal)) Assert.Matches(PLine(), line);
            else if (line.StartsWith("  M", StringComparison.Ordinal) && line.Contains(": p=", StringComparison.Ordinal)) Assert.Matches(MLine(), line);
            else if (line.StartsWith("  G", StringComparison.Ordinal) && line.Contains(": status=", StringComparison.Ordinal)) Assert.Matches(GLine(), line);
            else continue;
            checkedLines++;
        }

        Assert.True(checkedLines > 100, $"{checkedLines} lines checked");
    }

    [Theory]
    [InlineData("1.19")]
    [InlineData("1.21")]
    [InlineData("1.23")]
    public void Simulated_schedtrace_lines_have_Gos_format_for_the_version(string version)
    {
        var v = GoVersion.Parse(version);
        var r = Scheduler.Run("syscall-mix", SchedConfig.Default.WithProcs(2).WithVersion(v).WithSchedTrace(5_000_000));
        Assert.True(r.SchedTrace.Count >= 5, string.Join('\n', r.SchedTrace));
        Assert.StartsWith("SCHED 0ms: gomaxprocs=2 ", r.SchedTrace[0]);
        var header = v.AtLeast(GoVersion.Go1_21) ? Header121() : Header119();
        Assert.All(r.SchedTrace, l => Assert.Matches(header, l));
        // A line every ~5 ms (sysmon tick granularity): strictly increasing times.
        var ms = r.SchedTrace.Select(l => int.Parse(l[6..l.IndexOf("ms", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ms.Order(), ms);
        Assert.Equal(ms.Distinct().Count(), ms.Count);
    }

    [Theory]
    [InlineData("1.19", "-1")]
    [InlineData("1.23", "nil")]
    public void Scheddetail_blocks_have_P_M_and_G_lines(string version, string absent)
    {
        var v = GoVersion.Parse(version);
        var r = Scheduler.Run("syscall-mix", SchedConfig.Default.WithProcs(2).WithVersion(v).WithSchedTrace(10_000_000, detail: true));
        var header = v.AtLeast(GoVersion.Go1_21) ? DetailHeader121() : DetailHeader119();
        foreach (var line in r.SchedTrace)
        {
            if (line.StartsWith("SCHED", StringComparison.Ordinal)) Assert.Matches(header, line);
            else if (line.StartsWith("  P", StringComparison.Ordinal)) Assert.Matches(PLine(), line);
            else if (line.StartsWith("  M", StringComparison.Ordinal)) Assert.Matches(MLine(), line);
            else Assert.Matches(GLine(), line);
        }

        Assert.Contains(r.SchedTrace, l => l.StartsWith("  M1: p=" + absent + " curg=" + absent, StringComparison.Ordinal)); // sysmon's M has no P
        Assert.Contains(r.SchedTrace, l => l.StartsWith("  G1: status=", StringComparison.Ordinal));
        Assert.Contains(r.SchedTrace, l => l.Contains("status=2 ", StringComparison.Ordinal)); // a P in _Psyscall, at some point
    }
}
