using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Engine;

/// <summary>`golab book` end to end, as a process: exit codes, files written, errors shown where they happened.</summary>
public class BookCommandTests
{
    private static string ChartsDll => Path.Combine(Requirement.RepoRoot(), "lib", "GoRuntimeLab.Charts", "bin", "GoRuntimeLab.Charts.dll");

    [Fact]
    public void Only_a_chapter_that_does_not_exist_is_a_one_line_error_with_exit_2()
    {
        using var dir = new TempDir();
        var r = Golab.Run(Requirement.RepoRoot(), "book", "--out", dir.File("site"), "--only", "99");

        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--only", line);
        Assert.Contains("99", line);
        Assert.False(Directory.Exists(dir.File("site")), "nothing is written for bad input");
    }

    [Fact]
    public void A_notebooks_folder_that_does_not_exist_is_a_one_line_error_with_exit_2()
    {
        using var dir = new TempDir();
        var r = Golab.Run(dir.Path, "book", "--notebooks", dir.File("nope"), "--out", dir.File("site"));

        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(dir.File("nope"), line);
    }

    [Fact]
    public void A_notebook_with_invalid_json_is_named_and_nothing_runs()
    {
        using var dir = new TempDir();
        TestNotebook.Write(dir.File("nb/01-fine.ipynb"), ("code", "1"));
        File.WriteAllText(dir.File("nb/02-broken.ipynb"), "{ \"cells\": [ oops ] }");

        var r = Golab.Run(dir.Path, "book", "--notebooks", dir.File("nb"), "--out", dir.File("site"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("02-broken.ipynb", r.Stderr);
        Assert.False(File.Exists(dir.File("site/01-fine.html")));
    }

    [Fact]
    public void An_unknown_option_is_exit_2()
    {
        var r = Golab.Run(Requirement.RepoRoot(), "book", "--colour", "red");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--colour", r.Stderr);
    }

    [Fact]
    public void The_book_has_an_index_a_page_per_chapter_the_executed_notebooks_and_one_plotly_js()
    {
        using var dir = new TempDir();
        TestNotebook.Write(dir.File("nb/01-one.ipynb"),
            ("md", "# One\n## 1.1 第一节"),
            ("code", $"#r \"{ChartsDll}\"\nGoRuntimeLab.Charts.Kit.Setup()"),
            ("code", "Plotly.NET.CSharp.Chart.Line<int, int, string>(x: new[] { 1, 2, 3 }, y: new[] { 3, 1, 2 })"));
        TestNotebook.Write(dir.File("nb/02-two.ipynb"), ("md", "# Two"), ("code", "Console.WriteLine(\"two\");"));

        var r = Golab.Run(dir.Path, "book", "--notebooks", dir.File("nb"), "--out", dir.File("site"));

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Contains("[1/2] 01-one.ipynb", r.Stdout);
        Assert.Contains("cell 2/2", r.Stdout);
        Assert.Contains("peak MB", r.Stdout);
        foreach (var f in new[] { "index.html", "01-one.html", "01-one.ipynb", "02-two.html", "02-two.ipynb", "plotly.min.js" })
            Assert.True(File.Exists(dir.File("site/" + f)), f);
        Assert.Single(Directory.GetFiles(dir.File("site"), "*.js"));
        var page = File.ReadAllText(dir.File("site/01-one.html"));
        Assert.Contains("<script src=\"plotly.min.js\"></script>", page);
        Assert.Contains("class=\"golab-chart\"", page);
        Assert.Contains("newPlot", page);
        var index = File.ReadAllText(dir.File("site/index.html"));
        Assert.Contains("href=\"01-one.html#", index); // the section anchor
        Assert.Contains("第一节", index);
        Assert.Empty(Directory.GetFiles(dir.File("site"), "*.tmp-*"));
    }

    [Fact]
    public void A_failed_cell_makes_exit_1_and_the_page_shows_the_error_where_it_happened()
    {
        using var dir = new TempDir();
        TestNotebook.Write(dir.File("nb/01-bad.ipynb"), ("code", "Console.WriteLine(\"before\");"),
            ("code", "throw new InvalidOperationException(\"the model refused\");"), ("code", "Console.WriteLine(\"after\");"));

        var r = Golab.Run(dir.Path, "book", "--notebooks", dir.File("nb"), "--out", dir.File("site"));

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("01-bad.ipynb cell 1", r.Stdout);
        var page = File.ReadAllText(dir.File("site/01-bad.html"));
        var failedCell = page.IndexOf("id=\"cell-1\"", StringComparison.Ordinal);
        var error = page.IndexOf("the model refused", StringComparison.Ordinal);
        Assert.True(failedCell > 0 && error > failedCell && error < page.IndexOf("id=\"cell-2\"", StringComparison.Ordinal), "the error sits in the failed cell");
        Assert.Contains("cell failed", page);
    }

    [Theory]
    [InlineData("notebooks", "is the notebooks folder")]
    [InlineData("{tmp}/a-file", "is a file")]
    [InlineData("", "empty")]
    [InlineData("/sys/golab-book-test", "/sys/golab-book-test")] // unwritable, even for root
    public void A_bad_output_folder_is_refused_before_any_work_with_one_line_naming_out_and_the_path(string value, string says)
    {
        using var dir = new TempDir();
        var root = Requirement.RepoRoot();
        File.WriteAllText(dir.File("a-file"), "not a folder");
        var notebooksBefore = Snapshot(Path.Combine(root, "notebooks"));
        var @out = value.Replace("{tmp}", dir.Path, StringComparison.Ordinal);

        var r = Golab.Run(root, "book", "--only", "01", "--out", @out);

        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("golab: --out", line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
        if (value.Length > 0) Assert.Contains(Path.GetFullPath(@out, root), line, StringComparison.Ordinal);
        Assert.DoesNotContain("[1/1]", r.Stdout, StringComparison.Ordinal); // nothing ran
        Assert.Equal(notebooksBefore, Snapshot(Path.Combine(root, "notebooks")));
    }

    [Fact]
    public void A_kit_library_that_is_neither_built_nor_shipped_stops_before_the_first_cell_with_what_to_run()
    {
        using var dir = new TempDir();
        TestNotebook.Write(dir.File("nb/01-one.ipynb"), ("code", "System.IO.File.WriteAllText(\"ran.txt\", \"x\");"),
            ("code", "#r \"../lib/GoRuntimeLab.Missing/bin/GoRuntimeLab.Missing.dll\""));

        var r = Golab.Run(dir.Path, "book", "--notebooks", dir.File("nb"), "--out", dir.File("site"));

        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("01-one.ipynb cell 1", line, StringComparison.Ordinal);
        Assert.Contains("dotnet build lib/GoRuntimeLab.Cli", line, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("nb/ran.txt")), "no cell ran");
        Assert.False(Directory.Exists(dir.File("site")), "nothing was written");
    }

    // File name → (length, mtime) of every file under dir.
    private static Dictionary<string, (long, DateTime)> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => (new FileInfo(f).Length, File.GetLastWriteTimeUtc(f)));
}
