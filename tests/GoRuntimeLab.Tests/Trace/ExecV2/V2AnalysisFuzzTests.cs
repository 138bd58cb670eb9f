using GoRuntimeLab.Trace.Exec;

namespace GoRuntimeLab.Tests.Trace.ExecV2;

/// <summary>
/// The ordering, summary, profile, Chrome and task paths of Go 1.22+ traces on truncated and corrupted input: every
/// outcome is a result or an <see cref="ExecTraceFormatException"/> whose offset lies within the file — never another
/// exception, never a hang.
/// </summary>
public class V2AnalysisFuzzTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    private static readonly Func<Stream, object>[] Analyses =
    [
        s => ExecTrace.Goroutines(s, "fuzz.trace"),
        s => ExecTrace.Profile(s, "fuzz.trace", ExecTraceProfileKind.Sched),
        s => ExecTrace.ToChromeTrace(s, "fuzz.trace"),
        s => ExecTrace.Tasks(s, "fuzz.trace"),
    ];

    /// <summary>Runs analysis <paramref name="which"/> on <paramref name="bytes"/>; true when it gave a result, false on a typed error.</summary>
    private static bool Outcome(byte[] bytes, int which, string what)
    {
        try
        {
            using var s = new MemoryStream(bytes, writable: false);
            Analyses[which](s);
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
    [InlineData("go122-annotations.test")]
    [InlineData("go122-task-across-generations.test")]
    [InlineData("go122-syscall-steal-proc-simple.test")]
    public void Go_s_test_traces_analyse_whole_and_truncated_give_typed_errors(string file) => WithinBudget(() =>
    {
        var full = GoTextTrace.Load(V2TraceReaderTests.Data("go-testdata", file)).Binary;
        for (var a = 0; a < Analyses.Length; a++) Assert.True(Outcome(full, a, $"whole file, analysis {a}"));
        for (var n = 0; n < full.Length; n++) Outcome(full[..n], n % Analyses.Length, $"cut at {n}");
    });

    [Theory]
    [InlineData("tracegen-go1.22.trace", 1)]
    [InlineData("tracegen-go1.23.trace", 2)]
    public void Truncated_recordings_are_typed_errors(string file, int seed) => WithinBudget(() =>
    {
        var full = File.ReadAllBytes(V2TraceReaderTests.Data(file));
        var rng = new Random(seed);
        for (var i = 0; i < 40; i++)
        {
            var n = rng.Next(full.Length);
            Assert.False(Outcome(full[..n], i % Analyses.Length, $"cut at {n}"), $"a {file} cut at {n} was analysed as a whole trace");
        }
    });

    [Fact]
    public void Seeded_random_mutations_give_results_or_typed_errors()
    {
        var seeds = new List<(string Name, byte[] Bytes)>
        {
            ("annotations", GoTextTrace.Load(V2TraceReaderTests.Data("go-testdata", "go122-annotations.test")).Binary),
            ("across-generations", GoTextTrace.Load(V2TraceReaderTests.Data("go-testdata", "go122-task-across-generations.test")).Binary),
            ("steal", GoTextTrace.Load(V2TraceReaderTests.Data("go-testdata", "go122-syscall-steal-proc-simple.test")).Binary),
            ("go1.23", File.ReadAllBytes(V2TraceReaderTests.Data("tracegen-go1.23.trace"))),
        };
        var typed = 0;
        WithinBudget(() =>
        {
            for (var i = 0; i < 400; i++)
            {
                var rng = new Random(5000 + i);
                var (name, original) = seeds[i % seeds.Count];
                var (mutated, how) = V2TraceFuzzTests.Mutate(original, rng);
                if (!Outcome(mutated, i % Analyses.Length, $"seed {5000 + i} on {name}: {how}")) typed++;
            }
        });
        Assert.True(typed >= 200, $"only {typed} of 400 mutations were refused");
    }

    [Fact]
    public void Go_fuzz_corpus_gives_results_or_typed_errors() => WithinBudget(() =>
    {
        foreach (var f in Directory.GetFiles(V2TraceReaderTests.Data("go-testdata", "fuzz")))
        {
            var text = File.ReadAllText(f);
            var start = text.IndexOf("[]byte(", StringComparison.Ordinal) + "[]byte(".Length;
            var bytes = GoTextTrace.Unquote(text[start..text.LastIndexOf(')')]);
            for (var a = 0; a < Analyses.Length; a++) Outcome(bytes, a, $"{Path.GetFileName(f)}, analysis {a}");
        }
    });

    [Theory]
    [InlineData("go122-fail-first-gen-first.test")]
    [InlineData("go122-create-syscall-with-p.test")]
    public void Go_s_failing_test_traces_fail_as_go_s_reader_does(string file)
    {
        // Go's reader expects FAILURE "expected a proc but didn't have one" (order.go validateCtx) for both; the first
        // also has a truncated batch in its next generation, which Go 1.23 reports only after ordering the first.
        var t = GoTextTrace.Load(V2TraceReaderTests.Data("go-testdata", file));
        Assert.StartsWith("FAILURE", t.Expect, StringComparison.Ordinal);
        using var s = new MemoryStream(t.Binary, writable: false);
        var e = Assert.Throws<ExecTraceFormatException>(() => ExecTrace.Goroutines(s, "fail.trace"));
        Assert.Contains("broken trace: expected a proc but didn't have one", e.Message, StringComparison.Ordinal);
    }
}
