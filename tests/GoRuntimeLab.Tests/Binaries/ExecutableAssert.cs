using GoRuntimeLab.Binaries;

namespace GoRuntimeLab.Tests.Binaries;

/// <summary>Field-by-field comparison of what Go's debug packages saw (elfdump) and what the kit's reader read.</summary>
internal static class ExecutableAssert
{
    public static void Same(ExecutableInfo want, ExecutableInfo got)
    {
        Assert.Equal(want.FileSize, got.FileSize);
        Assert.Equal(want.Format, got.Format);
        Assert.Equal(want.Bits, got.Bits);
        Assert.Equal(want.BigEndian, got.BigEndian);
        Assert.Equal(want.MachineCode, got.MachineCode);
        if (got.MachineName.Length > 0) Assert.Equal(want.MachineName, got.MachineName);
        if (got.TypeName.Length > 0) Assert.Equal(want.TypeName, got.TypeName);
        Assert.Equal(want.Programs.Select(p => (p.Type, p.FileSize, p.MemSize)), got.Programs.Select(p => (p.Type, p.FileSize, p.MemSize)));
        foreach (var p in got.Programs.Where(p => p.TypeName.Length > 0))
            Assert.Equal(want.Programs.First(w => w.Type == p.Type).TypeName, p.TypeName);
        Assert.Equal(want.Interpreter, got.Interpreter);
        Assert.Equal(want.IsDynamic, got.IsDynamic);
        Assert.Equal(want.Subsystem, got.Subsystem);
        Assert.Equal(want.HasSymbolTable, got.HasSymbolTable);
        Assert.Equal(want.Sections.Select(s => (s.Name, s.TypeCode, s.Size, s.FileSize, s.Flags, s.VirtualSize)),
            got.Sections.Select(s => (s.Name, s.TypeCode, s.Size, s.FileSize, s.Flags, s.VirtualSize)));
        foreach (var s in got.Sections.Where(s => s.TypeName.Length > 0))
            Assert.Equal(want.Section(s.Name)!.TypeName, s.TypeName);
        Assert.Equal(want.BuildInfo?.GoVersion, got.BuildInfo?.GoVersion);
        Assert.Equal(want.BuildInfo?.Path, got.BuildInfo?.Path);
        Assert.Equal(want.BuildInfo?.Settings, got.BuildInfo?.Settings);
    }
}
