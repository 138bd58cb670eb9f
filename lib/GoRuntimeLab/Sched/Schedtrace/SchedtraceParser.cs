// Mirrors: runtime/proc.go schedtrace(detailed) output (GODEBUG=schedtrace=X[,scheddetail=1]), Go 1.19 and 1.21–1.23:
// 1.19 prints absent ids as -1 and gcwaiting/sysmonwait as 0/1; 1.21+ prints nil, false/true and adds needspinning=.
// Simplified: lines of other output are skipped and counted; structure is checked only as far as schedtrace guarantees it.
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Sched.Schedtrace;

/// <summary>
/// Reads real <c>GODEBUG=schedtrace</c> output (a raw stderr capture or a whole <c>data/recordings</c> file) into
/// typed samples. Lines that are not schedtrace output are skipped and counted; a line that starts like
/// schedtrace output ("SCHED ", or two spaces then P/M/G and a digit) but is malformed is an error naming the file
/// and 1-based line.
/// </summary>
public static class SchedtraceParser
{
    /// <summary>
    /// The kit's limits for a schedtrace log: 64 MiB (one SCHED line per interval, plus P/M/G lines with
    /// scheddetail: a long detailed run writes a few MiB) and lines of at most 1 Mi characters.
    /// </summary>
    public static readonly KitReadLimits Limits = new("schedtrace log", 64L << 20);

    /// <summary>Parses a file, line by line.</summary>
    /// <exception cref="KitInputException">The file does not exist, is a folder or device, or is larger than <see cref="Limits"/>.</exception>
    /// <exception cref="SchedtraceFormatException">A malformed schedtrace line.</exception>
    public static SchedtraceLog ParseFile(string path)
    => KitFile.ParseLines(path, Limits, Parse);

    /// <summary>Parses UTF-8 text from a stream, line by line within <paramref name="limits"/> (default <see cref="Limits"/>).</summary>
    /// <exception cref="SchedtraceFormatException">A malformed schedtrace line.</exception>
    /// <exception cref="KitInputLimitException">More text, or a longer line, than the limits allow.</exception>
    public static SchedtraceLog Parse(Stream stream, string fileName, KitReadLimits? limits = null)
    =>
        KitLineReader.Parse(stream, fileName, limits ?? Limits, Parse);

