// Mirrors: compiler-rt tsan_report.cpp, Go build (PrintReport, PrintMop, PrintLocation, PrintThread, PrintStack) — the
// race reports of Go's runtime/race in Go 1.19–1.23 — and testing.go's "race detected during execution of test".
// Numbers longer than any the runtime prints (ids over 9 digits, addresses over 16 hex digits) make a line malformed.
// Simplified: a report must not be interleaved with other output (the runtime prints it under a lock, but a 2>&1
// capture may mix in the program's stdout); such a report is refused with its line.
using System.Globalization;
using System.Text.RegularExpressions;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Race;

/// <summary>
/// Reads the output of a program built with <c>-race</c> (or of <c>go test -race</c>): every block from
/// "==================" + "WARNING: DATA RACE" to the next "==================" becomes a <see cref="RaceReport"/>;
/// other lines are skipped, except "Found N data race(s)" and "race detected during execution of test".
/// </summary>
public static partial class RaceReportParser
{
    private const string Rule = "==================";

    /// <summary>16 MiB: a report is about 1 KiB; a run with thousands of races is still far below.</summary>
    public static readonly KitReadLimits Limits = new("race detector output", 16L << 20);

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="KitInputException">Missing file, a malformed report (file:line), or a limit passed.</exception>
    public static RaceLog ReadFile(string? path, string parameter = "file") =>
        KitFile.ParseLines(path, Limits, lines => Read(lines, Path.GetFileName(path!), parameter), parameter);

    /// <summary>Reads output held in a string.</summary>
    /// <exception cref="KitInputException">A malformed report (source:line).</exception>
    public static RaceLog Parse(string text, string sourceName = "race output")
    {
        ArgumentNullException.ThrowIfNull(text);
        return KitLineReader.Parse(text, sourceName, Limits, lines => Read(lines, sourceName, "file"));
    }

    /// <summary>Reads UTF-8 text from a stream, line by line within <paramref name="limits"/> (default <see cref="Limits"/>).</summary>
    /// <exception cref="KitInputException">Malformed input (source:line), or more text than the limits allow.</exception>
    public static RaceLog Parse(Stream stream, string sourceName, KitReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return KitLineReader.Parse(stream, sourceName, limits ?? Limits, lines => Read(lines, sourceName, "file"));
    }

