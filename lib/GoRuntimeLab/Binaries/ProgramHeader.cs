namespace GoRuntimeLab.Binaries;

/// <summary>One ELF program header (segment).</summary>
/// <param name="Type">p_type (1 PT_LOAD, 2 PT_DYNAMIC, 3 PT_INTERP…).</param>
/// <param name="TypeName">debug/elf's ProgType.String: "PT_LOAD", "PT_GNU_STACK"…</param>
/// <param name="FileSize">p_filesz.</param>
/// <param name="MemSize">p_memsz.</param>
public sealed record ProgramHeader(uint Type, string TypeName, ulong FileSize, ulong MemSize);
