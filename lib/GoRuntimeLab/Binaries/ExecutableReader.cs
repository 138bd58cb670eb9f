// Mirrors: debug/buildinfo/buildinfo.go readRawBuildInfo's dispatch on the first bytes ("\x7fELF" → debug/elf,
// "MZ" → debug/pe); the readers are ElfReader (debug/elf/file.go) and PeReader (debug/pe/file.go). Mach-O, XCOFF and
// Plan 9 objects are not read.
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Binaries;

/// <summary>
/// Reads the headers of an ELF or PE executable — format, machine, static or dynamic, sections and their sizes,
/// symbol table and DWARF present or stripped, Go build information — without loading the file: only the headers,
/// the section-name table, PT_INTERP and the build-info blob are read, each bounded. One-line use:
/// <c>ExecutableReader.Read("app").Sections</c>.
/// </summary>
public static class ExecutableReader
{
    /// <summary>The largest executable accepted: 2 GiB (a Go service is 5–50 MB).</summary>
    public const long MaxFileBytes = 2L << 30;

    /// <summary>The most bytes one table (section headers, the name table, the COFF string table) may take: 16 MiB.</summary>
    public const long MaxTableBytes = 16L << 20;

    /// <summary>The most sections accepted with ELF's extended numbering.</summary>
    public const int MaxSections = 1 << 20;

    /// <summary>Reads the executable at <paramref name="path"/>.</summary>
    /// <exception cref="KitInputException">Missing file, a folder, or larger than <see cref="MaxFileBytes"/>.</exception>
    /// <exception cref="BinaryFormatException">Neither ELF nor PE, truncated or corrupt (with the byte offset).</exception>
    public static ExecutableInfo Read(string path, string parameter = "file")
    {
        KitFile.Check(path, parameter, "executable");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 4096, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw KitInputException.For($"cannot read: {e.Message}", parameter: parameter, file: path);
        }
        using (stream)
        {
            if (stream.Length > MaxFileBytes)
                throw KitInputException.For($"is {KitReadLimits.Size(stream.Length)}, more than the {KitReadLimits.Size(MaxFileBytes)} an executable may take", parameter: parameter, file: path);
            return Read(stream, path);
        }
    }

    /// <summary>Reads an executable from a seekable <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="BinaryFormatException">Neither ELF nor PE, truncated or corrupt (with the byte offset).</exception>
    public static ExecutableInfo Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(source);
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("the stream must be readable and seekable", nameof(stream));
        var src = new ByteSource(stream, source);
        if (src.Length < 4) throw src.Error(0, $"{src.Length} bytes: too short for an executable");
        var magic = src.Read(0, 4, "magic number");
        if (magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F') return ElfReader.Read(src);
        if (magic[0] == 'M' && magic[1] == 'Z') return PeReader.Read(src);
        throw src.Error(0, "bad magic number: neither ELF (\\x7fELF) nor PE (MZ); Mach-O and other formats are not read");
    }

    /// <summary>Reads an executable held in memory (tests, fuzzing).</summary>
    public static ExecutableInfo Read(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Read(stream, source);
    }
}