    private static RaceLog Read(KitLineReader lines, string sourceName, string parameter)
    {
        var reports = new List<RaceReport>();
        var failed = new List<string>();
        int? found = null;
        string? lastFail = null;
        while (lines.ReadLine() is { } line)
        {
            if (line == Rule && lines.PeekLine() == "WARNING: DATA RACE")
            {
                lines.ReadLine();
                reports.Add(ReadReport(lines, parameter));
                continue;
            }
            if (FoundLine().Match(line) is { Success: true } f) found = int.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture);
            else if (FailLine().Match(line) is { Success: true } t) lastFail = t.Groups[1].Value;
            else if (line.Contains("race detected during execution of test", StringComparison.Ordinal) && lastFail is not null && !failed.Contains(lastFail))
                failed.Add(lastFail);
        }
        return new RaceLog(sourceName, reports, found, failed);
    }

    private static RaceReport ReadReport(KitLineReader lines, string parameter)
    {
        var start = lines.LineNumber;
        var accesses = new List<RaceAccess>();
        var locations = new List<RaceLocation>();
        var goroutines = new List<RaceGoroutine>();
        KitInputException Error(string what) => KitInputException.For(what, parameter: parameter, file: lines.Source, line: lines.LineNumber);
        while (true)
        {
            var line = lines.ReadLine() ?? throw KitInputException.For(
                $"the race report of line {start} ends without its closing \"{Rule}\"", parameter: parameter, file: lines.Source, line: lines.LineNumber);
            if (line == Rule) break;
            if (line.Length == 0) continue;
            if (AccessLine().Match(line) is { Success: true } a)
            {
                var (stack, restored) = ReadStack(lines, Error);
                var kind = a.Groups["kind"].Value;
                accesses.Add(new RaceAccess(kind.EndsWith("rite", StringComparison.Ordinal), kind.StartsWith("Previous", StringComparison.Ordinal),
                    Hex(a.Groups["addr"].Value), Goroutine(a.Groups["g"].Value), stack, restored));
            }
            else if (GoroutineLine().Match(line) is { Success: true } g)
            {
                var (stack, restored) = ReadStack(lines, Error);
                goroutines.Add(new RaceGoroutine(Int(g.Groups["id"].Value), g.Groups["state"].Value == "running", stack, restored));
            }
            else if (HeapLine().Match(line) is { Success: true } h)
            {
                var (stack, _) = ReadStack(lines, Error);
                locations.Add(new RaceLocation("heap", null, long.Parse(h.Groups["size"].Value, CultureInfo.InvariantCulture), Hex(h.Groups["addr"].Value),
                    Goroutine(h.Groups["g"].Value), null, null, stack));
            }
            else if (GlobalLine().Match(line) is { Success: true } v)
            {
                locations.Add(new RaceLocation("global", v.Groups["name"].Value, long.Parse(v.Groups["size"].Value, CultureInfo.InvariantCulture),
                    Hex(v.Groups["addr"].Value), null, v.Groups["file"].Value, Int(v.Groups["line"].Value), []));
            }
            else
            {
                throw Error($"expected a race report line (\"Read|Write|Previous read|Previous write at 0x… by goroutine N:\", " +
                            $"\"Goroutine N (running|finished) created at:\", a location or \"{Rule}\"), not \"{Clip(line)}\"");
            }
        }
        if (accesses.Count == 0) throw KitInputException.For($"the race report of line {start} has no accesses", parameter: parameter, file: lines.Source, line: start);
        return new RaceReport(start, accesses, locations, goroutines);
    }

    // PrintStack: pairs "  func()" / "      file:line +0xoff" up to a blank line or the closing rule, or one
    // "  [failed to restore the stack]".
    private static (List<RaceFrame> Stack, bool Restored) ReadStack(KitLineReader lines, Func<string, KitInputException> error)
    {
        var frames = new List<RaceFrame>();
        if (lines.PeekLine() == "  [failed to restore the stack]")
        {
            lines.ReadLine();
            return (frames, false);
        }
        while (lines.PeekLine() is { } next && next.Length > 0 && next != Rule)
        {
            var function = lines.ReadLine()!;
            if (!function.StartsWith("  ", StringComparison.Ordinal) || function.StartsWith("   ", StringComparison.Ordinal) || !function.EndsWith("()", StringComparison.Ordinal))
                throw error($"expected a stack frame's function (\"  pkg.Func()\"), not \"{Clip(function)}\"");
            var location = lines.ReadLine() ?? throw error("a stack frame without its \"file:line +0xoffset\" line");
            var m = FileLine().Match(location);
            if (!m.Success) throw error($"expected a stack frame's \"      file:line +0xoffset\", not \"{Clip(location)}\"");
            frames.Add(new RaceFrame(function[2..^2], m.Groups["file"].Value, Int(m.Groups["line"].Value),
                long.Parse(m.Groups["off"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)));
        }
        if (frames.Count == 0) throw error("an access or goroutine without a stack");
        return (frames, true);
    }

    private static int Goroutine(string id) => id.Length == 0 ? RaceAccess.MainGoroutine : Int(id);

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static ulong Hex(string s) => ulong.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static string Clip(string line) => KitText.Excerpt(line);

    [GeneratedRegex(@"^(?<kind>Read|Write|Previous read|Previous write) at 0x(?<addr>[0-9a-f]{1,16}) by (?:main goroutine|goroutine (?<g>\d{1,9})):$")]
    private static partial Regex AccessLine();

    [GeneratedRegex(@"^Goroutine (?<id>\d{1,9}) \((?<state>running|finished)\) created at:$")]
    private static partial Regex GoroutineLine();

    [GeneratedRegex(@"^Heap block of size (?<size>\d{1,18}) at 0x(?<addr>[0-9a-f]{1,16}) allocated by (?:main goroutine|goroutine (?<g>\d{1,9})):$")]
    private static partial Regex HeapLine();

    [GeneratedRegex(@"^Global var (?<name>.+) of size (?<size>\d{1,18}) at 0x(?<addr>[0-9a-f]{1,16}) declared at (?<file>.+):(?<line>\d{1,9})$")]
    private static partial Regex GlobalLine();

    [GeneratedRegex(@"^      (?<file>.+):(?<line>\d{1,9}) \+0x(?<off>[0-9a-f]{1,15})$")]
    private static partial Regex FileLine();

    [GeneratedRegex(@"^Found (\d{1,9}) data race\(s\)$")]
    private static partial Regex FoundLine();

    [GeneratedRegex(@"^\s*--- FAIL: (\S+) \(")]
    private static partial Regex FailLine();
}
