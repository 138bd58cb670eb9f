using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoRuntimeLab.Gc.Trace;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary><c>golab gctrace parse FILE [--json]</c>: read a real <c>GODEBUG=gctrace=1</c> log (docs/ARCHITECTURE.md §2).</summary>
internal static class GctraceCommand
{
    private static readonly string[] Header = ["gc", "@s", "cpu%", "stw1 ms", "mark ms", "stw2 ms", "assist/bg/idle cpu ms", "heap MB start->end->live", "goal MB", "P", ""];

    private static readonly JsonSerializerOptions Json = CliJson.Options;

    public static Command Build()
    {
        var file = CliOptions.TextArgument("FILE", "A gctrace log: the program's stderr, or a golab recording (data/recordings/gc/*.txt). Lines that are not gc lines are counted and skipped.");
        var json = new Option<bool>("--json")
        {
            Description = "One JSON document: {\"file\", \"ignoredLines\", \"summary\": {cycles, forced, totalPauseMs, maxPauseMs, finalCpuPercent}, " +
                          "\"cycles\": [{number, atSeconds, cpuPercent, clockStw1Ms, clockConcurrentMs, clockStw2Ms, cpuStw1Ms, cpuAssistMs, " +
                          "cpuBackgroundMs, cpuIdleMs, cpuStw2Ms, heapStartMB, heapEndMB, liveMB, goalMB, stacksMB (null before Go 1.18), " +
                          "globalsMB, procs, forced, sourceLine, pauseMs, clockTotalMs, cpuTotalMs}]}. ms as Go printed them; MB = bytes>>20.",
        };
        var parse = new Command("parse", "Parse a GODEBUG=gctrace=1 log: one row per GC cycle, then a summary.") { file, json };
        parse.SetAction(result =>
        {
            var log = GcTraceParser.ParseFile(result.GetValue(file)!);
            if (result.GetValue(json)) Console.Out.Write(ToJson(log) + "\n");
            else WriteTable(log, Console.Out);
            return ExitCodes.Ok;
        });
        return new Command("gctrace", "Real Go GC traces (GODEBUG=gctrace=1).") { parse };
    }

    private static string ToJson(GcTraceLog log) => JsonSerializer.Serialize(new
    {
        file = log.SourceName,
        ignoredLines = log.IgnoredLines,
        summary = new { cycles = log.Count, forced = log.ForcedCount, totalPauseMs = log.TotalPauseMs, maxPauseMs = log.MaxPauseMs, finalCpuPercent = log.FinalCpuPercent },
        cycles = log.Lines,
    }, Json);

    // Two passes over the cycles (widths, then lines) so a long log never sits in memory as a table of cells.
    private static void WriteTable(GcTraceLog log, TextWriter output)
    {
        var widths = Header.Select(h => h.Length).ToArray();
        foreach (var l in log.Lines)
        {
            var cells = Cells(l);
            for (var c = 0; c < cells.Length; c++) widths[c] = Math.Max(widths[c], cells[c].Length);
        }

        output.Write(Line(Header, widths, header: true));
        foreach (var l in log.Lines) output.Write(Line(Cells(l), widths, header: false));
        output.Write("\n" + log + "\n");
    }

    private static string[] Cells(GcTraceLine l) =>
    [
        N(l.Number), l.AtSeconds.ToString("0.000", CultureInfo.InvariantCulture), N(l.CpuPercent), Ms(l.ClockStw1Ms), Ms(l.ClockConcurrentMs), Ms(l.ClockStw2Ms),
        $"{Ms(l.CpuAssistMs)}/{Ms(l.CpuBackgroundMs)}/{Ms(l.CpuIdleMs)}", $"{N(l.HeapStartMB)}->{N(l.HeapEndMB)}->{N(l.LiveMB)}", N(l.GoalMB), N(l.Procs),
        l.Forced ? "forced" : "",
    ];

    // Numbers right-aligned (the cycle number too, except in the header); trailing blanks trimmed, so the table diffs well.
    private static string Line(string[] row, int[] widths, bool header) =>
        string.Join("  ", row.Select((cell, c) => c is 1 or 2 or 3 or 4 or 5 or 8 or 9 || (c == 0 && !header) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd() + "\n";

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
