using System.Globalization;
using CsCheck;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.GoTool;

public class WelcomeTraceTests
{
    private static string RecordingsDir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "welcome");

    private static string[] RecordingNames() =>
        [.. Directory.GetFiles(RecordingsDir, "*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Recordings() => new(RecordingNames());

    [Fact]
    public void The_four_welcome_recordings_exist()
    {
        // A rename or a lost file must fail here, not silently shrink the theory below.
        var names = RecordingNames();
        Assert.Equal(["sleep-default.txt", "sleep-work700ms.txt", "waitgroup-default.txt", "waitgroup-work700ms.txt"], names);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Every_recording_parses_and_shows_what_its_waiter_guarantees(string file)
    {
        var recording = GoRecording.Read(Path.Combine(RecordingsDir, file));
        var trace = WelcomeTrace.Parse(recording.Stdout, file);

        Assert.Equal(0, recording.ExitCode);
        Assert.Equal(3, trace.Launched);
        Assert.Equal(recording.GoVersionText, trace.GoVersionText);
        Assert.Equal(recording.Program.EndsWith("welcome-sleep", StringComparison.Ordinal) ? "sleep" : "waitgroup", trace.Waiter);
        // The begin line echoes the flags: it must agree with the arguments the header says were used.
        var work = recording.Args.Contains("-work") ? recording.Args[recording.Args.ToList().IndexOf("-work") + 1] : "300ms";
        Assert.Equal(double.Parse(work[..^2], CultureInfo.InvariantCulture), trace.WorkMs);
        Assert.All(trace.Goroutines, g => Assert.True(g.StartMs <= trace.ExitMs));

        if (trace.Waiter == "sleep")
        {
            // time.Sleep: main returns after -wait whatever the goroutines do. With 200 ms margins either way, all
            // finish (work < wait) or none does (work > wait) — the cut-off ones leave no trace at all.
            Assert.Equal(500, trace.WaitMs);
            Assert.InRange(trace.ExitMs, trace.WaitMs!.Value, trace.WaitMs.Value + 100);
            var expectedDone = trace.WorkMs < trace.WaitMs ? 3 : 0;
            Assert.Equal(expectedDone, trace.Finished);
            Assert.Equal(3 - expectedDone, trace.CutOff);
        }
        else
        {
            // sync.WaitGroup: every goroutine finishes before main returns, however long -work is.
            Assert.Null(trace.WaitMs);
            Assert.Equal(3, trace.Finished);
            Assert.Equal(0, trace.CutOff);
            Assert.All(trace.Goroutines, g => Assert.True(g.DoneMs <= trace.ExitMs, $"g={g.G} done at {g.DoneMs} after exit at {trace.ExitMs}"));
            Assert.InRange(trace.ExitMs, trace.WorkMs, trace.WorkMs + 100);
        }
    }

    [Fact]
    public void The_sleep_race_recording_has_three_started_and_none_finished()
    {
        var recording = GoRecording.Read(Path.Combine(RecordingsDir, "sleep-work700ms.txt"));
        var trace = WelcomeTrace.Parse(recording.Stdout, "sleep-work700ms.txt");
        Assert.Equal(3, trace.Goroutines.Count);
        Assert.All(trace.Goroutines, g => Assert.Null(g.DoneMs));
        Assert.Equal(3, trace.CutOff);
        Assert.Equal(["南山后端", "福田风控", "宝安嵌入式"], trace.Goroutines.Select(g => g.Role));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"sleep: 3 goroutines, 0 done before exit at {trace.ExitMs:0.0} ms, 3 cut off"), trace.ToString());
    }

    private const string Good = """
        t=+0.004ms event=begin waiter=sleep goroutines=3 work=300ms wait=500ms gomaxprocs=2 go=go1.19.8
        t=+0.051ms event=start g=1 role=南山后端
        t=+0.060ms event=start g=2 role=福田风控
        t=+300.402ms event=done g=1 role=南山后端
        t=+500.311ms event=exit
        """;

    [Fact]
    public void Parses_spans_counts_and_summary()
    {
        var trace = WelcomeTrace.Parse(Good + "\n");
        Assert.Equal(
            [new GoroutineSpan(1, "南山后端", 0.051, 300.402), new GoroutineSpan(2, "福田风控", 0.060, null)],
            trace.Goroutines);
        Assert.Equal(500.311, trace.ExitMs);
        Assert.Equal(1, trace.Finished);
        Assert.Equal(2, trace.CutOff); // g=2 never finished, g=3 never even printed "start"
        Assert.Equal(2, trace.GoMaxProcs);
        Assert.Equal(300.351, trace.Goroutines[0].DurationMs!.Value, 6);
        Assert.Equal("sleep: 3 goroutines, 1 done before exit at 500.3 ms, 2 cut off", trace.ToString());
    }

    [Fact]
    public void A_done_line_printed_after_exit_still_counts_as_finished()
    {
        // In the Sleep version a worker may print between main's exit line and the process's end.
        var text = Good.Replace("t=+500.311ms event=exit", "t=+300.1ms event=exit\nt=+300.2ms event=done g=2 role=福田风控", StringComparison.Ordinal);
        Assert.Equal(2, WelcomeTrace.Parse(text).Finished);
    }

    [Theory]
    [InlineData(3, "garbage", "is not an event line")]
    [InlineData(3, "t=-1ms event=start g=3 role=x", "is not an event line")]
    [InlineData(3, "t=+1.ms event=start g=3 role=x", "is not an event line")]
    [InlineData(3, "t=+1ms event=nap g=3", "unknown event \"nap\"")]
    [InlineData(3, "t=+1ms event=start g=1 role=南山后端", "g=1 starts twice")]
    [InlineData(3, "t=+1ms event=start g=0 role=x", "g=0 is not a positive integer")]
    [InlineData(3, "t=+1ms event=start g=x role=x", "g=x is not a positive integer")]
    [InlineData(3, "t=+1ms event=start g=3", "missing role=")]
    [InlineData(3, "t=+1ms event=start g=3 g=3 role=x", "field g appears twice")]
    [InlineData(3, "t=+1ms event=done g=3 role=x", "g=3 is done but never started")]
    [InlineData(3, "t=+0.01ms event=done g=1 role=南山后端", "before it started")]
    [InlineData(3, "t=+1ms event=done g=1 role=福田风控", "started as 南山后端")]
    [InlineData(6, "t=+501ms event=exit", "a second exit line")]
    [InlineData(3, "t=+1ms event=begin waiter=sleep goroutines=3 work=1ms wait=1ms", "a second begin line (the first is line 1)")]
    [InlineData(3, "t=+1e3ms event=exit", "is not an event line")]
    public void Bad_lines_fail_with_source_and_line_number(int line, string inserted, string expected)
    {
        var lines = Good.Split('\n').ToList();
        lines.Insert(line - 1, inserted);
        var e = Assert.Throws<KitInputException>(() => WelcomeTrace.Parse(string.Join('\n', lines), "run-42.txt"));
        Assert.StartsWith($"run-42.txt:{line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal("run-42.txt", e.FilePath);
        Assert.Equal(line, e.Line);
    }

    [Theory]
    [InlineData("t=+0.004ms event=begin waiter=sleep goroutines=3 work=300ms wait=500ms", "t=+0.004ms event=begin waiter=nap goroutines=3 work=300ms", "waiter=\"nap\"")]
    [InlineData("wait=500ms", "wait=500", "wait=500 is not a duration in ms")]
    [InlineData(" wait=500ms", "", "missing wait=")]
    [InlineData("goroutines=3", "goroutines=1", "2 goroutines started but the begin line says 1")]
    public void Bad_begin_lines_fail_at_line_1(string from, string to, string expected)
    {
        var e = Assert.Throws<KitInputException>(() => WelcomeTrace.Parse(Good.Replace(from, to, StringComparison.Ordinal), "b.txt"));
        Assert.StartsWith("b.txt:1: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_without_begin_or_exit_names_what_is_missing()
    {
        var noExit = Assert.Throws<KitInputException>(() => WelcomeTrace.Parse(Good.Replace("t=+500.311ms event=exit", "", StringComparison.Ordinal), "cut.txt"));
        Assert.StartsWith("cut.txt: no event=exit line", noExit.Message, StringComparison.Ordinal);
        var noBegin = Assert.Throws<KitInputException>(() => WelcomeTrace.Parse("", null));
        Assert.StartsWith("welcome output: no event=begin line", noBegin.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_text_never_fails_with_anything_but_KitInputException()
    {
        static void Check(string text)
        {
            try { WelcomeTrace.Parse(text, "random"); }
            catch (KitInputException e) { Assert.StartsWith("random", e.Message, StringComparison.Ordinal); }
        }

        Gen.String.Sample(Check);
        // Token soup reaches the deeper checks: plausible lines in any order, with odd numbers and duplicates.
        var token = Gen.OneOf<string>("t=+0.1ms", "t=+99999999999999999999999999999999999999ms", "t=+7ms", "event=begin", "event=start",
            "event=done", "event=exit", "g=1", "g=2", "g=-1", "g=99999999999", "role=南山后端", "role=", "waiter=sleep",
            "waiter=waitgroup", "goroutines=3", "goroutines=0", "work=1ms", "work=ms", "wait=2ms", "gomaxprocs=0", "go=go1.19.8", "=", " ");
        var line = Gen.Select(token.Array[0, 8], parts => string.Join(' ', parts));
        Gen.Select(line.Array[0, 12], lines => string.Join('\n', lines)).Sample(Check, iter: 20_000);
        var valid = Gen.Select(Gen.Int[1, 3], Gen.OneOf<string>("start", "done"), Gen.Double[0, 1000],
            (g, e, t) => string.Create(CultureInfo.InvariantCulture, $"t=+{t:0.000}ms event={e} g={g} role=r{g}"));
        Gen.Select(valid.Array[0, 8], lines =>
            "t=+0.001ms event=begin waiter=waitgroup goroutines=3 work=5ms\n" + string.Join('\n', lines) + "\nt=+1000.5ms event=exit")
            .Sample(text =>
            {
                try
                {
                    var trace = WelcomeTrace.Parse(text, "random");
                    Assert.InRange(trace.Finished, 0, trace.Goroutines.Count);
                    Assert.Equal(trace.Launched - trace.Finished, trace.CutOff);
                    Assert.All(trace.Goroutines, g => Assert.True(g.DoneMs is null || g.DoneMs >= g.StartMs));
                }
                catch (KitInputException e)
                {
                    Assert.StartsWith("random:", e.Message, StringComparison.Ordinal);
                }
            });
    }
}
