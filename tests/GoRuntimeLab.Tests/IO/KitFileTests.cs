using GoRuntimeLab.IO;

namespace GoRuntimeLab.Tests.IO;

public class KitFileTests
{
    private static readonly KitReadLimits Limits = new("test file", 16);

    [Fact]
    public void Missing_empty_and_folder_paths_have_one_message_each()
    {
        Assert.Equal("file: no test file given", Assert.Throws<KitInputException>(() => KitFile.Check(" ", "file", "test file")).Message);
        var missing = Assert.Throws<KitInputException>(() => KitFile.OpenRead("no/such.txt", Limits));
        Assert.Equal($"no/such.txt: file not found (relative paths start at {Environment.CurrentDirectory})", missing.Message);
        Assert.Equal("no/such.txt", missing.FilePath);
        Assert.Equal("file", missing.Parameter);
        var folder = Path.GetTempPath();
        Assert.Equal($"{folder}: is a folder; expected a test file", Assert.Throws<KitInputException>(() => KitFile.ReadAllText(folder, Limits)).Message);
        Assert.Equal("d: folder not found (relative paths start at " + Environment.CurrentDirectory + ")", KitFile.NotFound("d", "dir", "folder").Message);
    }

    [Fact]
    public void Devices_are_refused_by_kind()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.Equal("/dev/null: is a character device, not a regular file; expected a test file",
            Assert.Throws<KitInputException>(() => KitFile.ReadAllText("/dev/null", Limits)).Message);
    }

    [Fact]
    public void Reads_within_the_limit_and_refuses_past_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"golab-kitfile-{Environment.ProcessId}.txt");
        try
        {
            File.WriteAllText(path, "0123456789abcdef");
            Assert.Equal("0123456789abcdef", KitFile.ReadAllText(path, Limits));
            File.WriteAllText(path, "0123456789abcdefg");
            var e = Assert.Throws<KitInputLimitException>(() => KitFile.ReadAllText(path, Limits));
            Assert.StartsWith($"{path}: more than 16 bytes, the limit for a test file", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Gzip_is_sniffed_and_plain_bytes_pass_through()
    {
        using (var plain = KitFile.OpenMaybeGzip(new MemoryStream([1, 2, 3]), "p", Limits)!)
        {
            using var o = new MemoryStream();
            plain.CopyTo(o);
            Assert.Equal([1, 2, 3], o.ToArray());
        }
        Assert.Null(KitFile.OpenMaybeGzip(new MemoryStream([]), "e", Limits));
        Assert.Equal("16 MiB", KitReadLimits.Size(16L << 20));
        Assert.Equal("3 GiB", KitReadLimits.Size(3L << 30));
        Assert.Equal("1000 bytes", KitReadLimits.Size(1000));
    }
}
