using System.Text.Json;

namespace GoRuntimeLab.CliTests;

/// <summary><c>golab layout</c>: the JSON shape of issue 13 §4.3, the architectures, the table, and refusals with file:line.</summary>
public sealed class LayoutCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "golab-layout-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public LayoutCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Json_has_the_issues_shape_with_offsets_padding_and_the_optimal_order()
    {
        var file = Write("t.go", "package p\n\ntype T struct {\n\ta bool\n\tb int64\n\tc bool\n}\n");
        var run = InProcessGolab.Run("layout", file, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("amd64", root.GetProperty("arch").GetString());
        var t = root.GetProperty("types")[0];
        Assert.Equal("T", t.GetProperty("name").GetString());
        Assert.Equal(24, t.GetProperty("size").GetInt64());
        Assert.Equal(8, t.GetProperty("align").GetInt64());
        Assert.Equal(14, t.GetProperty("padding").GetInt64());
        var a = t.GetProperty("fields")[0];
        Assert.Equal(("a", "bool", 0L, 1L, 1L), (a.GetProperty("name").GetString(), a.GetProperty("type").GetString(), a.GetProperty("offset").GetInt64(),
            a.GetProperty("size").GetInt64(), a.GetProperty("align").GetInt64()));
        Assert.Equal(16, t.GetProperty("optimal").GetProperty("size").GetInt64());
        Assert.Equal(["b", "a", "c"], t.GetProperty("optimal").GetProperty("order").EnumerateArray().Select(e => e.GetString()));
        var line = Assert.Single(t.GetProperty("cacheLines").EnumerateArray());
        Assert.Equal(["a", "b", "c"], line.GetProperty("fields").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void The_false_sharing_counters_show_one_shared_line_unpadded_and_one_line_each_padded()
    {
        var run = InProcessGolab.Run("layout", "data/go/falseshare/counters.go");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("64-byte cache lines (object line-aligned): 0: requests errors bytesIn bytesOut\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("64-byte cache lines (object line-aligned): 0: requests | 1: errors | 2: bytesIn | 3: bytesOut\n", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amd64", 24)]
    [InlineData("arm64", 24)]
    [InlineData("386", 16)]
    [InlineData("arm", 16)]
    public void Arch_chooses_the_word_size_and_alignment_of_eight_byte_values(string arch, long size)
    {
        var file = Write("t.go", "package p\ntype T struct{ a bool; b float64; c bool }\n");
        var run = InProcessGolab.Run("layout", file, "--arch", arch, "--json");
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(arch, doc.RootElement.GetProperty("arch").GetString());
        Assert.Equal(size, doc.RootElement.GetProperty("types")[0].GetProperty("size").GetInt64());
    }

    [Fact]
    public void The_table_shows_offsets_trailing_padding_and_what_fieldalignment_saves()
    {
        var file = Write("t.go", "package p\ntype T struct{ a bool; b int64; c bool }\n");
        var run = InProcessGolab.Run("layout", file);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("type T (struct): size 24, align 8, padding 14", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(trailing padding)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("fieldalignment: b, a, c → size 16 (saves 8 bytes)", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("package p\n\nimport \"sync\"\n\ntype T struct {\n\tmu sync.Mutex\n}\n", 6)]
    [InlineData("package p\ntype T[E any] struct{ e E }\n", 2)]
    [InlineData("package p\n\ntype T struct {\n\ta [2*3]int\n}\n", 4)]
    public void Unsupported_syntax_exits_2_with_file_and_line(string source, int line)
    {
        var file = Write("bad.go", source);
        var run = InProcessGolab.Run("layout", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"golab: {file}:{line}: ", error, StringComparison.Ordinal);
    }
}
