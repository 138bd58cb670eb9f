using GoRuntimeLab.Labs;

namespace GoRuntimeLab.Tests.Labs;

/// <summary>The 5.2 answers, worked out by hand from data/recordings/build (Go 1.19.8's debug/elf and debug/pe).</summary>
public sealed class Chapter5CrossLabTests
{
    [Theory]
    // cross-go1.19.8.tsv: every plain cross ELF has "dynamic false" (cgo off when cross-compiling); windows/amd64 has
    // .idata ("dynamic true"); elfdump-go1.19.8.tsv: httpsvc__default has PT_INTERP /lib64/ld-linux-x86-64.so.2. → 2.
    [InlineData("05.2-dynamic-count", 2L)]
    // linux-arm64 7317159 bytes, linux-arm64-cgo0-s-w 5046272: 100 × 2270887 / 7317159 = 31.03 → 31.
    [InlineData("05.2-arm64-saving", 31L)]
    public void The_answer_matches_the_recorded_builds(string id, long expected)
    {
        Assert.Equal(expected, LabCatalog.AnswerFor(id));
        Assert.Equal(LabStatus.Right, Lab.Check(id, expected).Status);
        Assert.Equal(LabStatus.Wrong, Lab.Check(id, expected + 1).Status);
    }
}
