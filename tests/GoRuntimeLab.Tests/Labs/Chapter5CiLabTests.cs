using GoRuntimeLab.Labs;

namespace GoRuntimeLab.Tests.Labs;

/// <summary>The case 5.3 answers, worked out by hand from the recordings and the rules the libraries mirror.</summary>
public sealed class Chapter5CiLabTests
{
    [Theory]
    // coverdemo-grade-only: 7 of 23 statements; the gate needs 100·c/23 ≥ 85 → c ≥ 19.55 → 20; 20 − 7 = 13.
    [InlineData("05.3-cover-missing", 13L)]
    // The first n Join runs of old and new never overlap (old ≥ 42 µs, new ≤ 3.3 µs): the two-sided U-test's exact p is
    // 2/C(2n, n) — n = 3: 2/20 = 0.1 > 0.05; n = 4: 2/70 ≈ 0.029 ≤ 0.05.
    [InlineData("05.3-bench-runs", 4L)]
    public void The_answer_matches_the_hand_worked_rule(string id, long expected)
    {
        Assert.Equal(expected, LabCatalog.AnswerFor(id));
        Assert.Equal(LabStatus.Right, Lab.Check(id, expected).Status);
        Assert.Equal(LabStatus.Wrong, Lab.Check(id, expected + 1).Status);
    }

    [Theory]
    // racedemo-run-go1.23.5.txt, second report: "Read at 0x0000005f2b10 by main goroutine: main.Peek() …main.go:50".
    [InlineData("main", LabStatus.Right)]
    [InlineData("Main Goroutine", LabStatus.Right)]
    [InlineData("9", LabStatus.Wrong)]
    [InlineData("10", LabStatus.Wrong)]
    public void The_reader_of_Flag_under_go_run_is_the_main_goroutine(string answer, LabStatus status)
    {
        Assert.Equal("main", LabCatalog.AnswerFor("05.3-race-reader"));
        Assert.Equal(status, Lab.Check("05.3-race-reader", answer).Status);
    }
}
