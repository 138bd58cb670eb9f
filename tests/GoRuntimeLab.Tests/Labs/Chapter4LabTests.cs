using GoRuntimeLab.Labs;

namespace GoRuntimeLab.Tests.Labs;

/// <summary>The chapter 4 answers, worked out by hand from the Go rules the models mirror.</summary>
public sealed class Chapter4LabTests
{
    [Theory]
    // 5 dials in the first wave, then 3 per wave (2 idle conns kept, transport.go tryPutIdleConn) for 9 more waves.
    [InlineData("04.2-wave-dials", 32L)]
    // 6 queries per wave, MaxOpenConns 4: 2 wait in DB.conn per wave, 10 waves.
    [InlineData("04.2-sql-wait-count", 20L)]
    // 386: uint8 @0, int64 @4 (align 4), string @12 (8), []string @20 (12), bool @32 → 33 → rounded to 36.
    [InlineData("04.3-size-386", 36L)]
    // 16+24+8 (8-aligned) + 4 + 2 + 3×1 = 57 → rounded to 64.
    [InlineData("04.3-optimal-size", 64L)]
    // Max at 16+24+8+8+96 = 152 → line 152/64 = 2.
    [InlineData("04.3-cache-line", 2L)]
    public void The_answer_matches_the_hand_worked_rule(string id, long expected)
    {
        Assert.Equal(expected, LabCatalog.AnswerFor(id));
        Assert.Equal(LabStatus.Right, Lab.Check(id, expected).Status);
    }
}
