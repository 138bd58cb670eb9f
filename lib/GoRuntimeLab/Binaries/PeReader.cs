// Mirrors: debug/pe/file.go NewFile (Go 1.22): the MZ stub and e_lfanew (0x3c), the "PE\0\0" signature, the COFF
// FileHeader, the optional header's magic (0x10b PE32, 0x20b PE32+) and Subsystem, the section table (long names
// "/N" from the COFF string table after the symbols: section.go fullName, string.go readStringTable), and
// debug/buildinfo peExe.DataStart (the first initialized, readable, writable data section holds the build info).
// Simplified: symbols, relocations and data directories are not read; "dynamic" is the presence of an .idata section.
using System.Globalization;

namespace GoRuntimeLab.Binaries;

internal static class PeReader
{
    private const uint ScnCntInitializedData = 0x40, ScnMemRead = 0x40000000, ScnMemWrite = 0x80000000, ScnAlign32 = 0x600000;
    private const ushort FileDll = 0x2000;

    public static ExecutableInfo Read(ByteSource src)
    {
        src.BigEndian = false;
        var dos = src.Read(0, 0x40, "DOS header");
        long peOff = src.U32(dos, 0x3c);
        var sig = src.Read(peOff, 4, "PE signature");
        if (sig[0] != 'P' || sig[1] != 'E' || sig[2] != 0 || sig[3] != 0)
            throw src.Error(peOff, "invalid PE COFF file signature");
        var fhOff = peOff + 4;
        var fh = src.Read(fhOff, 20, "COFF file header");
        var machine = src.U16(fh, 0);
        var nsec = src.U16(fh, 2);
        var symPtr = src.U32(fh, 8);
        var nsym = src.U32(fh, 12);
        var optSize = src.U16(fh, 16);
        var characteristics = src.U16(fh, 18);

        // The COFF string table follows the symbol table (18 bytes per symbol); its first 4 bytes are its length.
        byte[]? strtab = null;
        if (symPtr > 0 && nsym > 0)
        {
            var stOff = symPtr + 18L * nsym;
            var len = src.U32(src.Read(stOff, 4, "COFF string table length"), 0);
            if (len > 4) strtab = src.Read(stOff, len, "COFF string table");
        }

        var optOff = fhOff + 20;
        int bits;
        int? subsystem = null;
        if (optSize > 0)
        {
            var opt = src.Read(optOff, optSize, "optional header");
            if (optSize < 2) throw src.Error(optOff, $"optional header of {optSize} bytes has no magic");
            var magic = src.U16(opt, 0);
            bits = magic switch
            {
                0x10b => 32,
                0x20b => 64,
                _ => throw src.Error(optOff, $"optional header has unexpected Magic of 0x{magic:x}"),
            };
            if (optSize < 70) throw src.Error(optOff, $"optional header of {optSize} bytes is too short for its Subsystem");
            subsystem = src.U16(opt, 68);
        }
        else
            bits = machine is 0x8664 or 0xaa64 ? 64 : 32;

        var shOff = optOff + optSize;
        var table = src.Read(shOff, 40L * nsec, "section headers");
        var sections = new List<BinarySection>(nsec);
        long? dataStart = null;
        long dataLength = 0;
        for (var i = 0; i < nsec; i++)
        {
            var s = table.AsSpan(i * 40, 40);
            var name = SectionName(s[..8], strtab, src, shOff + i * 40L);
            var vsize = src.U32(s, 8);
            var vaddr = src.U32(s, 12);
            var rawSize = src.U32(s, 16);
            var rawPtr = src.U32(s, 20);
            var ch = src.U32(s, 36);
            sections.Add(new BinarySection(name, "", ch, rawSize, rawSize, ch, rawPtr) { VirtualSize = vsize });
            if (dataStart is null && vaddr != 0 && rawSize != 0 && (ch & ~ScnAlign32) == (ScnCntInitializedData | ScnMemRead | ScnMemWrite))
            {
                dataStart = rawPtr;
                dataLength = rawSize;
            }
        }

        GoBuildInfo? buildInfo = null;
        if (dataStart is { } start && start < src.Length)
            buildInfo = BuildInfoReader.Read(src, start, Math.Min(Math.Min(BuildInfoReader.MaxScan, dataLength), src.Length - start));

        return new ExecutableInfo(src.Source, src.Length, ExecutableFormat.Pe, bits, false, machine, ElfNames.PeMachine(machine),
            (characteristics & FileDll) != 0 ? "DLL" : "EXE", [], sections, null,
            sections.Any(s => s.Name == ".idata"), subsystem, buildInfo)
        {
            HasSymbolTable = symPtr != 0 && nsym > 0,
        };
    }

    // section.go: a name "/123" is an offset into the COFF string table; otherwise the 8 bytes, NUL-padded.
    private static string SectionName(ReadOnlySpan<byte> raw, byte[]? strtab, ByteSource src, long at)
    {
        var end = raw.IndexOf((byte)0);
        var text = System.Text.Encoding.UTF8.GetString(end < 0 ? raw : raw[..end]);
        if (!text.StartsWith('/')) return text;
        if (!uint.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return text;
        if (strtab is null || index >= strtab.Length) throw src.Error(at, $"section name {text}: outside the COFF string table");
        var stop = Array.IndexOf(strtab, (byte)0, (int)index);
        if (stop < 0) stop = strtab.Length;
        return System.Text.Encoding.UTF8.GetString(strtab, (int)index, stop - (int)index);
    }
}
