using GoRuntimeLab.Defer;
using GoRuntimeLab.Exercises;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Metrics;
using GoRuntimeLab.Pprof;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests;

/// <summary>Each chapter exercise accepts its right answer, rejects a neighbour without giving the answer away,
/// and waits for an answer when given null.</summary>
public class ChapterExercisesTests
{
    private static string Data(params string[] parts) => Path.Combine([Requirement.RepoRoot(), "data", .. parts]);

    private static void Check<T>(Func<T?, ExerciseResult> exercise, T right, T wrong) where T : struct
    {
        Assert.Equal(ExerciseVerdict.NotAnswered, exercise(null).Verdict);
        var correct = exercise(right);
        Assert.Equal(ExerciseVerdict.Correct, correct.Verdict);
        var miss = exercise(wrong);
        Assert.Equal(ExerciseVerdict.Wrong, miss.Verdict);
        Assert.DoesNotContain(correct.Feedback, miss.Feedback, StringComparison.Ordinal); // the explanation only after a right answer
        Assert.DoesNotContain(right.ToString()!, miss.Feedback.Replace($"your answer: {wrong}", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Model_answers()
    {
        Check<int>(ChapterExercises.SizeClassOf100Bytes, 9, 8);
        Check<long>(ChapterExercises.Pointerful576BytesGo123, 640, 576);
        Check<int>(ChapterExercises.SleeperWakesWithoutAsyncPreemption, 200, 14);
        Check<int>(ChapterExercises.ReceivesAfterClose, 3, 2);
        Check<int>(ChapterExercises.MaxReturnsForThreeDefers, 5, 6);
        var yuasa = GoRuntimeLab.Gc.Mark.MarkScenarios.LostObject(GoRuntimeLab.Gc.Mark.WriteBarrierMode.YuasaDeletion).Run();
        var step = yuasa.States.First(s => s.Events.Any(e => e.Contains("shade(old C)", StringComparison.Ordinal))).Step;
        Check<int>(ChapterExercises.YuasaSavesC, step, step + 1);
        var waits = GoRuntimeLab.Sched.Scheduler.Run("syscall-mix", GoRuntimeLab.Sched.SchedConfig.Default.WithProcs(4).WithSeed(1))
            .Goroutines.Count(g => g.RunnableTime > 10_000_000);
        Assert.InRange(waits, 1, 8);
        Check<int>(ChapterExercises.LongRunnableWaits, waits, waits + 1);
    }

    [Fact]
    public void Recording_answers()
    {
        var slow = GoRecording.Read(Data("recordings", "welcome", "sleep-work700ms.txt"));
        var trace = WelcomeTrace.Parse(slow.Stdout, "sleep-work700ms.txt");
        Check<int>(a => ChapterExercises.WelcomeCutOff(a, trace), 3, 2);

        var cases = DeferCases.Load(Data("go", "defer"));
        Check<int>(a => ChapterExercises.NineDefersStackAllocated(a, cases, Data("recordings", "defer", "d-defer-default-go1.19.8.log")), 9, 8);

        var leak = PprofProfile.Diff(PprofReader.Read(Data("recordings", "pprof", "leak-before.pb.gz")), PprofReader.Read(Data("recordings", "pprof", "leak-after.pb.gz"))).Top();
        var mb = (long)Math.Round(leak.Rows.Single(r => r.Function == "main.handleRequest").Flat / 1048576.0);
        Assert.InRange(mb, 20, 40); // ~30 000 requests × 1 KiB between the two profiles
        Check<long>(a => ChapterExercises.LeakGrowthMb(a, leak), mb, mb + 1);

        var process = new SimulatedGoProcess(ProcessConfig.Default).AdvanceTo(30_000_000_000);
        var samples = process.Read("/gc/pauses:seconds").Histogram!.Total;
        Assert.True(samples >= 2 * (ulong)process.CompletedCycles.Count);
        Check<ulong>(a => ChapterExercises.PauseSamples(a, process), samples, samples + 1);
    }
}
