// Mirrors: the section layout cmd/link writes (cmd/link/internal/ld/data.go and elf.go: .text, .rodata, .gopclntab,
// .go.buildinfo, .noptrdata/.data/.bss, .debug_* from dwarf.go, .symtab/.strtab from symtab.go), grouped for teaching.
namespace GoRuntimeLab.Binaries;

/// <summary>Where the bytes of a Go executable go, in the groups the size chart stacks.</summary>
public static class SectionGroup
{
    /// <summary>The groups in stacking order.</summary>
    public static readonly IReadOnlyList<string> Order = ["code", "rodata", "pclntab", "data", "dwarf", "symtab", "other"];

    /// <summary>The group of <paramref name="section"/>: code (.text), rodata (.rodata, .typelink, .itablink), pclntab
    /// (.gopclntab), data (.data, .noptrdata, .go.buildinfo), dwarf (.debug_*), symtab (.symtab, .strtab), other.</summary>
    public static string Of(BinarySection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.Name switch
        {
            ".text" => "code",
            ".rodata" or ".typelink" or ".itablink" or ".rdata" => "rodata",
            ".gopclntab" => "pclntab",
            ".data" or ".noptrdata" or ".go.buildinfo" or ".data.rel.ro" => "data",
            ".symtab" or ".strtab" => "symtab",
            _ when section.IsDwarf => "dwarf",
            _ => "other",
        };
    }

    /// <summary>Bytes in the file per group (sections' file sizes; headers and padding are in "other" as the rest).</summary>
    public static IReadOnlyDictionary<string, long> FileBytes(ExecutableInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var sums = Order.ToDictionary(g => g, _ => 0L);
        foreach (var s in info.Sections) sums[Of(s)] += (long)s.FileSize;
        var counted = sums.Values.Sum();
        sums["other"] += Math.Max(0, info.FileSize - counted);
        return sums;
    }
}
