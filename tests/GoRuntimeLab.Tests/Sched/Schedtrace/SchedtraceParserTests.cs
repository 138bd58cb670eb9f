using GoRuntimeLab.Sched.Schedtrace;

namespace GoRuntimeLab.Tests.Sched.Schedtrace;

/// <summary>
/// The reader on lines copied from real output (data/recordings/sched, Go 1.19.8 and 1.23.5) and on the shapes
/// schedtrace() in runtime/proc.go can print but the recordings happen not to show (preemptoff text, 1.20-style mixes).
/// </summary>
public class SchedtraceParserTests
{
    // Go 1.19.8, GOMAXPROCS=2 (schedload-go1.19.8-p2.txt).
    private const string Plain119 = "SCHED 104ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0 idlethreads=2 runqueue=4 [2 0]";

    // Go 1.23.5, GOMAXPROCS=4: needspinning= between spinningthreads and idlethreads.
    private const string Plain123 = "SCHED 104ms: gomaxprocs=4 idleprocs=0 threads=6 spinningthreads=0 needspinning=1 idlethreads=0 runqueue=3 [0 1 0 2]";

    private const string Detail119 = """
        SCHED 206ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0 idlethreads=2 runqueue=3 gcwaiting=0 nmidlelocked=0 stopwait=0 sysmonwait=0
          P0: status=2 schedtick=20 syscalltick=18 m=-1 runqsize=2 gfreecnt=0 timerslen=2
          P1: status=1 schedtick=13 syscalltick=0 m=2 runqsize=1 gfreecnt=0 timerslen=0
          M4: p=-1 curg=19 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=-1
          M1: p=-1 curg=-1 mallocing=0 throwing=0 preemptoff= locks=2 dying=0 spinning=false blocked=false lockedg=-1
          M0: p=0 curg=1 mallocing=1 throwing=0 preemptoff= locks=1 dying=0 spinning=false blocked=false lockedg=1
          G1: status=4(sleep) m=-1 lockedm=-1
          G2: status=4(force gc (idle)) m=-1 lockedm=-1
          G8: status=2() m=2 lockedm=-1
          G11: status=1(chan send) m=-1 lockedm=-1
          G30: status=3() m=4 lockedm=-1
        """;

    private const string Detail123 = """
        SCHED 0ms: gomaxprocs=2 idleprocs=1 threads=5 spinningthreads=1 needspinning=0 idlethreads=2 runqueue=0 gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false
          P0: status=1 schedtick=4 syscalltick=0 m=0 runqsize=0 gfreecnt=0 timerslen=0
          P1: status=1 schedtick=0 syscalltick=0 m=nil runqsize=3 gfreecnt=0 timerslen=0
          M2: p=1 curg=nil mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=true blocked=false lockedg=nil
          M0: p=0 curg=1 mallocing=0 throwing=0 preemptoff= locks=0 dying=0 spinning=false blocked=false lockedg=1
          G1: status=2(chan receive) m=0 lockedm=0
          G2: status=4(force gc (idle)) m=nil lockedm=nil
          G15: status=4(sync.Mutex.Lock) m=nil lockedm=nil
        """;

    [Fact]
    public void Go_1_19_plain_line_has_every_field_and_no_needspinning()
    {
        var s = Assert.Single(SchedtraceParser.Parse(Plain119, "t").Samples);
        Assert.Equal((104L, 2, 0, 5, 0, 2, 4), (s.TimeMs, s.Gomaxprocs, s.Idleprocs, s.Threads, s.Spinningthreads, s.Idlethreads, s.Runqueue));
        Assert.Null(s.Needspinning);
        Assert.Equal([2, 0], s.LocalRunqueues);
        Assert.Equal(6, s.TotalRunnable);
        Assert.False(s.IsDetailed);
        Assert.Null(s.Gcwaiting);
        Assert.Empty(s.Ps);
        Assert.Equal(1, s.Line);
    }

    [Fact]
    public void Go_1_23_plain_line_has_needspinning()
    {
        var log = SchedtraceParser.Parse(Plain123, "t");
        var s = Assert.Single(log.Samples);
        Assert.Equal(1, s.Needspinning);
        Assert.Equal([0, 1, 0, 2], s.LocalRunqueues);
        Assert.True(log.HasNeedspinning);
        Assert.Equal("t: 1 schedtrace samples, 104–104 ms, GOMAXPROCS 4, Go 1.21+ format; 0 other lines ignored", log.ToString());
    }

