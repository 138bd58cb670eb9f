using GoRuntimeLab.Binaries;
using GoRuntimeLab.Charts.Binaries;
using Plotly.NET;

namespace GoRuntimeLab.Tests.Binaries;

/// <summary>
/// The recorded build matrix (data/recordings/build): what the linker's -s and -w remove, by Go's own debug/elf, and
/// the course's claims checked against it.
/// </summary>
public sealed class BuildMatrixRecordingTests
{
    public static TheoryData<string> Versions() => [.. BuildMatrixRecording.Versions(ExecutableReaderRecordingTests.Dir)];

    [Theory]
    [MemberData(nameof(Versions))]
    public void StripFlags_RemoveSymtabAndDwarf_KeepPclntab(string version)
    {
        var r = BuildMatrixRecording.Read(ExecutableReaderRecordingTests.Dir, version);
        Assert.Equal(version, r.Build("hello", "default").BuildInfo!.GoVersion);
        foreach (var program in new[] { "hello", "httpsvc" })
        {
            var plain = r.Build(program, "default");
            var sw = r.Build(program, "s-w");
            var s = r.Build(program, "s");
            var w = r.Build(program, "w");
            Assert.True(plain.HasSymbolTable && plain.HasDwarf && plain.HasGoPclntab);
            Assert.True(sw.IsStripped && !sw.HasDwarf && sw.HasGoPclntab);
            // On Linux, -s alone drops DWARF too (cmd/link dwarfEnabled: "-s" and not darwin; Go 1.22: -s implies -w).
            Assert.Equal((sw.FileSize, false), (s.FileSize, s.HasDwarf));
            Assert.True(w.HasSymbolTable && !w.HasDwarf);
            Assert.Equal(plain.Section(".gopclntab")!.Size, sw.Section(".gopclntab")!.Size);
            Assert.Equal(plain.Section(".text")!.Size, sw.Section(".text")!.Size);
            Assert.Equal("-s -w", sw.BuildInfo!.Setting("-ldflags"));
        }
        // net with cgo: dynamic by default; CGO_ENABLED=0 static.
        Assert.True(r.Build("httpsvc", "default").IsDynamic);
        Assert.True(r.Build("httpsvc", "cgo0").IsStatic);
        Assert.True(r.Build("hello", "default").IsStatic);
        Assert.Equal("v3", r.Build("hello", "amd64v3").BuildInfo!.Setting("GOAMD64"));
        // The course's -gcflags="-l -s -trimpath": the compiler has no -s.
        Assert.Equal("flag provided but not defined: -s", r.Meta["course-command-result"]);
        // -l / -N -l: nothing inlined in the main package.
        Assert.All(r.Inlining.Where(i => i.FlagSet is "all-l" or "N-l" && i.Scope == "main"), i => Assert.Equal((0, 0), (i.CanInline, i.InliningCalls)));
        Assert.Contains(r.Inlining, i => i.FlagSet == "default" && i.Scope == "main" && i.InliningCalls > 0);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void CrossBuilds_StaticElfWithoutCgo_PeImportsDlls(string version)
    {
        var r = BuildMatrixRecording.Read(ExecutableReaderRecordingTests.Dir, version);
        if (r.Cross.Count == 0) return; // the cross stage was not recorded for this release (data/README.md)
        var machines = new Dictionary<string, (string Machine, int Bits)>
        {
            ["linux-arm64"] = ("EM_AARCH64", 64), ["linux-armv7"] = ("EM_ARM", 32), ["linux-riscv64"] = ("EM_RISCV", 64),
            ["linux-mipsle"] = ("EM_MIPS", 32), ["windows-amd64"] = ("IMAGE_FILE_MACHINE_AMD64", 64),
        };
        foreach (var (target, (machine, bits)) in machines)
        {
            var plain = r.Cross[$"httpsvc__{target}"];
            var small = r.Cross[$"httpsvc__{target}-cgo0-s-w"];
            Assert.Equal((machine, bits, false), (plain.MachineName, plain.Bits, plain.BigEndian));
            Assert.Equal("0", plain.BuildInfo!.Setting("CGO_ENABLED")); // cross-compiling: cgo off by default
            Assert.Equal(target.StartsWith("windows", StringComparison.Ordinal), plain.IsDynamic);
            Assert.True(small.IsStripped && !small.HasDwarf && small.FileSize < plain.FileSize);
        }
        var gui = r.Cross["httpsvc__windows-amd64-gui"];
        var console = r.Cross["httpsvc__windows-amd64"];
        Assert.Equal((3, 2), (console.Subsystem, gui.Subsystem));
        Assert.Equal(console.Sections.Select(s => (s.Name, s.Size)), gui.Sections.Select(s => (s.Name, s.Size)));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void SectionGroups_AddUpToTheFileSize(string version)
    {
        var r = BuildMatrixRecording.Read(ExecutableReaderRecordingTests.Dir, version);
        foreach (var b in r.Builds.Values)
            Assert.Equal(b.FileSize, SectionGroup.FileBytes(b).Values.Sum());
    }

    [Fact]
    public void Charts_DrawEveryGroupAndTarget()
    {
        var r = BuildMatrixRecording.Read(ExecutableReaderRecordingTests.Dir, "go1.19.8");
        var html = GenericChart.toChartHTML(BinaryCharts.SectionSizes(r.FlagSetsOf("httpsvc").Select(f => (f, r.Build("httpsvc", f)))));
        Assert.Contains("调试信息 DWARF", html, StringComparison.Ordinal);
        Assert.Contains("cgo0-s-w-trimpath", html, StringComparison.Ordinal);
        var targets = GenericChart.toChartHTML(BinaryCharts.TargetSizes(r.FlagSetsOf("hello").Select(f => (f, r.Build("hello", f)))
            .Append(("httpsvc", r.Build("httpsvc", "default")))));
        Assert.Contains("静态 static", targets, StringComparison.Ordinal);
        Assert.Contains("动态 dynamic", targets, StringComparison.Ordinal);
        Assert.Throws<KitInputException>(() => BinaryCharts.SectionSizes([]));
    }
}
