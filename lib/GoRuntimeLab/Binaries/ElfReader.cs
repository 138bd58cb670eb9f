// Mirrors: debug/elf/file.go NewFile (Go 1.22): the identification bytes, the 32/64-bit header in either byte order,
// program headers (PT_INTERP read as the loader's path), section headers with the extended-numbering escape
// (shnum 0, shstrndx SHN_XINDEX), the Chdr of SHF_COMPRESSED sections (Section.Size = uncompressed size), and names from
// the section-name string table (getString), with debug/elf's checks as typed errors at the byte offset. Data of
// sections is not read except .shstrtab, PT_INTERP and the build-info blob (debug/buildinfo: elfExe.DataStart).
namespace GoRuntimeLab.Binaries;

internal static class ElfReader
{
    private const uint PtLoad = 1, PtDynamic = 2, PtInterp = 3, PfX = 1, PfW = 2;
    private const uint ShtNobits = 8, ShtStrtab = 3, ShtSymtab = 2;
    private const ulong ShfCompressed = 0x800;
    private const int ShnLoreserve = 0xff00, ShnXindex = 0xffff;

    private sealed record Segment(uint Type, uint Flags, ulong Offset, ulong Vaddr, ulong FileSize);

    public static ExecutableInfo Read(ByteSource src)
    {
        var ident = src.Read(0, 16, "ELF identification");
        var bits = ident[4] switch
        {
            1 => 32,
            2 => 64,
            var c => throw src.Error(4, $"unknown ELF class {c}"),
        };
        src.BigEndian = ident[5] switch
        {
            1 => false,
            2 => true,
            var d => throw src.Error(5, $"unknown ELF data encoding {d}"),
        };
        if (ident[6] != 1) throw src.Error(6, $"unknown ELF version {ident[6]}");
        var is64 = bits == 64;
        var h = src.Read(0, is64 ? 64 : 52, "ELF header");
        var type = src.U16(h, 16);
        var machine = src.U16(h, 18);
        if (src.U32(h, 20) != 1) throw src.Error(20, $"mismatched ELF version {src.U32(h, 20)}");
        long phoff, shoff;
        int phentsize, phnum, shentsize, shnum, shstrndx;
        if (is64)
        {
            phoff = (long)src.U64(h, 32); shoff = (long)src.U64(h, 40);
            phentsize = src.U16(h, 54); phnum = src.U16(h, 56); shentsize = src.U16(h, 58); shnum = src.U16(h, 60); shstrndx = src.U16(h, 62);
        }
        else
        {
            phoff = src.U32(h, 28); shoff = src.U32(h, 32);
            phentsize = src.U16(h, 42); phnum = src.U16(h, 44); shentsize = src.U16(h, 46); shnum = src.U16(h, 48); shstrndx = src.U16(h, 50);
        }
        if (shoff < 0) throw src.Error(0, $"invalid shoff {shoff}");
        if (phoff < 0) throw src.Error(0, $"invalid phoff {phoff}");
        if (shoff == 0 && shnum != 0) throw src.Error(0, $"invalid ELF shnum {shnum} for shoff=0");
        if (shnum > 0 && shstrndx >= shnum) throw src.Error(0, $"invalid ELF shstrndx {shstrndx}");
        var wantPh = is64 ? 56 : 32;
        var wantSh = is64 ? 64 : 40;
        if (phnum > 0 && phentsize < wantPh) throw src.Error(0, $"invalid ELF phentsize {phentsize}");

        var segments = new List<Segment>(phnum);
        var programs = new List<ProgramHeader>(phnum);
        string? interp = null;
        var dynamic = false;
        if (phnum > 0)
        {
            var table = src.Read(phoff, (long)phnum * phentsize, "program headers");
            for (var i = 0; i < phnum; i++)
            {
                var p = table.AsSpan(i * phentsize, wantPh);
                var off = phoff + (long)i * phentsize;
                uint pt, flags;
                ulong pOff, vaddr, filesz, memsz;
                if (is64)
                {
                    pt = src.U32(p, 0); flags = src.U32(p, 4); pOff = src.U64(p, 8); vaddr = src.U64(p, 16); filesz = src.U64(p, 32); memsz = src.U64(p, 40);
                }
                else
                {
                    pt = src.U32(p, 0); pOff = src.U32(p, 4); vaddr = src.U32(p, 8); filesz = src.U32(p, 16); memsz = src.U32(p, 20); flags = src.U32(p, 24);
                }
                if ((long)pOff < 0) throw src.Error(off, $"invalid program header offset {(long)pOff}");
                if ((long)filesz < 0) throw src.Error(off, $"invalid program header file size {(long)filesz}");
                segments.Add(new Segment(pt, flags, pOff, vaddr, filesz));
                programs.Add(new ProgramHeader(pt, ElfNames.ProgType(pt), filesz, memsz));
                if (pt == PtInterp)
                {
                    dynamic = true;
                    var raw = src.Read((long)pOff, Math.Min((long)filesz, 4096), "PT_INTERP");
                    interp = System.Text.Encoding.UTF8.GetString(raw).TrimEnd('\0');
                }
                else if (pt == PtDynamic)
                    dynamic = true;
            }
        }

        if (shoff > 0 && shnum == 0)
        {
            // Extended numbering: the real count is section 0's sh_size, the real shstrndx its sh_link.
            var s0 = src.Read(shoff, wantSh, "section header 0");
            var typ = src.U32(s0, 4);
            if (typ != 0) throw src.Error(shoff, $"invalid type of the initial section {typ}");
            var count = is64 ? src.U64(s0, 32) : src.U32(s0, 20);
            if (count < ShnLoreserve || count > ExecutableReader.MaxSections)
                throw src.Error(shoff, $"invalid ELF shnum contained in sh_size {count}");
            shnum = (int)count;
            if (shstrndx == ShnXindex)
            {
                shstrndx = (int)src.U32(s0, is64 ? 40 : 24);
                if (shstrndx < ShnLoreserve) throw src.Error(shoff, $"invalid ELF shstrndx contained in sh_link {shstrndx}");
            }
            if (shstrndx >= shnum) throw src.Error(0, $"invalid ELF shstrndx {shstrndx}");
        }
        if (shnum > 0 && shentsize < wantSh) throw src.Error(0, $"invalid ELF shentsize {shentsize}");

        var raws = new List<(uint NameIndex, uint Type, ulong Flags, ulong Addr, ulong Offset, ulong FileSize, ulong Size, bool Compressed)>(shnum);
        if (shnum > 0)
        {
            var table = src.Read(shoff, (long)shnum * shentsize, "section headers");
            for (var i = 0; i < shnum; i++)
            {
                var s = table.AsSpan(i * shentsize, wantSh);
                var off = shoff + (long)i * shentsize;
                uint name = src.U32(s, 0), st = src.U32(s, 4);
                ulong flags, addr, sOff, size;
                if (is64)
                {
                    flags = src.U64(s, 8); addr = src.U64(s, 16); sOff = src.U64(s, 24); size = src.U64(s, 32);
                }
                else
                {
                    flags = src.U32(s, 8); addr = src.U32(s, 12); sOff = src.U32(s, 16); size = src.U32(s, 20);
                }
                if ((long)sOff < 0) throw src.Error(off, $"invalid section offset {(long)sOff}");
                var fileSize = st == ShtNobits ? 0UL : size;
                if ((long)size < 0) throw src.Error(off, $"invalid section size {(long)size}");
                var memSize = size;
                var compressed = (flags & ShfCompressed) != 0 && st != ShtNobits;
                if (compressed)
                {
                    // The compression header (Chdr32/Chdr64) holds the uncompressed size (debug/elf's Section.Size).
                    var chLen = is64 ? 24 : 12;
                    if ((ulong)chLen > size) throw src.Error((long)sOff, $"section {i}: compressed section of {size} bytes has no room for its {chLen}-byte header");
                    var ch = src.Read((long)sOff, chLen, $"section {i} compression header");
                    memSize = is64 ? src.U64(ch, 8) : src.U32(ch, 4);
                }
                raws.Add((name, st, flags, addr, sOff, fileSize, memSize, compressed));
            }
        }

        var names = new string[raws.Count];
        Array.Fill(names, "");
        if (raws.Count > 0 && shstrndx != 0)
        {
            var shstr = raws[shstrndx];
            if (shstr.Type != ShtStrtab)
                throw src.Error(shoff + (long)shstrndx * shentsize, $"invalid ELF section name string table type {shstr.Type}");
            if (shstr.Compressed) throw src.Error((long)shstr.Offset, "compressed section name string table");
            var strtab = src.Read((long)shstr.Offset, (long)shstr.FileSize, "section name string table");
            for (var i = 0; i < raws.Count; i++)
                names[i] = GetString(strtab, raws[i].NameIndex)
                    ?? throw src.Error(shoff + (long)i * shentsize, $"bad section name index {raws[i].NameIndex}");
        }

        var sections = new List<BinarySection>(raws.Count);
        for (var i = 0; i < raws.Count; i++)
        {
            var r = raws[i];
            if (r.Type == 0) continue; // SHT_NULL
            sections.Add(new BinarySection(names[i], ElfNames.SectionType(r.Type), r.Type, r.Size, r.FileSize, r.Flags, r.Offset) { IsCompressed = r.Compressed });
        }

        // debug/buildinfo elfExe.DataStart: the .go.buildinfo section, else the first writable, non-executable PT_LOAD.
        GoBuildInfo? buildInfo = null;
        var bi = -1;
        for (var i = 0; i < raws.Count && bi < 0; i++)
            if (raws[i].Type != 0 && names[i] == ".go.buildinfo") bi = i;
        long? dataOffset = null;
        if (bi >= 0 && raws[bi].FileSize > 0) dataOffset = (long)raws[bi].Offset;
        else if (segments.FirstOrDefault(p => p.Type == PtLoad && (p.Flags & (PfX | PfW)) == PfW) is { } seg) dataOffset = (long)seg.Offset;
        if (dataOffset is { } start && start < src.Length)
            buildInfo = BuildInfoReader.Read(src, start, Math.Min(BuildInfoReader.MaxScan, src.Length - start));

        return new ExecutableInfo(src.Source, src.Length, ExecutableFormat.Elf, bits, src.BigEndian, machine, ElfNames.Machine(machine),
            ElfNames.Type(type), programs, sections, interp, dynamic, null, buildInfo)
        {
            HasSymbolTable = raws.Any(r => r.Type == ShtSymtab),
        };
    }

    // debug/elf getString: the NUL-terminated string at index start; null when start is out of range.
    private static string? GetString(byte[] section, uint start)
    {
        if (start >= (uint)section.Length) return null;
        var end = Array.IndexOf(section, (byte)0, (int)start);
        if (end < 0) end = section.Length;
        return System.Text.Encoding.UTF8.GetString(section, (int)start, end - (int)start);
    }
}
