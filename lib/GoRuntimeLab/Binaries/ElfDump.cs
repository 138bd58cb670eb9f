// Mirrors: the output of data/go/elfdump (Go's debug/elf, debug/pe and debug/buildinfo printing the facts this
// folder's readers read): one block per file, "key<TAB>value…" lines from "file" to "end". The kit's oracle for
// ExecutableReader and the format of the recordings in data/recordings/build.
using System.Globalization;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Binaries;

/// <summary>
/// Reads data/go/elfdump's TSV into <see cref="ExecutableInfo"/>s (what Go's own debug/elf and debug/pe saw), so a
/// recording of builds (data/recordings/build/elfdump-go1.22.12.tsv) reads like a live build. One-line use:
/// <c>ElfDump.Read("data/recordings/build/cross-go1.19.8.tsv")</c>.
/// </summary>
public static class ElfDump
{
    /// <summary>Limits of an elfdump file: a few hundred builds of ~40 lines each.</summary>
    public static readonly KitReadLimits Limits = new("elfdump output", 16L << 20, 64 * 1024);

    /// <summary>Reads every block of the elfdump output at <paramref name="path"/>.</summary>
    /// <exception cref="KitInputException">Missing file, a malformed line (file:line), or no block.</exception>
    public static IReadOnlyList<ExecutableInfo> Read(string path) => KitFile.ParseLines(path, Limits, Parse, "path");

    /// <summary>Reads elfdump output held in <paramref name="text"/>.</summary>
    public static IReadOnlyList<ExecutableInfo> Parse(string text, string source = "elfdump") => KitLineReader.Parse(text, source, Limits, Parse);

    private static IReadOnlyList<ExecutableInfo> Parse(KitLineReader lines)
    {
        var result = new List<ExecutableInfo>();
        Block? b = null;
        while (lines.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            KitInputException Bad(string what) => KitInputException.For(what, parameter: "path", file: lines.Source, line: lines.LineNumber);
            ulong U(int i) => i < f.Length && ulong.TryParse(f[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v : throw Bad($"\"{f[0]}\": field {i + 1} is not a number");
            string S(int i) => i < f.Length ? f[i] : throw Bad($"\"{f[0]}\": expected {i + 1} fields");
            if (f[0] == "file")
            {
                b = new Block { File = S(1) };
                continue;
            }
            if (b is null) throw Bad($"\"{f[0]}\" before a \"file\" line");
            switch (f[0])
            {
                case "size": b.Size = (long)U(1); break;
                case "format": b.Format = S(1) == "pe" ? ExecutableFormat.Pe : S(1) == "elf" ? ExecutableFormat.Elf : throw Bad($"unknown format {S(1)}"); break;
                case "class": b.Bits = U(1) == 1 ? 32 : 64; break;
                case "data": b.BigEndian = U(1) == 2; break;
                case "type": b.TypeName = S(2); break;
                case "machine": b.Machine = (uint)U(1); b.MachineName = f.Length > 2 ? f[2] : ElfNames.PeMachine((uint)U(1)); break;
                case "magic": b.Bits = U(1) == 0x20b ? 64 : 32; break;
                case "subsystem": b.Subsystem = (int)U(1); break;
                case "characteristics": b.TypeName = (U(1) & 0x2000) != 0 ? "DLL" : "EXE"; break;
                case "prog": b.Programs.Add(new ProgramHeader((uint)U(1), S(2), U(3), U(4))); break;
                case "interp": b.Interp = f.Length > 1 && f[1].Length > 0 ? f[1] : null; break;
                case "dynamic": b.Dynamic = S(1) == "true"; break;
                case "symbols": b.Symbols = U(1) > 0; break;
                case "section" when b.Format == ExecutableFormat.Elf:
                    b.Sections.Add(new BinarySection(S(1), S(3), (uint)U(2), U(4), U(2) == 8 ? 0 : U(5), U(6), 0) { IsCompressed = (U(6) & 0x800) != 0 });
                    if (U(2) == 2) b.Symbols = true;
                    break;
                case "section":
                    b.Sections.Add(new BinarySection(S(1), "", (uint)U(2), U(3), U(3), U(2), 0) { VirtualSize = U(4) });
                    break;
                case "goversion": b.GoVersion = f.Length > 1 ? f[1] : ""; break;
                case "path": b.Path = f.Length > 1 ? f[1] : ""; break;
                case "setting": b.Settings.Add(new GoBuildSetting(S(1), f.Length > 2 ? string.Join('\t', f[2..]) : "")); break;
                case "end":
                    result.Add(b.ToInfo());
                    b = null;
                    break;
                default: throw Bad($"unknown line \"{f[0]}\"");
            }
        }
        if (b is not null) throw KitInputException.For($"block of {b.File} has no \"end\" line (truncated?)", parameter: "path", file: lines.Source);
        if (result.Count == 0) throw KitInputException.For("no elfdump block (a \"file\" … \"end\" group)", parameter: "path", file: lines.Source);
        return result;
    }

    private sealed class Block
    {
        public string File = "";
        public long Size;
        public ExecutableFormat Format;
        public int Bits = 64;
        public bool BigEndian;
        public string TypeName = "";
        public uint Machine;
        public string MachineName = "";
        public int? Subsystem;
        public readonly List<ProgramHeader> Programs = [];
        public string? Interp;
        public bool Dynamic;
        public bool Symbols;
        public readonly List<BinarySection> Sections = [];
        public string GoVersion = "";
        public string Path = "";
        public readonly List<GoBuildSetting> Settings = [];

        public ExecutableInfo ToInfo() => new(File, Size, Format, Bits, BigEndian, Machine, MachineName, TypeName, Programs,
            Sections, Interp, Dynamic, Subsystem, GoVersion.Length == 0 ? null : new GoBuildInfo(GoVersion, Path, Settings))
        {
            HasSymbolTable = Symbols,
        };
    }
}
