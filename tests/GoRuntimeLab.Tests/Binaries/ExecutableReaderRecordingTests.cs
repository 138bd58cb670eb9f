using GoRuntimeLab.Binaries;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Binaries;

/// <summary>
/// Without Go: the reader on the committed C executable against the recorded debug/elf output (elfdump), and the
/// recorded build matrix read back (data/recordings/build, data/README.md).
/// </summary>
public sealed class ExecutableReaderRecordingTests
{
    internal static string Dir => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "build");

    [Fact]
    public void TinyC_AgreesWithRecordedDebugElf()
    {
        var want = Assert.Single(ElfDump.Read(Path.Combine(Dir, "tiny-hello.elfdump.tsv")));
        var got = ExecutableReader.Read(Path.Combine(Dir, "tiny-hello"));
        ExecutableAssert.Same(want, got);
        Assert.Null(got.BuildInfo);
        Assert.Equal("/lib64/ld-linux-x86-64.so.2", got.Interpreter);
        Assert.False(got.HasGoPclntab);
    }

    [Fact]
    public void ElfDump_MalformedLines_NameFileAndLine()
    {
        var e = Assert.ThrowsAny<KitInputException>(() => ElfDump.Parse("file\tx\nsize\tabc\nend\n", "d.tsv"));
        Assert.Equal(("d.tsv", 2), (e.FilePath, e.Line));
        Assert.ThrowsAny<KitInputException>(() => ElfDump.Parse("file\tx\nsize\t1\n", "d.tsv"));
        Assert.ThrowsAny<KitInputException>(() => ElfDump.Parse("", "d.tsv"));
    }
}
