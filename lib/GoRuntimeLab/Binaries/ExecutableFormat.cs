namespace GoRuntimeLab.Binaries;

/// <summary>The container format of an executable: ELF (Linux and most Unix targets) or PE (Windows).</summary>
public enum ExecutableFormat
{
    /// <summary>ELF, read as Go's debug/elf reads it.</summary>
    Elf,

    /// <summary>PE/COFF, read as Go's debug/pe reads it.</summary>
    Pe,
}
