using GoRuntimeLab.Notebooks.Runner;
using Microsoft.DotNet.Interactive.Documents;

namespace GoRuntimeLab.NotebookTests.Engine;

public class NotebookRunnerTests
{
    [Fact]
    public async Task A_failing_cell_is_reported_with_its_index_and_the_run_continues()
    {
        using var dir = new TempDir();
        var path = TestNotebook.Write(dir.File("nb.ipynb"),
            ("md", "# title"),
            ("code", "var x = 40;"),
            ("code", "throw new InvalidOperationException(\"boom at cell 2\");"),
            ("code", "x + 2"));

        var run = await NotebookRunner.RunAsync(path);

        Assert.True(run.Failed);
        var failed = Assert.Single(run.FailedCells);
        Assert.Equal(2, failed.Index);
        Assert.Equal("c2", failed.Id);
        Assert.Contains("boom at cell 2", failed.Error);
        Assert.Contains("error", failed.MimeTypes);
        Assert.Equal(CellStatus.Succeeded, run.Cells[3].Status);
        Assert.Contains(run.Cells[3].Outputs.OfType<ReturnValueElement>(), r => r.Data.Values.Any(v => v.ToString()!.Contains("42")));
    }

    [Fact]
    public async Task StopOnError_skips_the_cells_after_the_failure()
    {
        using var dir = new TempDir();
        var path = TestNotebook.Write(dir.File("nb.ipynb"), ("code", "int.Parse(\"nope\")"), ("code", "1"));

        var run = await NotebookRunner.RunAsync(path, NotebookRunOptions.Default.WithStopOnError());

        Assert.Equal(CellStatus.Failed, run.Cells[0].Status);
        Assert.Equal(CellStatus.Skipped, run.Cells[1].Status);
        Assert.Empty(run.Cells[1].Outputs);
    }

    [Fact]
    public async Task A_compile_error_fails_the_cell_and_names_the_diagnostic()
    {
        using var dir = new TempDir();
        var path = TestNotebook.Write(dir.File("nb.ipynb"), ("code", "int y = \"not an int\";"));

        var run = await NotebookRunner.RunAsync(path);

        var failed = Assert.Single(run.FailedCells);
        Assert.Contains("CS0029", failed.Error);
    }

    [Fact]
    public async Task Outputs_carry_mime_types_for_stdout_return_values_and_displays()
    {
        using var dir = new TempDir();
        var path = TestNotebook.Write(dir.File("nb.ipynb"),
            ("code", "Console.WriteLine(\"to stdout\"); Console.Error.WriteLine(\"to stderr\");"),
            ("code", "display(HTML(\"<b>bold</b>\"));"),
            ("code", "\"a string\""));

        var run = await NotebookRunner.RunAsync(path);

        Assert.False(run.Failed, run.ToString());
        Assert.Equal("to stdout\n", Assert.IsType<TextElement>(run.Cells[0].Outputs.Single(o => o is TextElement { Name: "stdout" })).Text);
        Assert.Contains(run.Cells[0].Outputs, o => o is TextElement { Name: "stderr" } t && t.Text.Contains("to stderr"));
        var html = Assert.Single(run.Cells[1].Outputs.OfType<DisplayElement>());
        Assert.Equal("<b>bold</b>", html.Data["text/html"]);
        Assert.Contains("text/plain", run.Cells[2].MimeTypes.Concat(run.Cells[2].Outputs.OfType<ReturnValueElement>().SelectMany(r => r.Data.Keys)));
    }

    [Fact]
    public async Task Relative_references_resolve_against_the_notebook_folder()
    {
        using var dir = new TempDir();
        // A real library, under a name of its own, beside (not inside) the notebook folder: as notebooks/ ↔ lib/.
        Directory.CreateDirectory(dir.File("lib"));
        var source = typeof(GoRuntimeLab.KitInputException).Assembly.Location;
        File.Copy(source, dir.File("lib/GoRuntimeLab.dll"));
        File.WriteAllText(dir.File("lib/helper.cs"), "static string Shout(string s) => s.ToUpperInvariant() + \"!\";");
        var path = TestNotebook.Write(dir.File("notebooks/nb.ipynb"),
            ("code", "#r \"../lib/GoRuntimeLab.dll\"\nGoRuntimeLab.KitInputException.For(\"bad\", parameter: \"--x\").Message"),
            ("code", "#!import ../lib/helper.cs"),
            ("code", "Shout(\"go\")"));
        var before = Directory.GetCurrentDirectory();

        var run = await NotebookRunner.RunAsync(path);

        Assert.False(run.Failed, run.ToString());
        Assert.Contains(run.Cells[0].Outputs.OfType<ReturnValueElement>(), r => r.Data.Values.Any(v => v.ToString()!.Contains("--x: bad")));
        Assert.Contains(run.Cells[2].Outputs.OfType<ReturnValueElement>(), r => r.Data.Values.Any(v => v.ToString()!.Contains("GO!")));
        Assert.Equal(before, Directory.GetCurrentDirectory());
    }

    [Fact]
    public async Task The_executed_notebook_is_written_as_nbformat_4_5_with_ids_and_outputs()
    {
        using var dir = new TempDir();
        var path = TestNotebook.Write(dir.File("nb.ipynb"), ("md", "# t"), ("code", "Console.WriteLine(7*6);"));
        var run = await NotebookRunner.RunAsync(path);

        var outPath = dir.File("out/nb.ipynb");
        NotebookRunner.Write(run.Document, outPath);

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(outPath));
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.Equal(5, root.GetProperty("nbformat_minor").GetInt32());
        var code = root.GetProperty("cells")[1];
        Assert.Equal("c1", code.GetProperty("id").GetString());
        Assert.Equal(1, code.GetProperty("execution_count").GetInt32());
        var stream = code.GetProperty("outputs")[0];
        Assert.Equal("stream", stream.GetProperty("output_type").GetString());
        Assert.Contains("42", stream.GetRawText());
        Assert.Empty(Directory.GetFiles(dir.File("out"), "*.tmp-*"));
    }

    [Fact]
    public void Invalid_json_is_reported_with_the_file_name_and_line()
    {
        using var dir = new TempDir();
        var path = dir.File("broken.ipynb");
        File.WriteAllText(path, "{\n  \"cells\": [\n    {,\n  ]\n}");

        var e = Assert.Throws<NotebookFormatException>(() => NotebookRunner.Read(path));

        Assert.Contains("broken.ipynb", e.Message);
        Assert.Equal(3, e.Line);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void Json_that_is_not_a_notebook_is_reported_by_file_name()
    {
        using var dir = new TempDir();
        var path = dir.File("list.ipynb");
        File.WriteAllText(path, "[1, 2, 3]");

        var e = Assert.Throws<NotebookFormatException>(() => NotebookRunner.Read(path));

        Assert.Contains("list.ipynb", e.Message);
        Assert.Contains("not a Jupyter notebook", e.Message);
    }

    [Fact]
    public void A_missing_notebook_is_bad_input_naming_the_path()
    {
        var e = Assert.Throws<KitInputException>(() => NotebookRunner.Read("/no/such/notebook.ipynb"));
        Assert.Contains("/no/such/notebook.ipynb", e.Message);
    }
}