    /// <summary>Parses text; <paramref name="fileName"/> names it in messages.</summary>
    /// <exception cref="SchedtraceFormatException">A malformed schedtrace line.</exception>
    public static SchedtraceLog Parse(string text, string fileName = "schedtrace")
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Parse(reader, fileName);
    }

    /// <summary>Parses everything <paramref name="reader"/> holds; <paramref name="fileName"/> names it in messages.</summary>
    /// <exception cref="SchedtraceFormatException">A malformed schedtrace line.</exception>
    public static SchedtraceLog Parse(TextReader reader, string fileName = "schedtrace")
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return Parse(new KitLineReader(reader, fileName, Limits));
    }

    private static SchedtraceLog Parse(KitLineReader reader)
    {
        var fileName = reader.Source;
        var samples = new List<SchedtraceSample>();
        var ignored = 0;
        Block? open = null;
        while (reader.ReadLine() is { } line)
        {
            var lineNo = reader.LineNumber;
            if (line.StartsWith("SCHED ", StringComparison.Ordinal))
            {
                if (open is not null) samples.Add(open.Close(fileName));
                var sample = ParseSched(line, fileName, lineNo);
                CheckSameFormat(samples, open?.Header, sample, fileName, lineNo);
                if (sample.IsDetailed) open = new Block(sample);
                else
                {
                    open = null;
                    samples.Add(sample);
                }
            }
            else if (IsDetailLine(line))
            {
                if (open is null)
                {
                    var previous = samples.Count > 0 ? samples[^1] : null;
                    throw SchedtraceFormatException.At(fileName, lineNo, previous is null
                        ? "scheddetail line before any SCHED line"
                        : $"scheddetail line after a SCHED line without scheddetail fields (line {previous.Line})");
                }
                open.Add(line, fileName, lineNo);
            }
            else ignored++;
        }
        if (open is not null) samples.Add(open.Close(fileName));
        return new SchedtraceLog(fileName, samples, ignored);
    }

    /// <summary>"  P0:", "  M12:", "  G5:": schedtrace's indented detail lines.</summary>
    private static bool IsDetailLine(string line) =>
        line.Length >= 4 && line[0] == ' ' && line[1] == ' ' && line[2] is 'P' or 'M' or 'G' && char.IsAsciiDigit(line[3]);

    // One run of the runtime prints one format throughout: needspinning= (1.21+) is there on every line or on none,
    // and scheddetail is a start-up setting, so detailed and plain samples never mix.
    private static void CheckSameFormat(List<SchedtraceSample> samples, SchedtraceSample? open, SchedtraceSample sample, string file, int line)
    {
        var first = samples.Count > 0 ? samples[0] : open;
        if (first is null) return;
        if ((first.Needspinning is null) != (sample.Needspinning is null))
            throw SchedtraceFormatException.At(file, line,
                $"malformed SCHED line: needspinning= is {(sample.Needspinning is null ? "missing" : "present")} but was {(first.Needspinning is null ? "absent" : "present")} on line {first.Line} (one Go version prints one format)");
        if (first.IsDetailed != sample.IsDetailed)
            throw SchedtraceFormatException.At(file, line,
                $"malformed SCHED line: {(sample.IsDetailed ? "scheddetail fields" : "a run-queue list")} after {(first.IsDetailed ? "scheddetail" : "plain")} samples (line {first.Line})");
    }

    private static SchedtraceSample ParseSched(string line, string file, int lineNo)
    {
        var c = new SchedtraceLineCursor(line, file, lineNo, "SCHED");
        // print("SCHED ", (now-starttime)/1e6, "ms: gomaxprocs=", gomaxprocs, " idleprocs=", npidle, " threads=", mcount(),
        //       " spinningthreads=", nmspinning, [1.21+: " needspinning=", needspinning,] " idlethreads=", nmidle, " runqueue=", runqsize)
        c.Expect("SCHED ");
        var time = c.Count("time");
        c.Expect("ms: gomaxprocs=");
        var gomaxprocs = c.Int32("gomaxprocs");
        if (gomaxprocs < 1) throw c.Fail("gomaxprocs must be at least 1");
        c.Expect(" idleprocs=");
        var idle = c.Int32("idleprocs");
        c.Expect(" threads=");
        var threads = c.Int32("threads");
        c.Expect(" spinningthreads=");
        var spinning = c.Int32("spinningthreads");
        int? needspinning = null;
        if (c.Peek(" needspinning="))
        {
            c.Expect(" needspinning=");
            needspinning = c.Int32("needspinning");
        }
        c.Expect(" idlethreads=");
        var idleThreads = c.Int32("idlethreads");
        c.Expect(" runqueue=");
        var runqueue = c.Int32("runqueue");

        if (c.Peek(" gcwaiting="))
        {
            // detailed: print(" gcwaiting=", …, " nmidlelocked=", …, " stopwait=", …, " sysmonwait=", …, "\n"); the P lines carry the runq lengths.
            c.Expect(" gcwaiting=");
            var gcwaiting = c.Flag("gcwaiting");
            c.Expect(" nmidlelocked=");
            var nmidlelocked = c.SignedInt32("nmidlelocked");
            c.Expect(" stopwait=");
            var stopwait = c.SignedInt32("stopwait");
            c.Expect(" sysmonwait=");
            var sysmonwait = c.Flag("sysmonwait");
            c.End();
            return new SchedtraceSample(lineNo, time, gomaxprocs, idle, threads, spinning, needspinning, idleThreads, runqueue, [])
            {
                IsDetailed = true,
                Gcwaiting = gcwaiting,
                Nmidlelocked = nmidlelocked,
                Stopwait = stopwait,
                Sysmonwait = sysmonwait,
            };
        }

        // plain: for each P, print(" "), "[" before the first, t-h, "]\n" after the last.
        c.Expect(" [");
        var local = new List<int>();
        while (true)
        {
            local.Add(c.Int32($"local run queue of P{local.Count}"));
            if (c.Peek(" ")) c.Expect(" ");
            else break;
        }
        c.Expect("]");
        c.End();
        // The list walks allp, whose length is gomaxprocs under sched.lock (procresize runs with it held).
        if (local.Count != gomaxprocs)
            throw SchedtraceFormatException.At(file, lineNo, $"malformed SCHED line: {local.Count} local run queues for gomaxprocs={gomaxprocs}");
        return new SchedtraceSample(lineNo, time, gomaxprocs, idle, threads, spinning, needspinning, idleThreads, runqueue, local);
    }

    /// <summary>A detailed sample being read: its header, then P lines, M lines and G lines in that order.</summary>
    private sealed class Block(SchedtraceSample header)
    {
        private readonly List<SchedtraceP> _ps = [];
        private readonly List<SchedtraceM> _ms = [];
        private readonly List<SchedtraceG> _gs = [];

        public SchedtraceSample Header => header;

        public void Add(string line, string file, int lineNo)
        {
            switch (line[2])
            {
                case 'P':
                    var p = ParseP(line, file, lineNo);
                    // schedtrace prints allp in index order, before any M or G line.
                    if (_ms.Count > 0 || _gs.Count > 0)
                        throw SchedtraceFormatException.At(file, lineNo, "malformed P line: P lines come before the M and G lines of a sample");
                    if (p.Id != _ps.Count)
                        throw SchedtraceFormatException.At(file, lineNo, $"malformed P line: P{p.Id} where P{_ps.Count} was expected (Ps are printed in order)");
                    if (p.Id >= header.Gomaxprocs)
                        throw SchedtraceFormatException.At(file, lineNo, $"malformed P line: P{p.Id} but gomaxprocs={header.Gomaxprocs} (line {header.Line})");
                    _ps.Add(p);
                    break;
                case 'M':
                    var m = ParseM(line, file, lineNo);
                    RequireAllPs(file, lineNo, "M");
                    if (_gs.Count > 0)
                        throw SchedtraceFormatException.At(file, lineNo, "malformed M line: M lines come before the G lines of a sample");
                    _ms.Add(m);
                    break;
                default:
                    var g = ParseG(line, file, lineNo);
                    RequireAllPs(file, lineNo, "G");
                    _gs.Add(g);
                    break;
            }
        }

        private void RequireAllPs(string file, int lineNo, string kind)
        {
            if (_ps.Count != header.Gomaxprocs)
                throw SchedtraceFormatException.At(file, lineNo,
                    $"malformed {kind} line: only {_ps.Count} of {header.Gomaxprocs} P lines before it (SCHED line {header.Line})");
        }

        public SchedtraceSample Close(string file)
        {
            if (_ps.Count != header.Gomaxprocs)
                throw SchedtraceFormatException.At(file, header.Line,
                    $"malformed scheddetail sample: {_ps.Count} P lines for gomaxprocs={header.Gomaxprocs}");
            return header with { LocalRunqueues = _ps.Select(p => p.Runqsize).ToList(), Ps = _ps, Ms = _ms, Gs = _gs };
        }
    }

    private static SchedtraceP ParseP(string line, string file, int lineNo)
    {
        // print("  P", i, ": status=", status, " schedtick=", …, " syscalltick=", …, " m=", id|-1|nil, " runqsize=", t-h, " gfreecnt=", …, " timerslen=", …)
        var c = new SchedtraceLineCursor(line, file, lineNo, "P");
        c.Expect("  P");
        var id = c.Int32("P id");
        c.Expect(": status=");
        var status = c.Int32("status");
        c.Expect(" schedtick=");
        var schedtick = c.Count("schedtick");
        c.Expect(" syscalltick=");
        var syscalltick = c.Count("syscalltick");
        c.Expect(" m=");
        var m = c.Reference("m");
        c.Expect(" runqsize=");
        var runqsize = c.Int32("runqsize");
        c.Expect(" gfreecnt=");
        var gfreecnt = c.Int32("gfreecnt");
        c.Expect(" timerslen=");
        var timers = c.Int32("timerslen");
        c.End();
        return new SchedtraceP(id, status, schedtick, syscalltick, m, runqsize, gfreecnt, timers);
    }

    private static SchedtraceM ParseM(string line, string file, int lineNo)
    {
        // print("  M", id, ": p=", …, " curg=", …, " mallocing=", …, " throwing=", …, " preemptoff=", string, " locks=", …,
        //       " dying=", …, " spinning=", bool, " blocked=", bool, " lockedg=", …)
        var c = new SchedtraceLineCursor(line, file, lineNo, "M");
        c.Expect("  M");
        var id = c.Count("M id");
        c.Expect(": p=");
        var p = c.Reference("p");
        if (p > int.MaxValue) throw c.Fail("p: number out of range");
        c.Expect(" curg=");
        var curg = c.Reference("curg");
        c.Expect(" mallocing=");
        var mallocing = c.SignedInt32("mallocing");
        c.Expect(" throwing=");
        var throwing = c.SignedInt32("throwing");
        c.Expect(" preemptoff=");
        // m.preemptoff is a free string ("", "gcing", "write heap dump"…), printed verbatim: it ends where " locks=" starts.
        var preemptoff = c.TextUntilLast(" locks=", "preemptoff");
        c.Expect(" locks=");
        var locks = c.SignedInt32("locks");
        c.Expect(" dying=");
        var dying = c.SignedInt32("dying");
        c.Expect(" spinning=");
        var spinning = c.Bool("spinning");
        c.Expect(" blocked=");
        var blocked = c.Bool("blocked");
        c.Expect(" lockedg=");
        var lockedg = c.Reference("lockedg");
        c.End();
        return new SchedtraceM(id, (int?)p, curg, mallocing, throwing, preemptoff, locks, dying, spinning, blocked, lockedg);
    }

    private static SchedtraceG ParseG(string line, string file, int lineNo)
    {
        // print("  G", goid, ": status=", readgstatus(gp), "(", gp.waitreason.String(), ") m=", …, " lockedm=", …)
        var c = new SchedtraceLineCursor(line, file, lineNo, "G");
        c.Expect("  G");
        var id = c.Count("G id");
        c.Expect(": status=");
        var status = c.Int32("status");
        c.Expect("(");
        var reason = c.TextUntilLast(") m=", "wait reason");
        c.Expect(") m=");
        var m = c.Reference("m");
        c.Expect(" lockedm=");
        var lockedm = c.Reference("lockedm");
        c.End();
        return new SchedtraceG(id, status, reason, m, lockedm);
    }
}
