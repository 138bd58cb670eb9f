using GoRuntimeLab.Escape;
using GoRuntimeLab.Exercises;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Escape;

public class EscapeExerciseTests
{
    private const string Slow = "package main\n\nfunc Sum(xs []int) int {\n\tbuf := make([]int, len(xs))\n\tcopy(buf, xs)\n\tt := 0\n\tfor _, v := range buf {\n\t\tt += v\n\t}\n\treturn t\n}\n\nfunc main() { _ = Sum(nil) }\n";
    private const string Fixed = "package main\n\nfunc Sum(xs []int) int {\n\tvar buf [64]int\n\tn := copy(buf[:], xs)\n\tt := 0\n\tfor _, v := range buf[:n] {\n\t\tt += v\n\t}\n\treturn t\n}\n\nfunc main() { _ = Sum(nil) }\n";
    private const string FixedWithMake = "package main\n\nfunc Sum(xs []int) int {\n\tbuf := make([]int, 0, 64)\n\tbuf = append(buf, xs...)\n\tt := 0\n\tfor _, v := range buf {\n\t\tt += v\n\t}\n\treturn t\n}\n\nfunc main() { _ = Sum(nil) }\n";
    private const string TooBig = "package main\n\nfunc Sum(xs []int) int {\n\tbuf := make([]int, 9000)\n\tn := copy(buf, xs)\n\treturn n\n}\n\nfunc main() { _ = Sum(nil) }\n";

    private static string Recording => EscapeData.Recording("go1.23", 1);

    [Fact]
    public void Kind_question_takes_its_answer_from_the_compiler_output()
    {
        var report = EscapeParser.ParseFile(EscapeData.Recording("go1.19", 1));
        Assert.Equal(ExerciseVerdict.NotAnswered, EscapeExercise.CheckKind("q", null, report, "pointers.go", 56, "pp").Verdict);
        var right = EscapeExercise.CheckKind("q", EscapeKind.LeakingParamContent, report, "pointers.go", 56, "pp");
        Assert.Equal(ExerciseVerdict.Correct, right.Verdict);
        Assert.Contains("leaking param content: pp", right.Feedback, StringComparison.Ordinal);
        Assert.Equal(ExerciseVerdict.Wrong, EscapeExercise.CheckKind("q", EscapeKind.LeakingParam, report, "pointers.go", 56, "pp").Verdict);
    }

    [Fact]
    public async Task Without_go_answers_are_checked_against_the_recorded_limits()
    {
        Assert.Equal(65536, EscapeExercise.LargestConstantMakeOnStack(EscapeParser.ParseFile(Recording)));
        Assert.Equal(ExerciseVerdict.NotAnswered, (await EscapeExercise.CheckNoHeapAsync("q", null, "Sum", Recording, null)).Verdict);
        var slow = await EscapeExercise.CheckNoHeapAsync("q", Slow, "Sum", Recording, null);
        Assert.Equal(ExerciseVerdict.Wrong, slow.Verdict);
        Assert.Contains("len(xs)", slow.Feedback, StringComparison.Ordinal);
        Assert.Contains("no Go here", slow.Feedback, StringComparison.Ordinal);
        Assert.Equal(ExerciseVerdict.Correct, (await EscapeExercise.CheckNoHeapAsync("q", Fixed, "Sum", Recording, null)).Verdict);
        Assert.Equal(ExerciseVerdict.Correct, (await EscapeExercise.CheckNoHeapAsync("q", FixedWithMake, "Sum", Recording, null)).Verdict);
        Assert.Equal(ExerciseVerdict.Wrong, (await EscapeExercise.CheckNoHeapAsync("q", TooBig, "Sum", Recording, null)).Verdict);
        Assert.Equal(ExerciseVerdict.Wrong, (await EscapeExercise.CheckNoHeapAsync("q", Fixed, "Total", Recording, null)).Verdict);
    }

    [SkippableFact]
    public async Task With_go_answers_are_compiled_and_agree_with_the_recorded_rule()
    {
        var go = GoToolchain.Find();
        Requirement.Tool(go is not null, "GOLAB_REQUIRE_GO", "Go is not installed (no `go` on PATH or in $GOROOT/bin)");
        foreach (var (source, verdict) in new[] { (Slow, ExerciseVerdict.Wrong), (Fixed, ExerciseVerdict.Correct), (FixedWithMake, ExerciseVerdict.Correct), (TooBig, ExerciseVerdict.Wrong) })
        {
            var live = await EscapeExercise.CheckNoHeapAsync("q", source, "Sum", Recording, go);
            Assert.Equal(verdict, live.Verdict);
            Assert.Contains("compiled with go1.", live.Feedback, StringComparison.Ordinal);
            // The offline rule gives the same verdict as the compiler on these answers.
            Assert.Equal(verdict, (await EscapeExercise.CheckNoHeapAsync("q", source, "Sum", Recording, null)).Verdict);
        }
        var broken = await EscapeExercise.CheckNoHeapAsync("q", "package main\n\nfunc Sum() int {\n\treturn nope\n}\n", "Sum", Recording, go);
        Assert.Contains("undefined: nope", broken.Feedback, StringComparison.Ordinal);
    }
}
