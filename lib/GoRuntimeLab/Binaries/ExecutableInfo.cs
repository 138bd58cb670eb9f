namespace GoRuntimeLab.Binaries;

/// <summary>
/// What <see cref="ExecutableReader"/> read from an executable's headers: format, class, byte order, machine,
/// program headers (ELF), sections, and the Go build information. Only headers and small tables are read, never the
/// whole file.
/// </summary>
/// <param name="Source">The file as named.</param>
/// <param name="FileSize">The file's size in bytes.</param>
/// <param name="Format">ELF or PE.</param>
/// <param name="Bits">32 or 64 (ELF class; PE: PE32 or PE32+).</param>
/// <param name="BigEndian">ELF data encoding ELFDATA2MSB (PE is always little-endian).</param>
/// <param name="MachineCode">ELF e_machine or the COFF Machine field.</param>
/// <param name="MachineName">"EM_X86_64", "EM_AARCH64", "IMAGE_FILE_MACHINE_AMD64"… ("" when unknown).</param>
/// <param name="TypeName">ELF e_type ("ET_EXEC", "ET_DYN"); PE: "EXE" or "DLL".</param>
/// <param name="Programs">ELF program headers (empty for PE).</param>
/// <param name="Sections">Sections in file order, the ELF null section left out.</param>
/// <param name="Interpreter">ELF PT_INTERP: the dynamic loader ("/lib64/ld-linux-x86-64.so.2"), null when none.</param>
/// <param name="IsDynamic">ELF: has PT_INTERP or PT_DYNAMIC (needs the dynamic loader and shared libraries);
/// PE: imports DLLs (an .idata section; every Go Windows binary calls kernel32.dll).</param>
/// <param name="Subsystem">PE optional header Subsystem (2 WINDOWS_GUI, 3 WINDOWS_CUI); null for ELF.</param>
/// <param name="BuildInfo">The Go build information, null when the file is not a Go 1.18+ binary.</param>
public sealed record ExecutableInfo(
    string Source, long FileSize, ExecutableFormat Format, int Bits, bool BigEndian, uint MachineCode, string MachineName,
    string TypeName, IReadOnlyList<ProgramHeader> Programs, IReadOnlyList<BinarySection> Sections, string? Interpreter,
    bool IsDynamic, int? Subsystem, GoBuildInfo? BuildInfo)
{
    /// <summary>Static: no dynamic loader, no shared library (ELF without PT_INTERP and PT_DYNAMIC).</summary>
    public bool IsStatic => !IsDynamic;

    /// <summary>Has a symbol table: ELF .symtab; PE a COFF symbol table. `-ldflags=-s` removes it.</summary>
    public bool HasSymbolTable { get; init; }

    /// <summary>Stripped: no symbol table (what `file` calls "stripped").</summary>
    public bool IsStripped => !HasSymbolTable;

    /// <summary>Has DWARF (.debug_* or .zdebug_* sections). `-ldflags=-w` removes it (and -s since Go 1.22).</summary>
    public bool HasDwarf => Sections.Any(s => s.IsDwarf);

    /// <summary>ELF: has Go's pc-line table section .gopclntab, what the runtime uses to name functions in stack
    /// traces and profiles; -s and -w keep it. (A PE keeps runtime.pclntab inside .rdata, with no section of its own.)</summary>
    public bool HasGoPclntab => Sections.Any(s => s.Name == ".gopclntab");

    /// <summary>Has the Go build ID note (.note.go.buildid).</summary>
    public bool HasGoBuildIdNote => Sections.Any(s => s.Name == ".note.go.buildid");

    /// <summary>PE subsystem name: "WINDOWS_GUI" (-H=windowsgui), "WINDOWS_CUI" (console), null for ELF.</summary>
    public string? SubsystemName => Subsystem switch
    {
        null => null,
        2 => "WINDOWS_GUI",
        3 => "WINDOWS_CUI",
        int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The section named <paramref name="name"/>, or null.</summary>
    public BinarySection? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);

    /// <summary>Bytes in the file taken by DWARF sections.</summary>
    public long DwarfFileBytes => (long)Sections.Where(s => s.IsDwarf).Aggregate(0UL, (a, s) => a + s.FileSize);
}
