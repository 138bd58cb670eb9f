using System.Text.Json;

namespace GoRuntimeLab.CliTests;

/// <summary><c>golab binary</c> on the small C executable of data/recordings/build (a non-Go, dynamic ELF).</summary>
public sealed class BinaryCliTests
{
    private const string Tiny = "data/recordings/build/tiny-hello";

    [Fact]
    public void Text_HeadersSectionsAndNoGoBuildInfo()
    {
        var run = InProcessGolab.Run("binary", Tiny);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("format:\tELF 64-bit little-endian ET_DYN, machine EM_X86_64\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("linking:\tdynamic (interpreter /lib64/ld-linux-x86-64.so.2)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("go:\tno Go build information\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n.text\tSHT_PROGBITS\t", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Json_OneDocument()
    {
        var run = InProcessGolab.Run("binary", Tiny, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("elf", root.GetProperty("format").GetString());
        Assert.True(root.GetProperty("dynamic").GetBoolean());
        Assert.False(root.GetProperty("static").GetBoolean());
        Assert.False(root.GetProperty("stripped").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("goVersion").ValueKind);
        Assert.Contains(root.GetProperty("sections").EnumerateArray(), s => s.GetProperty("name").GetString() == ".symtab");
    }

    [Fact]
    public void NotAnExecutable_OneLineExit2WithOffset()
    {
        var run = InProcessGolab.Run("binary", "README.md");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("README.md: at byte 0: bad magic number", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
