// Mirrors: debug/elf/elf.go (Go 1.19-1.23): the names of Machine, Type, SectionType and ProgType values that Go
// toolchains write; a value missing here gets "" (debug/elf would print e.g. "SHT_LOPROC+3").
namespace GoRuntimeLab.Binaries;

/// <summary>Names of ELF header values, spelled as debug/elf's String methods spell them.</summary>
public static class ElfNames
{
    private static readonly Dictionary<uint, string> Machines = new()
    {
        [0] = "EM_NONE", [2] = "EM_SPARC", [3] = "EM_386", [4] = "EM_68K", [8] = "EM_MIPS", [10] = "EM_MIPS_RS3_LE",
        [20] = "EM_PPC", [21] = "EM_PPC64", [22] = "EM_S390", [40] = "EM_ARM", [43] = "EM_SPARCV9", [50] = "EM_IA_64",
        [62] = "EM_X86_64", [183] = "EM_AARCH64", [243] = "EM_RISCV", [258] = "EM_LOONGARCH",
    };

    private static readonly Dictionary<uint, string> Types = new()
    {
        [0] = "ET_NONE", [1] = "ET_REL", [2] = "ET_EXEC", [3] = "ET_DYN", [4] = "ET_CORE",
    };

    private static readonly Dictionary<uint, string> SectionTypes = new()
    {
        [0] = "SHT_NULL", [1] = "SHT_PROGBITS", [2] = "SHT_SYMTAB", [3] = "SHT_STRTAB", [4] = "SHT_RELA", [5] = "SHT_HASH",
        [6] = "SHT_DYNAMIC", [7] = "SHT_NOTE", [8] = "SHT_NOBITS", [9] = "SHT_REL", [10] = "SHT_SHLIB", [11] = "SHT_DYNSYM",
        [14] = "SHT_INIT_ARRAY", [15] = "SHT_FINI_ARRAY", [16] = "SHT_PREINIT_ARRAY", [17] = "SHT_GROUP",
        [18] = "SHT_SYMTAB_SHNDX", [0x6ffffff5] = "SHT_GNU_ATTRIBUTES", [0x6ffffff6] = "SHT_GNU_HASH",
        [0x6ffffff7] = "SHT_GNU_LIBLIST", [0x6ffffffd] = "SHT_GNU_VERDEF", [0x6ffffffe] = "SHT_GNU_VERNEED",
        [0x6fffffff] = "SHT_GNU_VERSYM",
    };

    private static readonly Dictionary<uint, string> ProgTypes = new()
    {
        [0] = "PT_NULL", [1] = "PT_LOAD", [2] = "PT_DYNAMIC", [3] = "PT_INTERP", [4] = "PT_NOTE", [5] = "PT_SHLIB",
        [6] = "PT_PHDR", [7] = "PT_TLS", [0x6474e550] = "PT_GNU_EH_FRAME", [0x6474e551] = "PT_GNU_STACK",
        [0x6474e552] = "PT_GNU_RELRO", [0x6474e553] = "PT_GNU_PROPERTY", [0x65041580] = "PT_PAX_FLAGS",
    };

    /// <summary>e_machine: "EM_X86_64", "EM_AARCH64", "EM_ARM", "EM_RISCV", "EM_MIPS"…</summary>
    public static string Machine(uint code) => Machines.GetValueOrDefault(code, "");

    /// <summary>e_type: "ET_EXEC", "ET_DYN"…</summary>
    public static string Type(uint code) => Types.GetValueOrDefault(code, "");

    /// <summary>sh_type: "SHT_PROGBITS", "SHT_NOBITS"…</summary>
    public static string SectionType(uint code) => SectionTypes.GetValueOrDefault(code, "");

    /// <summary>p_type: "PT_LOAD", "PT_INTERP"…</summary>
    public static string ProgType(uint code) => ProgTypes.GetValueOrDefault(code, "");

    /// <summary>The COFF Machine field of a PE: "IMAGE_FILE_MACHINE_AMD64"… (debug/pe's constants).</summary>
    public static string PeMachine(uint code) => code switch
    {
        0x14c => "IMAGE_FILE_MACHINE_I386",
        0x8664 => "IMAGE_FILE_MACHINE_AMD64",
        0x1c4 => "IMAGE_FILE_MACHINE_ARMNT",
        0xaa64 => "IMAGE_FILE_MACHINE_ARM64",
        _ => "",
    };
}
