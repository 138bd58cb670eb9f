// Mirrors: nothing in Go; an I/O helper of the kit: stat(2) through .NET's own native shim (System.Native).
using System.Runtime.InteropServices;

namespace GoRuntimeLab.IO;

/// <summary>
/// What a path is (regular file, folder, device, pipe, socket), from stat(2) via <c>SystemNative_Stat</c>, the
/// function .NET's own <see cref="File"/> APIs call on Unix; <see cref="FileInfo"/> reports devices and pipes as
/// ordinary files. Where the shim is not there (Windows), the answer is null and the read limits still protect.
/// </summary>
internal static class FileTypeProbe
{
    // pal_io.h FileStatus begins { int32 Flags; int32 Mode; … }; Mode carries the PAL's S_IFMT values.
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat(byte[] utf8Path, [In, Out] byte[] output);

    /// <summary>"a character device", "a named pipe"…, or null for a regular file, a folder (checked elsewhere) or when unknown.</summary>
    public static string? NonRegularKind(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD()) return null;
        var status = new byte[512]; // larger than any FileStatus layout
        try
        {
            if (Stat(System.Text.Encoding.UTF8.GetBytes(path + "\0"), status) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return (BitConverter.ToInt32(status, 4) & TypeMask) switch
        {
            Regular or Directory => null,
            CharDevice => "a character device",
            BlockDevice => "a block device",
            Fifo => "a named pipe",
            Socket => "a socket",
            _ => null,
        };
    }
}
