using GoRuntimeLab.Binaries;

namespace GoRuntimeLab.Tests.Binaries;

/// <summary>
/// The kit's ELF/PE reader against Go's own debug/elf, debug/pe and debug/buildinfo (data/go/elfdump) on binaries
/// built by the installed Go: 64-bit little-endian ELF (static and dynamic, stripped and not), 32-bit big-endian ELF
/// (mips), arm64, and PE console/GUI. Skipped without Go; a failure when GOLAB_REQUIRE_GO=1.
/// </summary>
public sealed class ExecutableReaderLiveTests
{
    public static TheoryData<string> Names() => [.. LiveBinaries.Builds.Keys];

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Reader_AgreesWithGoDebugElfAndPe(string name)
    {
        var path = LiveBinaries.Path(name);
        var want = Assert.Single(ElfDump.Parse(LiveBinaries.ElfDump(name)));
        var got = ExecutableReader.Read(path);
        ExecutableAssert.Same(want, got);
    }

    [SkippableFact]
    public void Facts_StaticDynamicStrippedSubsystem()
    {
        var hello = ExecutableReader.Read(LiveBinaries.Path("hello"));
        Assert.True(hello.IsStatic);          // no cgo package imported: the internal linker, no PT_INTERP
        Assert.False(hello.IsStripped);
        Assert.True(hello.HasDwarf);
        Assert.True(hello.HasGoPclntab);
        Assert.True(hello.HasGoBuildIdNote);

        var stripped = ExecutableReader.Read(LiveBinaries.Path("hello-s-w"));
        Assert.True(stripped.IsStripped);
        Assert.False(stripped.HasDwarf);
        Assert.True(stripped.HasGoPclntab);   // -s -w keep the pc-line table: stack traces and profiles keep names
        Assert.Equal("-s -w", stripped.BuildInfo!.Setting("-ldflags"));
        Assert.True(stripped.FileSize < hello.FileSize);

        var svc = ExecutableReader.Read(LiveBinaries.Path("httpsvc"));
        Assert.True(svc.IsDynamic);           // net with cgo: the system resolver, so the external loader
        Assert.StartsWith("/", svc.Interpreter);

        var mips = ExecutableReader.Read(LiveBinaries.Path("hello-mips"));
        Assert.Equal((32, true, "EM_MIPS"), (mips.Bits, mips.BigEndian, mips.MachineName));
        Assert.True(mips.IsStatic);

        var console = ExecutableReader.Read(LiveBinaries.Path("hello-windows.exe"));
        var gui = ExecutableReader.Read(LiveBinaries.Path("hello-windows-gui-s-w.exe"));
        Assert.Equal(("WINDOWS_CUI", "WINDOWS_GUI"), (console.SubsystemName, gui.SubsystemName));
        Assert.Equal("IMAGE_FILE_MACHINE_AMD64", console.MachineName);
        Assert.False(console.IsStripped);
        Assert.True(gui.IsStripped);
        Assert.Equal("windows", console.BuildInfo!.Setting("GOOS"));
    }
}
