using System.Text.RegularExpressions;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Sched.Schedtrace;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Sched.Schedtrace;

/// <summary>Every schedtrace recording of data/recordings/sched parses completely, in the format its Go version prints.</summary>
public partial class SchedtraceRecordingTests
{
    internal static string Dir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "sched");

    internal static IReadOnlyList<string> SchedloadFiles() => Directory.GetFiles(Dir, "schedload-*.txt").Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Schedload() => new(SchedloadFiles().Select(Path.GetFileName)!);

    [GeneratedRegex(@"(/home/|/root|/tmp/|/work/|/usr/|/opt/|[A-Za-z]:\\)")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@"^schedload-go(?<go>1\.\d+\.\d+)-p(?<p>\d+)(?<detail>-detail)?\.txt$")]
    private static partial Regex SchedloadName();

    [Fact]
    public void The_recordings_are_all_there()
    {
        // 2 Go versions × GOMAXPROCS 2 and 4 × with/without scheddetail; 2 versions × (5 runs on + 3 runs off).
        Assert.Equal(8, SchedloadFiles().Count);
        Assert.Equal(16, Directory.GetFiles(Dir, "preempt-*.txt").Length);
    }

    [Fact]
    public void Recordings_hold_no_absolute_path_of_the_recording_machine()
    {
        var files = Directory.GetFiles(Dir).Concat(Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "data", "go", "schedload")))
            .Concat(Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "data", "go", "preempt"))).ToList();
        Assert.True(files.Count >= 24 + 6, string.Join(", ", files));
        foreach (var f in files)
        {
            var m = AbsolutePath().Match(File.ReadAllText(f));
            Assert.False(m.Success, $"{f} contains an absolute path near '{m.Value}'");
        }
    }

    [Theory]
    [MemberData(nameof(Schedload))]
    public void Every_line_of_a_schedload_recording_parses(string name)
    {
        var path = Path.Combine(Dir, name);
        var naming = SchedloadName().Match(name);
        Assert.True(naming.Success, name);
        var procs = int.Parse(naming.Groups["p"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var detailed = naming.Groups["detail"].Success;
        var recording = GoRecording.Read(path);
        Assert.Equal(0, recording.ExitCode);
        Assert.Equal("go" + naming.Groups["go"].Value, recording.GoVersionText);
        Assert.Contains($"GOMAXPROCS={procs} ./schedload", recording.Command, StringComparison.Ordinal);

        var lines = File.ReadAllLines(path);
        var log = SchedtraceParser.ParseFile(path);
        // Nothing skipped that the runtime printed: SCHED lines = samples, P/M/G lines = parsed rows, the rest ignored.
        var schedLines = lines.Count(l => l.StartsWith("SCHED ", StringComparison.Ordinal));
        int Count(string prefix) => lines.Count(l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Equal(schedLines, log.Samples.Count);
        Assert.Equal(Count("  P"), log.Samples.Sum(s => s.Ps.Count));
        Assert.Equal(Count("  M"), log.Samples.Sum(s => s.Ms.Count));
        Assert.Equal(Count("  G"), log.Samples.Sum(s => s.Gs.Count));
        Assert.Equal(lines.Length, log.IgnoredLines + schedLines + Count("  P") + Count("  M") + Count("  G"));
        Assert.InRange(log.Samples.Count, 15, 25); // 2 s at schedtrace=100

        Assert.Equal(detailed, log.IsDetailed);
        Assert.All(log.Samples, s => Assert.Equal(procs, s.Gomaxprocs));
        Assert.All(log.Samples, s => Assert.Equal(procs, s.LocalRunqueues.Count));
        Assert.Equal(0, log.Samples[0].TimeMs);
        Assert.True(log.Samples.Zip(log.Samples.Skip(1)).All(p => p.First.TimeMs < p.Second.TimeMs), "times increase");
        // The load keeps the machine busy: the global or a local queue holds work at some point.
        Assert.Contains(log.Samples, s => s.TotalRunnable > 0);
    }

    [Theory]
    [MemberData(nameof(Schedload))]
    public void Each_version_prints_its_own_format(string name)
    {
        var text = File.ReadAllText(Path.Combine(Dir, name));
        var log = SchedtraceParser.Parse(text, name);
        var go123 = name.Contains("go1.23", StringComparison.Ordinal);
        // needspinning= appeared in Go 1.21 (sched.needspinning); 1.19 has no such field.
        Assert.Equal(go123, log.HasNeedspinning);
        if (!log.IsDetailed) return;
        // Absent ids: -1 in 1.19 (int64(-1) defaults), "nil" in 1.21+; gcwaiting: uint32 0/1 vs atomic.Bool false/true.
        Assert.Equal(go123, text.Contains("=nil", StringComparison.Ordinal));
        Assert.Equal(!go123, text.Contains("=-1", StringComparison.Ordinal));
        Assert.Equal(go123, text.Contains("gcwaiting=false", StringComparison.Ordinal));
        Assert.Equal(!go123, text.Contains("gcwaiting=0", StringComparison.Ordinal));
        foreach (var s in log.Samples)
        {
            Assert.Equal(s.Gomaxprocs, s.Ps.Count);
            // The G running on an M names that M, and the M names it back (both read under sched.lock, but Gs and Ms
            // change concurrently: the runtime's comment warns the data may be stale, so only count mismatches).
            Assert.NotEmpty(s.Ms);
            Assert.Contains(s.Gs, g => g.Id == 1); // main's G is never freed
            Assert.Contains(s.Ms, m => m.Id == 0);
            // A P holding an M: that M exists in the same sample.
            Assert.All(s.Ps.Where(p => p.M is not null), p => Assert.Contains(s.Ms, m => m.Id == p.M));
        }
        // The load's wait reasons are all there over the run.
        var reasons = log.Samples.SelectMany(s => s.Gs).Select(g => g.WaitReason).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["chan receive", "chan send", "sleep", "force gc (idle)", "GC sweep wait"], StringComparer.Ordinal), reasons);
        Assert.Contains(go123 ? "sync.Mutex.Lock" : "semacquire", reasons);
        // The syscall goroutines are caught in _Gsyscall at least once.
        Assert.Contains(log.Samples.SelectMany(s => s.Gs), g => g.Status == 3);
    }
}
