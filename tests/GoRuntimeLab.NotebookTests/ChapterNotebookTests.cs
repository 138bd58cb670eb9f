using System.Text.Json.Nodes;
using GoRuntimeLab.Testing;
using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests;

/// <summary>
/// Every chapter notebook executes in the engine with no failed cell and draws its charts. The notebooks run once, in
/// <see cref="ExecutedBook"/> (<c>golab book</c> over every chapter of a fresh checkout); these tests read the executed
/// copies it wrote.
/// </summary>
[Collection(SharedBook.Name)]
public partial class ChapterNotebookTests(ExecutedBook book, ITestOutputHelper output)
{
    public static TheoryData<string> Notebooks() => new(ExecutedBook.Chapters());

    [Fact]
    public void The_book_of_every_chapter_builds_with_exit_0_an_index_and_a_timing_table()
    {
        output.WriteLine(book.Book.Stdout);
        Assert.True(book.Book.ExitCode == 0, $"golab book exited {book.Book.ExitCode}:\n{book.Book.Stdout}\n{book.Book.Stderr}");
        Assert.Contains("peak MB", book.Book.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(book.Site, "index.html")));
        Assert.Single(Directory.GetFiles(book.Site, "*.js"));
        foreach (var chapter in ExecutedBook.Chapters())
        {
            Assert.Contains($"] {chapter}", book.Book.Stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(book.Site, Path.ChangeExtension(chapter, ".html"))), chapter);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_without_a_failed_cell_and_draws_plotly_charts(string notebook)
    {
        var executed = book.Executed(notebook);

        var failed = book.FailedLines(notebook);
        Assert.True(failed.Count == 0, string.Join("\n", failed));
        var errors = Ipynb.Outputs(executed).Where(o => (string?)o["output_type"] == "error").Select(o => o.ToJsonString()).ToList();
        Assert.True(errors.Count == 0, "error outputs:\n" + string.Join("\n", errors));
        var code = Ipynb.Cells(executed).Where(c => (string?)c["cell_type"] == "code").ToList();
        Assert.NotEmpty(code);
        Assert.All(code, c => Assert.True(c["execution_count"] is JsonValue v && v.GetValue<int>() > 0, $"cell {c["id"]} did not run"));
        output.WriteLine($"{notebook}: {code.Count} code cells ran");

        var charts = Ipynb.Outputs(executed).Select(Ipynb.Html).Where(h => h.Contains("newPlot", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(charts);
        Assert.Contains(charts, c => c.Contains("class=\"golab-chart\"", StringComparison.Ordinal));

        // The model chapters and the case studies teach with plots: every "## N.M" section of chapters 2–5 draws at least
        // one kit chart (a chapter's unnumbered "## 本章小结" need not).
        if (notebook[..2] is "02" or "03" or "04" or "05")
        {
            var perSection = ChartsPerSection(executed);
            foreach (var (section, count) in perSection) output.WriteLine($"{count,3} charts  {section}");
            Assert.NotEmpty(perSection);
            Assert.All(perSection, s => Assert.True(s.Charts > 0, $"section \"{s.Section}\" draws no chart"));
        }
    }

    private static List<(string Section, int Charts)> ChartsPerSection(JsonNode executed)
    {
        var sections = new List<(string Section, int Charts)>();
        foreach (var cell in Ipynb.Cells(executed))
        {
            if ((string?)cell["cell_type"] != "code")
            {
                var heading = Ipynb.Source(cell).Split('\n').FirstOrDefault(l => l.StartsWith("## ", StringComparison.Ordinal));
                if (heading is not null) sections.Add((heading[3..].Trim(), 0));
                continue;
            }

            var drawn = (cell["outputs"]?.AsArray() ?? []).OfType<JsonNode>()
                .Count(o => Ipynb.Html(o).Contains("class=\"golab-chart\"", StringComparison.Ordinal));
            if (sections.Count > 0 && drawn > 0) sections[^1] = (sections[^1].Section, sections[^1].Charts + drawn);
        }

        return sections.Where(s => NumberedSection().IsMatch("## " + s.Section)).ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^## \d+\.\d+ ")]
    private static partial System.Text.RegularExpressions.Regex NumberedSection();
}
