using System.Text.Json;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Cli;

/// <summary>`golab alloc class|classes|simulate` as a process: JSON contract, the table, exit codes.</summary>
public class AllocCliTests
{
    private static JsonElement JsonOf(Golab.Result r)
    {
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout); // exactly one document: Parse fails on trailing content
        return doc.RootElement.Clone();
    }

    [Theory]
    [InlineData("1.23", 33, 1152, 7, 128)]
    [InlineData("1.19", 32, 1024, 8, 0)]
    public void Class_json_shows_the_malloc_header_effect(string go, int cls, int size, int objects, int tailWaste)
    {
        var j = JsonOf(Golab.Run(Requirement.RepoRoot(), "alloc", "class", "1024", "--pointers", "--go", go, "--json"));
        Assert.Equal(cls, j.GetProperty("class").GetInt32());
        Assert.Equal(size, j.GetProperty("size").GetInt64());
        Assert.Equal(8192, j.GetProperty("spanBytes").GetInt64());
        Assert.Equal(objects, j.GetProperty("objects").GetInt32());
        Assert.Equal(8192 - objects * size, j.GetProperty("tailWaste").GetInt64());
        Assert.Equal(tailWaste, j.GetProperty("tailWaste").GetInt64());
        Assert.False(j.GetProperty("tiny").GetBoolean());
    }

    [Fact]
    public void Class_json_for_tiny_and_large_objects()
    {
        var tiny = JsonOf(Golab.Run(Requirement.RepoRoot(), "alloc", "class", "5", "--json"));
        Assert.True(tiny.GetProperty("tiny").GetBoolean());
        Assert.Equal((2, 16L, 3), (tiny.GetProperty("class").GetInt32(), tiny.GetProperty("size").GetInt64(), tiny.GetProperty("tinyPerBlock").GetInt32()));
        var large = JsonOf(Golab.Run(Requirement.RepoRoot(), "alloc", "class", "40000", "--json"));
        Assert.Equal((0, 40960L, true), (large.GetProperty("class").GetInt32(), large.GetProperty("size").GetInt64(), large.GetProperty("large").GetBoolean()));
    }

    [Fact]
    public void Class_table_for_humans()
    {
        var r = Golab.Run(Requirement.RepoRoot(), "alloc", "class", "100");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("class       9\n", r.Stdout);
        Assert.Contains("112 B", r.Stdout);
    }

    [Fact]
    public void Classes_prints_the_comment_table_of_sizeclasses_go()
    {
        var r = Golab.Run(Requirement.RepoRoot(), "alloc", "classes", "--go", "1.19");
        Assert.Equal(0, r.ExitCode);
        var go = File.ReadAllLines(Path.Combine(Requirement.RepoRoot(), "data", "oracles", "sizeclasses", "sizeclasses-go1.19.8.go.txt"))
            .SkipWhile(l => !l.StartsWith("// class  bytes/obj", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal) || l.Length == 0)
            .Select(l => l.Length == 0 ? "" : l[3..]);
        var printed = r.Stdout.Split('\n').Skip(1).Select(l => l.TrimEnd('\r'));
        Assert.Equal(string.Join("\n", go).Trim(), string.Join("\n", printed).Trim());
    }

    [Fact]
    public void Classes_json_has_67_rows()
    {
        var j = JsonOf(Golab.Run(Requirement.RepoRoot(), "alloc", "classes", "--json"));
        var rows = j.GetProperty("classes").EnumerateArray().ToList();
        Assert.Equal(67, rows.Count);
        Assert.Equal((5, 48, 170, 32), (rows[4].GetProperty("class").GetInt32(), rows[4].GetProperty("size").GetInt32(), rows[4].GetProperty("objects").GetInt32(), rows[4].GetProperty("tailWaste").GetInt32()));
        Assert.True(j.GetProperty("mallocHeader").GetBoolean());
    }

    [Fact]
    public void Simulate_json_counts_every_allocation()
    {
        var j = JsonOf(Golab.Run(Requirement.RepoRoot(), "alloc", "simulate", "--workload", "constant", "--size", "48", "--count", "1000", "--gogc", "-1", "--json"));
        Assert.Equal(1000, j.GetProperty("mallocs").GetInt64());
        Assert.Equal(48000, j.GetProperty("totalAllocBytes").GetInt64());
        Assert.Equal(6, j.GetProperty("refills").GetInt64()); // 170 objects per 8 KiB span
    }

    [Theory]
    [InlineData("SIZE", "alloc", "class", "--", "-5")]
    [InlineData("--size", "alloc", "simulate", "--size", "-1")]
    [InlineData("--size", "alloc", "simulate", "--size", "64")]
    [InlineData("--go", "alloc", "class", "8", "--go", "1.18")]
    [InlineData("--go", "alloc", "classes", "--go", "banana")]
    [InlineData("--procs", "alloc", "simulate", "--procs", "0")]
    [InlineData("--workload", "alloc", "simulate", "--workload", "nope")]
    public void Bad_input_is_one_line_naming_the_parameter_and_exit_2(string parameter, params string[] args)
    {
        var r = Golab.Run(Requirement.RepoRoot(), args);
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(parameter, line);
        Assert.Empty(r.Stdout);
    }
}
