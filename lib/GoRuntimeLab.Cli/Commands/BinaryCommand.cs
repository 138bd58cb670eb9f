using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GoRuntimeLab.Binaries;
using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>
/// <c>golab binary FILE [--json]</c>: the headers of an ELF or PE executable as Go's debug/elf and debug/pe read them —
/// machine, static or dynamic, stripped or not, DWARF, every section with its size, and the Go build information
/// (<c>go version -m</c>'s version and build settings).
/// </summary>
internal static class BinaryCommand
{
    public static Command Build()
    {
        var file = CliOptions.TextArgument("FILE", "An executable: ELF (Linux, any architecture) or PE (Windows), for example one built by go build.");
        var json = new Option<bool>("--json")
        {
            Description = "One JSON document: {file, size, format, bits, bigEndian, machine, type, static, dynamic, interpreter, stripped, symbolTable, dwarf, dwarfBytes, gopclntab, subsystem, goVersion, path, settings: {key: value}, sections: [{name, type, size, fileSize, compressed}]}.",
        };
        var command = new Command("binary", "Read an executable's headers (ELF/PE): sections and sizes, static or dynamic, stripped or not, machine, Go build info.") { file, json };
        command.SetAction(result =>
        {
            var info = ExecutableReader.Read(result.GetValue(file)!);
            Console.Out.Write(result.GetValue(json) ? ToJson(info) + "\n" : ToText(info));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string ToText(ExecutableInfo info)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        w.WriteLine($"file:\t{info.Source} ({info.FileSize} bytes)");
        w.WriteLine($"format:\t{info.Format.ToString().ToUpperInvariant()} {info.Bits}-bit {(info.BigEndian ? "big" : "little")}-endian {info.TypeName}, machine {Machine(info)}");
        w.WriteLine($"linking:\t{(info.IsStatic ? "static" : "dynamic")}{(info.Interpreter is { } i ? $" (interpreter {i})" : "")}");
        w.WriteLine($"symbols:\t{(info.IsStripped ? "stripped (no symbol table)" : "symbol table present")}; DWARF {(info.HasDwarf ? $"present ({info.DwarfFileBytes} bytes in the file)" : "absent")}");
        if (info.SubsystemName is { } sub) w.WriteLine($"subsystem:\t{sub}");
        if (info.BuildInfo is { } bi)
        {
            w.WriteLine($"go:\t{bi.GoVersion}\t{bi.Path}");
            foreach (var s in bi.Settings) w.WriteLine($"build:\t{s.Key}={s.Value}");
        }
        else w.WriteLine("go:\tno Go build information");
        w.WriteLine("section\ttype\tsize\tfile bytes");
        foreach (var s in info.Sections)
            w.WriteLine($"{s.Name}\t{(s.TypeName.Length > 0 ? s.TypeName : $"0x{s.TypeCode:x}")}\t{s.Size}\t{s.FileSize}{(s.IsCompressed ? "\tcompressed" : "")}");
        return w.ToString();
    }

    private static string Machine(ExecutableInfo info) =>
        info.MachineName.Length > 0 ? info.MachineName : string.Create(CultureInfo.InvariantCulture, $"0x{info.MachineCode:x}");

    private static string ToJson(ExecutableInfo info) => JsonSerializer.Serialize(new
    {
        file = info.Source,
        size = info.FileSize,
        format = info.Format.ToString().ToLowerInvariant(),
        bits = info.Bits,
        bigEndian = info.BigEndian,
        machine = Machine(info),
        type = info.TypeName,
        @static = info.IsStatic,
        dynamic = info.IsDynamic,
        interpreter = info.Interpreter,
        stripped = info.IsStripped,
        symbolTable = info.HasSymbolTable,
        dwarf = info.HasDwarf,
        dwarfBytes = info.DwarfFileBytes,
        gopclntab = info.HasGoPclntab,
        subsystem = info.SubsystemName,
        goVersion = info.BuildInfo?.GoVersion,
        path = info.BuildInfo?.Path,
        settings = info.BuildInfo?.Settings.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        sections = info.Sections.Select(s => new { name = s.Name, type = s.TypeName.Length > 0 ? s.TypeName : $"0x{s.TypeCode:x}", size = s.Size, fileSize = s.FileSize, compressed = s.IsCompressed }),
    }, CliJson.Options);
}
