using GoRuntimeLab.Notebooks.Runner;

namespace GoRuntimeLab.NotebookTests.Engine;

/// <summary>The notebooks' references to the kit's libraries resolve to the copies the engine runs; others stay.</summary>
public class KitReferencesTests
{
    private static readonly string Engine = typeof(NotebookRunner).Assembly.Location;

    [Theory]
    [InlineData("#r \"../lib/GoRuntimeLab.Notebooks/bin/GoRuntimeLab.Notebooks.dll\"")]
    [InlineData("  #r   \"/elsewhere/lib/GoRuntimeLab.Notebooks/bin/GoRuntimeLab.Notebooks.dll\"  ")]
    [InlineData("#r \"..\\lib\\GoRuntimeLab.Notebooks\\bin\\GoRuntimeLab.Notebooks.dll\"")]
    public void A_kit_reference_points_at_the_assembly_this_process_runs(string reference)
    {
        using var dir = new TempDir();

        var code = KitReferences.Resolve(reference + "\nusing GoRuntimeLab.Notebooks;\n1 + 1", dir.Path, "nb.ipynb", 0);

        var lines = code.Split('\n');
        Assert.Equal($"#r \"{Engine}\"", string.Join(' ', lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(["using GoRuntimeLab.Notebooks;", "1 + 1"], lines[1..]);
    }

    [Theory]
    [InlineData("#r \"nuget: XPlot.Plotly, 4.1.0\"")]
    [InlineData("#r \"../lib/MyOwn/bin/MyOwn.dll\"")]
    [InlineData("#r \"../mine/GoRuntimeLab.Notebooks.dll\"")]
    [InlineData("// #r \"../lib/GoRuntimeLab.Notebooks/bin/GoRuntimeLab.Notebooks.dll\"")]
    [InlineData("var s = \"#r\";")]
    public void Other_references_and_code_are_left_alone(string code)
    {
        using var dir = new TempDir();
        Assert.Equal(code, KitReferences.Resolve(code, dir.Path, "nb.ipynb", 0));
    }

    [Fact]
    public void A_kit_reference_built_in_place_but_not_shipped_is_used_as_written()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("lib/GoRuntimeLab.Extra/bin"));
        File.WriteAllText(dir.File("lib/GoRuntimeLab.Extra/bin/GoRuntimeLab.Extra.dll"), "");
        const string Code = "#r \"../lib/GoRuntimeLab.Extra/bin/GoRuntimeLab.Extra.dll\"";

        Assert.Equal(Code, KitReferences.Resolve(Code, dir.File("notebooks"), "nb.ipynb", 0));
    }

    [Fact]
    public void A_kit_reference_that_resolves_nowhere_is_one_line_saying_what_to_build()
    {
        using var dir = new TempDir();

        var e = Assert.Throws<KitInputException>(() =>
            KitReferences.Resolve("1\n#r \"../lib/GoRuntimeLab.Missing/bin/GoRuntimeLab.Missing.dll\"", dir.Path, "/x/01-a.ipynb", 3));

        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("/x/01-a.ipynb cell 3: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build lib/GoRuntimeLab.Cli", e.Message, StringComparison.Ordinal);
        Assert.Equal("/x/01-a.ipynb", e.FilePath);
    }

    [Fact]
    public async Task The_runner_stops_before_the_first_cell_when_a_kit_reference_resolves_nowhere()
    {
        using var dir = new TempDir();
        var path = TestNotebook.Write(dir.File("nb/nb.ipynb"), ("code", "System.IO.File.WriteAllText(\"ran.txt\", \"x\");"),
            ("code", "#r \"../lib/GoRuntimeLab.Missing/bin/GoRuntimeLab.Missing.dll\""));

        var e = await Assert.ThrowsAsync<KitInputException>(() => NotebookRunner.RunAsync(path));

        Assert.Contains("cell 1", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("nb/ran.txt")), "no cell ran");
    }
}
