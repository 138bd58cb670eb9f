namespace GoRuntimeLab.Binaries;

/// <summary>One section of an executable.</summary>
/// <param name="Name">".text", ".gopclntab", ".debug_info"… (PE long names resolved through the COFF string table).</param>
/// <param name="TypeName">ELF: "SHT_PROGBITS", "SHT_NOBITS"… (debug/elf's SectionType.String); PE: "".</param>
/// <param name="TypeCode">ELF sh_type; PE: the section's Characteristics.</param>
/// <param name="Size">ELF: the size in memory, the uncompressed size of a SHF_COMPRESSED section (debug/elf's
/// Section.Size); PE: SizeOfRawData (debug/pe's Section.Size).</param>
/// <param name="FileSize">The bytes the section takes in the file (0 for SHT_NOBITS such as .bss).</param>
/// <param name="Flags">ELF sh_flags; PE: Characteristics.</param>
/// <param name="Offset">The section's offset in the file.</param>
public sealed record BinarySection(string Name, string TypeName, uint TypeCode, ulong Size, ulong FileSize, ulong Flags, ulong Offset)
{
    /// <summary>DWARF debug information: a ".debug_*" or (older Go, compressed) ".zdebug_*" section.</summary>
    public bool IsDwarf => Name.StartsWith(".debug_", StringComparison.Ordinal) || Name.StartsWith(".zdebug_", StringComparison.Ordinal);

    /// <summary>PE: VirtualSize (the size in memory); 0 for ELF.</summary>
    public ulong VirtualSize { get; init; }

    /// <summary>ELF: compressed in the file (SHF_COMPRESSED, 0x800).</summary>
    public bool IsCompressed { get; init; }
}
