using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Trace.ExecV2;

/// <summary>
/// Truncated and corrupted Go 1.22+ traces: every outcome is either statistics or an <see cref="ExecTraceFormatException"/>
/// whose offset lies within the file — never another exception, never a hang.
/// </summary>
public class V2TraceFuzzTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    /// <summary>Reads <paramref name="bytes"/>; true when it read, false on a typed error; any other outcome fails the test.</summary>
    private static bool Outcome(byte[] bytes, string what)
    {
        try
        {
            V2TraceReaderTests.Read(bytes, "fuzz.trace");
            return true;
        }
        catch (ExecTraceFormatException e)
        {
            Assert.True(e.Offset >= 0 && e.Offset <= bytes.Length, $"{what}: offset {e.Offset} outside the {bytes.Length}-byte file: {e.Message}");
            Assert.StartsWith($"fuzz.trace: at byte {e.Offset}: ", e.Message, StringComparison.Ordinal);
            return false;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{what}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            return false;
        }
    }

    private static void WithinBudget(Action body) => Assert.True(Task.Run(body).Wait(Budget), $"did not finish within {Budget}");

    [Theory]
    [InlineData("go122-task-across-generations.test")]
    [InlineData("go122-confuse-seq-across-generations.test")]
    [InlineData("go122-annotations.test")]
    public void Truncation_at_every_offset_is_a_typed_error_at_or_before_the_cut(string file) => WithinBudget(() =>
    {
        var full = GoTextTrace.Load(V2TraceReaderTests.Data("go-testdata", file)).Binary;
        Assert.True(Outcome(full, "whole file"));
        var failed = 0;
        for (var n = 0; n < full.Length; n++)
        {
            var cut = full[..n];
            try
            {
                V2TraceReaderTests.Read(cut, "fuzz.trace");
            }
            catch (ExecTraceFormatException e)
            {
                Assert.InRange(e.Offset, 0, n);
                failed++;
            }
        }
        // A cut may fall between two batches of a complete earlier generation and read as a shorter trace; every other
        // cut fails. Every generation's tables and frequency come after its events, so nearly all cuts fail.
        Assert.True(failed >= full.Length * 9 / 10, $"{failed} of {full.Length} cuts failed");
    });

    [Theory]
    [InlineData("tracegen-go1.22.trace", 1)]
    [InlineData("tracegen-go1.23.trace", 2)]
    public void Truncation_of_a_recording_at_random_offsets_is_a_typed_error(string file, int seed) => WithinBudget(() =>
    {
        var full = File.ReadAllBytes(V2TraceReaderTests.Data(file));
        var rng = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var n = rng.Next(full.Length);
            Assert.False(Outcome(full[..n], $"cut at {n}"), $"a {file} cut at {n} read as a whole trace");
        }
    });

    [Fact]
    public void Seeded_random_mutations_give_statistics_or_typed_errors()
    {
        var seeds = new List<(string Name, byte[] Bytes)>
        {
            ("annotations", GoTextTrace.Load(V2TraceReaderTests.Data("go-testdata", "go122-annotations.test")).Binary),
            ("across-generations", GoTextTrace.Load(V2TraceReaderTests.Data("go-testdata", "go122-task-across-generations.test")).Binary),
            ("go1.22", File.ReadAllBytes(V2TraceReaderTests.Data("tracegen-go1.22.trace"))),
            ("annotations", GoTextTrace.Load(V2TraceReaderTests.Data("go-testdata", "go122-annotations.test")).Binary),
            ("go1.23", File.ReadAllBytes(V2TraceReaderTests.Data("tracegen-go1.23.trace"))),
        };
        var read = 0;
        var typed = 0;
        WithinBudget(() =>
        {
            for (var i = 0; i < 1200; i++)
            {
                var rng = new Random(1000 + i);
                var (name, original) = seeds[i % seeds.Count];
                var (mutated, how) = Mutate(original, rng);
                if (Outcome(mutated, $"seed {1000 + i} on {name}: {how}")) read++;
                else typed++;
            }
        });
        Assert.Equal(1200, read + typed);
        Assert.True(typed >= 600, $"only {typed} of 1200 mutations were refused");
    }

    [Fact]
    public void Go_fuzz_corpus_of_the_v2_parser_gives_statistics_or_typed_errors()
    {
        // internal/trace/testdata/fuzz/FuzzReader: inputs that once crashed or hung Go's own reader.
        var dir = V2TraceReaderTests.Data("go-testdata", "fuzz");
        var files = Directory.GetFiles(dir);
        Assert.True(files.Length >= 16);
        WithinBudget(() =>
        {
            foreach (var f in files)
            {
                var text = File.ReadAllText(f);
                var start = text.IndexOf("[]byte(", StringComparison.Ordinal) + "[]byte(".Length;
                var bytes = GoTextTrace.Unquote(text[start..text.LastIndexOf(')')]);
                Outcome(bytes, Path.GetFileName(f));
            }
        });
    }

    internal static (byte[] Bytes, string How) Mutate(byte[] original, Random rng)
    {
        var b = new List<byte>(original);
        var hows = new List<string>();
        var ops = 1 + rng.Next(4);
        for (var k = 0; k < ops && b.Count > 0; k++)
        {
            // Mostly past the 16-byte header, sometimes inside it.
            var at = rng.Next(10) == 0 ? rng.Next(Math.Min(16, b.Count)) : rng.Next(b.Count);
            switch (rng.Next(7))
            {
                case 0:
                    b[at] ^= (byte)(1 << rng.Next(8));
                    hows.Add($"flip bit at {at}");
                    break;
                case 1:
                    b[at] = (byte)rng.Next(256);
                    hows.Add($"byte at {at}");
                    break;
                case 2:
                    var run = 1 + rng.Next(12);
                    for (var j = at; j < Math.Min(b.Count, at + run); j++) b[j] = 0xFF;
                    hows.Add($"{run}x 0xFF at {at}");
                    break;
                case 3:
                    var del = Math.Min(b.Count - at, 1 + rng.Next(64));
                    b.RemoveRange(at, del);
                    hows.Add($"delete {del} at {at}");
                    break;
                case 4:
                    var ins = new byte[1 + rng.Next(16)];
                    rng.NextBytes(ins);
                    b.InsertRange(at, ins);
                    hows.Add($"insert {ins.Length} at {at}");
                    break;
                case 5:
                    var len = Math.Min(b.Count - at, 1 + rng.Next(256));
                    b.InsertRange(rng.Next(b.Count), b.GetRange(at, len));
                    hows.Add($"duplicate {len} from {at}");
                    break;
                default:
                    var small = (byte)rng.Next(1, 60);
                    b[at] = small;
                    hows.Add($"type-like byte {small} at {at}");
                    break;
            }
        }
        return ([.. b], string.Join(", ", hows));
    }
}
