using GoRuntimeLab.Labs;

namespace GoRuntimeLab.Tests.Labs;

/// <summary>The section 5.4 answers, worked out by hand from the leakhunt program's rules and its recordings.</summary>
public sealed class Chapter5LeakLabTests
{
    [Theory]
    // 8 frames × 1 KiB are written before each flush; the buffer's last growth gives it an 8 KiB array (768 KiB of
    // growSlice over 6 steps × 16 closed sessions in the recording), which Reset keeps and the map keeps alive.
    [InlineData("05.4-reset-retained", 8L)]
    // 4 workers block per round; 3 warm-up rounds before step 0 → 12 + 4 × 100.
    [InlineData("05.4-blocked-at-100", 412L)]
    public void The_answer_matches_the_hand_worked_rule(string id, long expected)
    {
        Assert.Equal(expected, LabCatalog.AnswerFor(id));
        Assert.Equal(LabStatus.Right, Lab.Check(id, expected).Status);
        Assert.NotEqual(LabStatus.Right, Lab.Check(id, expected + 1).Status);
    }
}
