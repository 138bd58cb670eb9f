namespace GoRuntimeLab.Notebooks;

/// <summary>Writes a file through a temp sibling renamed into place, so a crash or an exception never leaves a
/// half-written notebook, page or script behind (the temp file is removed on failure).</summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = File.Create(temp)) write(stream);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static void Write(string path, byte[] bytes) => Write(path, s => s.Write(bytes));
}
