using CsCheck;
using GoRuntimeLab.Gc.Trace;

namespace GoRuntimeLab.Tests.Gc.Trace;

/// <summary>Corrupted real gc lines: the parser either accepts them or rejects them with a GcTraceFormatException
/// naming the corrupted line — never another exception, never the wrong line.</summary>
public class GcTraceFuzzTests
{
    private static readonly string[] Real = [.. GcRecordings.AllGcLines()];

    private enum Mutation { Delete, Duplicate, ReplaceDigit, Truncate, InsertChar }

    private static string Apply(string line, (Mutation Kind, int Where, char With)[] mutations)
    {
        foreach (var (kind, where, with) in mutations)
        {
            if (line.Length == 0) break;
            var i = where % line.Length;
            line = kind switch
            {
                Mutation.Delete => line.Remove(i, 1),
                Mutation.Duplicate => line.Insert(i, line[i].ToString()),
                Mutation.ReplaceDigit => ReplaceDigit(line, i, with),
                Mutation.Truncate => line[..i],
                _ => line.Insert(i, with.ToString()),
            };
        }
        return line;
    }

    // Replaces the first digit at or after i (wrapping) with a digit chosen from `with`.
    private static string ReplaceDigit(string line, int i, char with)
    {
        for (var k = 0; k < line.Length; k++)
        {
            var j = (i + k) % line.Length;
            if (char.IsAsciiDigit(line[j])) return string.Concat(line.AsSpan(0, j), ((char)('0' + with % 10)).ToString(), line.AsSpan(j + 1));
        }
        return line;
    }

    [Fact]
    public void Corrupted_real_lines_parse_or_fail_with_the_right_line_number()
    {
        var mutation = Gen.Select(Gen.Enum<Mutation>(), Gen.Int[0, 400], Gen.Char["0123456789 .+/-%@>()MBPgcs\t9"]);
        var gen = Gen.Select(Gen.Int[0, Real.Length - 1], mutation.Array[1, 4], Gen.Int[0, 5]);
        var rejected = 0;
        var accepted = 0;
        gen.Sample((pick, mutations, before) =>
        {
            var corrupted = Apply(Real[pick], mutations);
            // The corrupted line sits after `before` intact lines, so its 1-based number is before + 1.
            var text = string.Join('\n', Enumerable.Range(1, before).Select(k => Real[(pick + k) % Real.Length]).Append(corrupted).Append(Real[0]));
            try
            {
                var log = GcTraceParser.Parse(text, "fuzz.log");
                Assert.Equal(before + 2 - (GcTraceParser.IsGcLine(corrupted) ? 0 : 1), log.Count);
                accepted++;
            }
            catch (GcTraceFormatException e)
            {
                Assert.Equal(before + 1, e.Line);
                Assert.Equal("fuzz.log", e.FilePath);
                Assert.StartsWith($"fuzz.log:{before + 1}: column {e.Column}: expected ", e.Message, StringComparison.Ordinal);
                Assert.InRange(e.Column, 1, corrupted.Length + 1);
                rejected++;
            }
        }, iter: 3000, threads: 1);
        // Both outcomes occur: the mutations are neither all harmless nor all fatal.
        Assert.True(rejected > 300 && accepted > 100, $"rejected {rejected}, accepted {accepted}");
    }

    [Fact]
    public void Random_text_never_throws_anything_but_GcTraceFormatException()
    {
        var line = Gen.Select(Gen.Char["gc 0123456789@.s%:+/-> MBPgoalstckgb(forced),"].Array[0, 160], cs => "gc " + new string(cs));
        line.Sample(l =>
        {
            try
            {
                GcTraceParser.ParseLine(l);
            }
            catch (GcTraceFormatException e)
            {
                Assert.Equal(1, e.Line);
            }
        }, iter: 2000);
    }
}
