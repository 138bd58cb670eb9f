using GoRuntimeLab.Escape;
using GoRuntimeLab.GoTool;
using GoRuntimeLab.Labs;
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
    public void Kind_lab_takes_its_answer_from_the_compiler_output()
    {
        Assert.Equal(LabStatus.NotAnswered, Lab.Check("02.2-escape-kind", null).Status);
        var right = Lab.Check("02.2-escape-kind", EscapeKind.LeakingParamContent);
        Assert.Equal(LabStatus.Right, right.Status);
        Assert.Contains("leaking param content: pp", right.Message, StringComparison.Ordinal);
        Assert.Equal(LabStatus.Right, Lab.Check("02.2-escape-kind", "leakingParamContent").Status);
        Assert.Equal(LabStatus.Wrong, Lab.Check("02.2-escape-kind", EscapeKind.LeakingParam).Status);
    }

    [Fact]
    public async Task Without_go_answers_are_checked_against_the_recorded_limits()
    {
        Assert.Equal(65536, EscapeExercise.LargestConstantMakeOnStack(EscapeParser.ParseFile(Recording)));
        Assert.False((await EscapeExercise.CheckNoHeapAsync("", "Sum", Recording, null)).Ok);
        var slow = await EscapeExercise.CheckNoHeapAsync(Slow, "Sum", Recording, null);
        Assert.False(slow.Ok);
        Assert.Contains("len(xs)", slow.Detail, StringComparison.Ordinal);
        Assert.Contains("no Go here", slow.Detail, StringComparison.Ordinal);
        Assert.True((await EscapeExercise.CheckNoHeapAsync(Fixed, "Sum", Recording, null)).Ok);
        Assert.True((await EscapeExercise.CheckNoHeapAsync(FixedWithMake, "Sum", Recording, null)).Ok);
        Assert.False((await EscapeExercise.CheckNoHeapAsync(TooBig, "Sum", Recording, null)).Ok);
        Assert.False((await EscapeExercise.CheckNoHeapAsync(Fixed, "Total", Recording, null)).Ok);
    }

    [SkippableFact]
    public async Task With_go_answers_are_compiled_and_agree_with_the_recorded_rule()
    {
        var go = GoToolchain.Find();
        Requirement.Tool(go is not null, "GOLAB_REQUIRE_GO", "Go is not installed (no `go` on PATH or in $GOROOT/bin)");
        foreach (var (source, verdict) in new[] { (Slow, false), (Fixed, true), (FixedWithMake, true), (TooBig, false) })
        {
            var live = await EscapeExercise.CheckNoHeapAsync(source, "Sum", Recording, go);
            Assert.Equal(verdict, live.Ok);
            Assert.Contains("compiled with go1.", live.Detail, StringComparison.Ordinal);
            // The offline rule gives the same verdict as the compiler on these answers.
            Assert.Equal(verdict, (await EscapeExercise.CheckNoHeapAsync(source, "Sum", Recording, null)).Ok);
        }
        var broken = await EscapeExercise.CheckNoHeapAsync("package main\n\nfunc Sum() int {\n\treturn nope\n}\n", "Sum", Recording, go);
        Assert.Contains("undefined: nope", broken.Detail, StringComparison.Ordinal);
    }
}