    [Fact]
    public void Go_1_19_detail_block_reads_minus_one_as_absent_and_0_1_flags()
    {
        var log = SchedtraceParser.Parse(Detail119, "t");
        var s = Assert.Single(log.Samples);
        Assert.True(s.IsDetailed);
        Assert.False(log.HasNeedspinning);
        Assert.Equal((false, 0, 0, false), (s.Gcwaiting, s.Nmidlelocked, s.Stopwait, s.Sysmonwait));
        Assert.Equal(2, s.Ps.Count);
        Assert.Equal(new SchedtraceP(0, 2, 20, 18, null, 2, 0, 2), s.Ps[0]);
        Assert.Equal("_Psyscall", s.Ps[0].StatusName);
        Assert.Equal([2, 1], s.LocalRunqueues); // from the P lines' runqsize
        Assert.Equal([4L, 1, 0], s.Ms.Select(m => m.Id));
        Assert.Equal(new SchedtraceM(0, 0, 1, 1, 0, "", 1, 0, false, false, 1), s.Ms[2]);
        Assert.Null(s.Ms[0].P);
        Assert.Equal(19, s.Ms[0].Curg);
        Assert.Equal(2, s.Ms[1].Locks); // sysmon: no P, no G
        Assert.Equal(5, s.Gs.Count);
        Assert.Equal(new SchedtraceG(2, 4, "force gc (idle)", null, null), s.Gs[1]);
        Assert.Equal("_Gwaiting", s.Gs[1].StatusName);
        Assert.Equal(new SchedtraceG(8, 2, "", 2, null), s.Gs[2]);
        // A runnable G still shows its last wait reason: ready() does not clear gp.waitreason.
        Assert.Equal(("_Grunnable", "chan send"), (s.Gs[3].StatusName, s.Gs[3].WaitReason));
        Assert.Equal("_Gsyscall", s.Gs[4].StatusName);
    }

    [Fact]
    public void Go_1_23_detail_block_reads_nil_and_true_false()
    {
        var s = Assert.Single(SchedtraceParser.Parse(Detail123, "t").Samples);
        Assert.Equal(0, s.Needspinning);
        Assert.Equal((false, false), (s.Gcwaiting, s.Sysmonwait));
        Assert.Null(s.Ps[1].M);
        Assert.Equal(0L, s.Ps[0].M);
        Assert.True(s.Ms[0].Spinning);
        Assert.Null(s.Ms[0].Curg);
        Assert.Null(s.Ms[0].Lockedg);
        Assert.Equal(1L, s.Ms[1].Lockedg);
        Assert.Equal(new SchedtraceG(1, 2, "chan receive", 0, 0), s.Gs[0]);
        Assert.Equal("sync.Mutex.Lock", s.Gs[2].WaitReason);
        Assert.Equal([0, 3], s.LocalRunqueues);
    }

    [Fact]
    public void Preemptoff_text_with_spaces_and_scan_status_are_kept()
    {
        // m.preemptoff is a free string (e.g. "write heap dump" in runtime/heapdump.go), _Gscanwaiting = 0x1004 = 4100.
        var text = """
            SCHED 5ms: gomaxprocs=1 idleprocs=0 threads=3 spinningthreads=0 needspinning=0 idlethreads=0 runqueue=0 gcwaiting=true nmidlelocked=1 stopwait=1 sysmonwait=true
              P0: status=3 schedtick=1 syscalltick=0 m=nil runqsize=0 gfreecnt=7 timerslen=1
              M0: p=0 curg=1 mallocing=0 throwing=0 preemptoff=write heap dump locks=1 dying=0 spinning=false blocked=false lockedg=nil
              G1: status=4100(GC worker (idle)) m=nil lockedm=nil
            """;
        var s = Assert.Single(SchedtraceParser.Parse(text, "t").Samples);
        Assert.Equal((true, 1, 1, true), (s.Gcwaiting, s.Nmidlelocked, s.Stopwait, s.Sysmonwait));
        Assert.Equal("_Pgcstop", s.Ps[0].StatusName);
        Assert.Equal("write heap dump", s.Ms[0].Preemptoff);
        Assert.Equal("GC worker (idle)", s.Gs[0].WaitReason);
        Assert.Equal("_Gscanwaiting", s.Gs[0].StatusName);
    }

