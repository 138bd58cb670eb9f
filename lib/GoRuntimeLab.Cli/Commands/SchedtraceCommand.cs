using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Sched.Schedtrace;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab schedtrace parse FILE [--json]</c>: reads real <c>GODEBUG=schedtrace=X[,scheddetail=1]</c> output (a raw
/// stderr capture or a data/recordings file) of Go 1.19 or 1.21+.
/// </summary>
internal static class SchedtraceCommand
{
    private static readonly JsonSerializerOptions Json = CliJson.Options;

    public static Command Build()
    {
        var command = new Command("schedtrace", "Go's scheduler trace (GODEBUG=schedtrace=X[,scheddetail=1], runtime/proc.go schedtrace).");
        command.Subcommands.Add(BuildParse());
        return command;
    }

    private static Command BuildParse()
    {
        var file = CliOptions.TextArgument("FILE", "A file holding schedtrace output (other lines are skipped and counted).");
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON document: {file, ignoredLines, samples:[{line, timeMs, gomaxprocs, idleprocs, threads, spinningthreads, " +
                          "needspinning (null before Go 1.21), idlethreads, runqueue, localRunqueues:[…], gcwaiting, nmidlelocked, stopwait, sysmonwait " +
                          "(null without scheddetail), ps:[{id, status, schedtick, syscalltick, m, runqsize, gfreecnt, timerslen}], " +
                          "ms:[{id, p, curg, mallocing, throwing, preemptoff, locks, dying, spinning, blocked, lockedg}], " +
                          "gs:[{id, status, waitReason, m, lockedm}]}]}; absent ids are null.",
        };
        var command = new Command("parse", "Parse schedtrace output into samples: one table row per SCHED line, or --json.") { file, json };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var log = SchedtraceParser.ParseFile(path);
            Console.Out.Write(parse.GetValue(json) ? ToJson(log) : ToTable(log));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ToJson(SchedtraceLog log) => JsonSerializer.Serialize(new
    {
        file = log.FileName,
        ignoredLines = log.IgnoredLines,
        samples = log.Samples.Select(s => new
        {
            line = s.Line,
            timeMs = s.TimeMs,
            gomaxprocs = s.Gomaxprocs,
            idleprocs = s.Idleprocs,
            threads = s.Threads,
            spinningthreads = s.Spinningthreads,
            needspinning = s.Needspinning,
            idlethreads = s.Idlethreads,
            runqueue = s.Runqueue,
            localRunqueues = s.LocalRunqueues,
            gcwaiting = s.Gcwaiting,
            nmidlelocked = s.Nmidlelocked,
            stopwait = s.Stopwait,
            sysmonwait = s.Sysmonwait,
            ps = s.Ps.Select(p => new { id = p.Id, status = p.Status, schedtick = p.Schedtick, syscalltick = p.Syscalltick, m = p.M, runqsize = p.Runqsize, gfreecnt = p.Gfreecnt, timerslen = p.Timerslen }),
            ms = s.Ms.Select(m => new
            {
                id = m.Id, p = m.P, curg = m.Curg, mallocing = m.Mallocing, throwing = m.Throwing, preemptoff = m.Preemptoff, locks = m.Locks,
                dying = m.Dying, spinning = m.Spinning, blocked = m.Blocked, lockedg = m.Lockedg,
            }),
            gs = s.Gs.Select(g => new { id = g.Id, status = g.Status, waitReason = g.WaitReason, m = g.M, lockedm = g.Lockedm }),
        }),
    }, Json) + "\n";

    private static string ToTable(SchedtraceLog log)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(log.ToString());
        if (log.Samples.Count == 0) return sb.ToString();
        var detail = log.IsDetailed;
        sb.AppendLine(inv, $"{"timeMs",7} {"procs",5} {"idleP",5} {"thr",4} {"spin",4} {"needsp",6} {"idleM",5} {"global",6}  local runqueues{(detail ? "          running / runnable / waiting / syscall Gs" : "")}");
        foreach (var s in log.Samples)
        {
            var local = "[" + string.Join(' ', s.LocalRunqueues) + "]";
            sb.Append(inv, $"{s.TimeMs,7} {s.Gomaxprocs,5} {s.Idleprocs,5} {s.Threads,4} {s.Spinningthreads,4} {(s.Needspinning is { } n ? n.ToString(inv) : "-"),6} {s.Idlethreads,5} {s.Runqueue,6}  {(detail ? local.PadRight(24) : local)}");
            if (detail)
            {
                int Count(int status) => s.Gs.Count(g => (g.Status & ~SchedtraceG.ScanBit) == status);
                sb.Append(inv, $" {Count(2),7} / {Count(1),8} / {Count(4),7} / {Count(3),7}");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
