// Mirrors: the table strace prints for `strace -c [-f]` (strace src/count.c call_summary_pr; strace 5.x/6.x default
// columns "% time seconds usecs/call calls errors syscall", a dashed rule, the rows, a dashed rule, the "total" row).
// Lines starting with '#' before the table are the kit's notes (data/go/zerocopy/record.sh writes them).
using System.Globalization;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.ZeroCopy;

/// <summary>
/// A <c>strace -c</c> summary: calls and errors per system call, and the totals. One-line use:
/// <c>StraceSummary.Read("data/recordings/zerocopy/strace-sendfile-go1.19.8.txt").Calls("sendfile")</c>.
/// </summary>
/// <param name="Source">The file (or the name given to <see cref="Parse(string, string)"/>).</param>
/// <param name="Notes">The "# key: value" lines before the table (command, go, machine…).</param>
/// <param name="Rows">The system calls as strace listed them (by time, descending).</param>
/// <param name="TotalCalls">The "total" row's calls.</param>
/// <param name="TotalErrors">The "total" row's errors.</param>
public sealed record StraceSummary(string Source, IReadOnlyList<KeyValuePair<string, string>> Notes, IReadOnlyList<StraceCallRow> Rows, long TotalCalls, long TotalErrors)
{
    /// <summary>1 MiB: a summary has one line per system call (a few hundred at most).</summary>
    public static readonly KitReadLimits Limits = new("strace -c summary", 1L << 20);

    private static readonly string[] Columns = ["% time", "seconds", "usecs/call", "calls", "errors", "syscall"];

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="KitInputException">Missing file, or a malformed table (file:line).</exception>
    public static StraceSummary Read(string path) => KitFile.ParseLines(path, Limits, lines => Read(lines), "path");

    /// <summary>Parses a summary held in a string; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="KitInputException">A malformed table (source:line).</exception>
    public static StraceSummary Parse(string text, string sourceName = "strace.txt")
    {
        ArgumentNullException.ThrowIfNull(text);
        return KitLineReader.Parse(text, sourceName, Limits, Read);
    }

    /// <summary>The calls made of <paramref name="syscall"/> (0 when it does not appear: strace lists only calls made).</summary>
    public long Calls(string syscall) => Rows.FirstOrDefault(r => r.Syscall == syscall)?.Calls ?? 0;

    /// <summary>The errors of <paramref name="syscall"/> (0 when it does not appear).</summary>
    public long Errors(string syscall) => Rows.FirstOrDefault(r => r.Syscall == syscall)?.Errors ?? 0;

    /// <summary>The value of note <paramref name="key"/>, or null.</summary>
    public string? Note(string key) => Notes.FirstOrDefault(n => n.Key == key).Value;

    private static StraceSummary Read(KitLineReader lines)
    {
        var notes = new List<KeyValuePair<string, string>>();
        var rows = new List<StraceCallRow>();
        KitInputException Error(string what) => KitInputException.For(what, parameter: "path", file: lines.Source, line: lines.LineNumber);
        string? line;
        // notes, then the header
        while (true)
        {
            line = lines.ReadLine();
            if (line is null) throw Error("no strace -c table (expected a \"% time     seconds  usecs/call     calls    errors syscall\" header)");
            if (line.Trim().Length == 0) continue;
            if (line.StartsWith('#'))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 1) notes.Add(new(line[1..colon].Trim(), line[(colon + 1)..].Trim()));
                continue;
            }
            break;
        }
        var header = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expected = string.Join(' ', Columns).Split(' ');
        if (!header.SequenceEqual(expected, StringComparer.Ordinal))
            throw Error($"expected the header \"{string.Join("  ", Columns)}\" (strace -c's default columns), found \"{line.Trim()}\"");
        if (lines.ReadLine() is not { } rule || !IsRule(rule)) throw Error("expected a dashed rule under the header");
        long? totalCalls = null, totalErrors = null;
        var afterRule = false;
        while ((line = lines.ReadLine()) is not null)
        {
            if (line.Trim().Length == 0) continue;
            if (IsRule(line))
            {
                if (afterRule) throw Error("a second dashed rule after the rows");
                afterRule = true;
                continue;
            }
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // % time, seconds, usecs/call, calls, [errors], syscall: errors is blank when a call never failed.
            if (fields.Length is not (5 or 6)) throw Error($"expected 5 or 6 columns, found {fields.Length}: \"{line.Trim()}\"");
            var name = fields[^1];
            var percent = Number(fields[0], "% time");
            var seconds = Number(fields[1], "seconds");
            Number(fields[2], "usecs/call");
            var calls = Count(fields[3], "calls");
            var errors = fields.Length == 6 ? Count(fields[4], "errors") : 0;
            if (name == "total")
            {
                if (!afterRule) throw Error("the total row must follow a dashed rule");
                totalCalls = calls;
                totalErrors = errors;
                continue;
            }
            if (afterRule) throw Error($"a row after the closing rule: \"{line.Trim()}\"");
            if (errors > calls) throw Error($"{name}: {errors} errors but only {calls} calls");
            rows.Add(new StraceCallRow(name, calls, errors, seconds, percent, lines.LineNumber));
        }
        if (totalCalls is null) throw Error("no \"total\" row: the table is cut short");
        if (rows.Sum(r => r.Calls) != totalCalls)
            throw Error($"the rows add up to {rows.Sum(r => r.Calls)} calls, the total row says {totalCalls}");
        return new StraceSummary(lines.Source, notes, rows, totalCalls.Value, totalErrors!.Value);

        double Number(string text, string column) =>
            double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw Error($"column {column}: \"{text}\" is not a number");
        long Count(string text, string column) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw Error($"column {column}: \"{text}\" is not a count");
    }

    private static bool IsRule(string line)
    {
        var t = line.Trim();
        return t.Length > 0 && t.All(c => c is '-' or ' ');
    }
}