    [Fact]
    public void Other_lines_are_counted_not_parsed_and_crlf_is_accepted()
    {
        var text = "hello\r\n" + Plain119 + "\r\n  Plain text with two spaces\r\nSCHEDULE is not SCHED\r\n\r\n" + Plain119.Replace("104ms", "205ms", StringComparison.Ordinal) + "\r\n";
        var log = SchedtraceParser.Parse(text, "t");
        Assert.Equal([104L, 205], log.Samples.Select(s => s.TimeMs));
        Assert.Equal([2, 6], log.Samples.Select(s => s.Line));
        Assert.Equal(4, log.IgnoredLines);
    }

    [Fact]
    public void Empty_input_gives_an_empty_log()
    {
        var log = SchedtraceParser.Parse("", "empty");
        Assert.Empty(log.Samples);
        Assert.Equal(0, log.IgnoredLines);
        Assert.Equal("empty: no schedtrace samples (0 other lines)", log.ToString());
    }

    public static TheoryData<string, int, string> BadInputs() => new()
    {
        { "SCHED 1ms: gomaxprocs=2", 1, "expected \" idleprocs=\" at column 24, found the end of the line" },
        { "SCHED xms: gomaxprocs=1 idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=0 [0]", 1, "time: expected a number at column 7" },
        { "SCHED 1ms: gomaxprocs=2 idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=0 [0]", 1, "1 local run queues for gomaxprocs=2" },
        { "SCHED 1ms: gomaxprocs=1 idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=0 [0] x", 1, "unexpected text at the end of the line at column 93, found \" x\"" },
        { "SCHED 1ms: gomaxprocs=1 idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=99999999999 [0]", 1, "runqueue: number out of range" },
        { "SCHED 1ms: gomaxprocs=0 idleprocs=0 threads=1 spinningthreads=0 idlethreads=0 runqueue=0 [0]", 1, "gomaxprocs must be at least 1" },
        { "x\n  P0: status=1 schedtick=4 syscalltick=0 m=0 runqsize=0 gfreecnt=0 timerslen=0", 2, "scheddetail line before any SCHED line" },
        { Plain119 + "\n  P0: status=1 schedtick=4 syscalltick=0 m=0 runqsize=0 gfreecnt=0 timerslen=0", 2, "after a SCHED line without scheddetail fields (line 1)" },
        { Plain119 + "\n" + Plain123, 2, "needspinning= is present but was absent on line 1" },
        { Detail119.Replace("  P1:", "  P2:", StringComparison.Ordinal), 3, "P2 where P1 was expected" },
        { Detail119.Replace("m=-1 runqsize", "m=-2 runqsize", StringComparison.Ordinal), 2, "m: expected an id, -1 or nil, found -2" },
        { Detail119.Replace("spinning=false blocked=false lockedg=1", "spinning=0 blocked=false lockedg=1", StringComparison.Ordinal), 6, "spinning: expected true or false" },
        { Detail119.Replace("gcwaiting=0", "gcwaiting=2", StringComparison.Ordinal), 1, "gcwaiting: expected 0, 1, true or false" },
        { Detail119.Replace("(sleep) m=-1", "(sleep m=-1", StringComparison.Ordinal), 7, "wait reason: expected text followed by \") m=\"" },
        { string.Join('\n', Detail119.Split('\n').Where(l => !l.StartsWith("  P1", StringComparison.Ordinal))), 3, "only 1 of 2 P lines before it (SCHED line 1)" },
        { string.Join('\n', Detail119.Split('\n').Take(2)), 1, "1 P lines for gomaxprocs=2" },
        { Detail123 + "\n" + Plain123, 9, "a run-queue list after scheddetail samples (line 1)" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Malformed_lines_name_file_and_line(string text, int line, string says)
    {
        var e = Assert.Throws<SchedtraceFormatException>(() => SchedtraceParser.Parse(text, "bad.txt"));
        Assert.Equal("bad.txt", e.FilePath);
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"bad.txt:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.IsType<KitInputException>(e, exactMatch: false);
    }

    [Fact]
    public void Missing_file_names_the_parameter()
    {
        var e = Assert.Throws<KitInputException>(() => SchedtraceParser.ParseFile("no/such/schedtrace.txt"));
        Assert.Equal("file", e.Parameter);
        Assert.StartsWith("no/such/schedtrace.txt: file not found", e.Message, StringComparison.Ordinal);
    }
}
