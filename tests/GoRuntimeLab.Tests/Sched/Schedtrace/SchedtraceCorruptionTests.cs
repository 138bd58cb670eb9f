using CsCheck;
using GoRuntimeLab.Sched.Schedtrace;

namespace GoRuntimeLab.Tests.Sched.Schedtrace;

/// <summary>
/// Real recorded lines, each broken in one way the runtime never prints (CsCheck picks the file, the line, the kind
/// of damage and where): the reader must throw <see cref="SchedtraceFormatException"/> naming exactly that line, and
/// nothing else (no IndexOutOfRange, no silently wrong sample).
/// </summary>
public class SchedtraceCorruptionTests
{
    private sealed record Corpus(string Name, string[] Lines, int[] TraceLines);

    private static readonly Lazy<Corpus[]> Files = new(() => SchedtraceRecordingTests.SchedloadFiles()
        .Select(f =>
        {
            var lines = File.ReadAllLines(f);
            var trace = Enumerable.Range(0, lines.Length).Where(i => Prefix(lines[i]) > 0).ToArray();
            return new Corpus(Path.GetFileName(f), lines, trace);
        }).ToArray());

    /// <summary>Length of the part that makes a line schedtrace output ("SCHED ", "  P0"), 0 for other lines.</summary>
    private static int Prefix(string line) =>
        line.StartsWith("SCHED ", StringComparison.Ordinal) ? 6
        : line.Length >= 4 && line.StartsWith("  ", StringComparison.Ordinal) && line[2] is 'P' or 'M' or 'G' && char.IsAsciiDigit(line[3]) ? 4
        : 0;

    /// <summary>Positions outside a G line's "(wait reason)" and an M line's preemptoff text: free text can hold anything.</summary>
    private static bool InFreeText(string line, int pos)
    {
        if (line.StartsWith("  G", StringComparison.Ordinal))
            return pos >= line.IndexOf('(', StringComparison.Ordinal) && pos <= line.LastIndexOf(") m=", StringComparison.Ordinal);
        if (line.StartsWith("  M", StringComparison.Ordinal))
        {
            var start = line.IndexOf(" preemptoff=", StringComparison.Ordinal) + " preemptoff=".Length;
            return pos >= start && pos <= line.LastIndexOf(" locks=", StringComparison.Ordinal); // text before " locks=" is preemptoff's
        }
        return false;
    }

    /// <summary>Damage no Go release prints; null when the kind does not apply to this line (e.g. no digit to break).</summary>
    private static string? Corrupt(string line, int kind, int r)
    {
        var prefix = Prefix(line);
        List<int> Where(Func<char, bool> pick) =>
            Enumerable.Range(prefix, line.Length - prefix).Where(i => pick(line[i]) && !InFreeText(line, i)).ToList();
        string? At(List<int> positions, Func<int, string> edit) => positions.Count == 0 ? null : edit(positions[r % positions.Count]);
        switch (kind)
        {
            case 0: // cut short, anywhere before the last value (each field is required; the last value must not be empty)
                var lastEq = line.LastIndexOf('=');
                var cut = prefix + r % (lastEq + 1 - prefix + 1);
                return line[..cut];
            case 1: // a digit becomes a letter
                return At(Where(char.IsAsciiDigit), i => line[..i] + "x" + line[(i + 1)..]);
            case 2: // a '=' disappears
                return At(Where(c => c == '='), i => line.Remove(i, 1));
            case 3: // an unknown field is inserted before a space
                return At(Where(c => c == ' '), i => line.Insert(i, " bogus=1"));
            case 4: // a word value is misspelt
                foreach (var word in (string[])["nil", "true", "false"])
                {
                    var found = line.IndexOf("=" + word, StringComparison.Ordinal);
                    if (found >= 0) return line[..(found + 1)] + word.ToUpperInvariant() + line[(found + 1 + word.Length)..];
                }
                return null;
            case 5: // a number far beyond its Go type
                return At(Where(char.IsAsciiDigit).Where(i => line[i - 1] == '=').ToList(), i => line.Insert(i, "99999999999999999999"));
            default: // trailing garbage
                return line + " ]";
        }
    }

    [Fact]
    public void Corrupted_real_lines_give_only_typed_errors_on_the_right_line()
    {
        var tried = 0;
        var gen = Gen.Select(Gen.Int[0, 7], Gen.Int[0, int.MaxValue], Gen.Int[0, 6], Gen.Int[0, int.MaxValue]);
        gen.Sample((fileIndex, lineRandom, kind, r) =>
        {
            var corpus = Files.Value[fileIndex % Files.Value.Length];
            var index = corpus.TraceLines[lineRandom % corpus.TraceLines.Length];
            var bad = Corrupt(corpus.Lines[index], kind, r);
            if (bad is null) return;
            Interlocked.Increment(ref tried);
            var lines = (string[])corpus.Lines.Clone();
            lines[index] = bad;
            var e = Assert.Throws<SchedtraceFormatException>(() => SchedtraceParser.Parse(string.Join('\n', lines), corpus.Name));
            Assert.True(e.Line == index + 1, $"kind {kind}: expected line {index + 1}, got {e.Message}\n  was: {corpus.Lines[index]}\n  now: {bad}");
            Assert.Equal(corpus.Name, e.FilePath);
            Assert.StartsWith($"{corpus.Name}:{index + 1}: malformed ", e.Message, StringComparison.Ordinal);
        }, iter: 1500, threads: 1);
        Assert.True(tried >= 1000, $"only {tried} corrupted lines were tried");
    }

    [Fact]
    public void Random_text_never_crashes_the_reader()
    {
        // Arbitrary lines behind a real prefix: either a sample or a typed error, never another exception.
        Gen.Select(Gen.Int[0, 3].Select(i => ((string[])["SCHED ", "  P0", "  M1", "  G5"])[i]), Gen.String).Sample((prefix, rest) =>
        {
            try
            {
                SchedtraceParser.Parse(prefix + rest.Replace('\n', ' ').Replace('\r', ' '), "fuzz");
            }
            catch (SchedtraceFormatException e)
            {
                Assert.Equal(1, e.Line);
            }
        }, iter: 2000);
    }
}
