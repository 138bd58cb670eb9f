using GoRuntimeLab.Notebooks.Runner;
using GoRuntimeLab.Testing;
using Microsoft.DotNet.Interactive.Documents;
using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests;

/// <summary>Every chapter notebook executes in the in-process engine with no failed cell, and draws its charts.</summary>
public class ChapterNotebookTests(ITestOutputHelper output)
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_without_a_failed_cell_and_draws_plotly_charts(string notebook)
    {
        var path = Path.Combine(Requirement.RepoRoot(), "notebooks", notebook);

        var run = await NotebookRunner.RunAsync(path);

        output.WriteLine(run.ToString());
        Assert.False(run.Failed, run.ToString());
        var charts = run.AllOutputs.Select(o => Html(o.Output)).Where(h => h.Contains("newPlot", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(charts);
        Assert.Contains(charts, c => c.Contains("class=\"golab-chart\"", StringComparison.Ordinal));

        // The model chapters teach with plots: every "## N.M" section of chapters 2 and 3 draws at least one kit chart.
        if (notebook.StartsWith("02", StringComparison.Ordinal) || notebook.StartsWith("03", StringComparison.Ordinal))
        {
            var perSection = ChartsPerSection(run);
            foreach (var (section, count) in perSection) output.WriteLine($"{count,3} charts  {section}");
            Assert.NotEmpty(perSection);
            Assert.All(perSection, s => Assert.True(s.Charts > 0, $"section \"{s.Section}\" draws no chart"));
        }
    }

    private static List<(string Section, int Charts)> ChartsPerSection(NotebookRunResult run)
    {
        var sections = new List<(string Section, int Charts)>();
        foreach (var cell in run.Cells)
        {
            var element = run.Document.Elements[cell.Index];
            if (cell.Kind != "code")
            {
                var heading = element.Contents.Split('\n').FirstOrDefault(l => l.StartsWith("## ", StringComparison.Ordinal));
                if (heading is not null) sections.Add((heading[3..].Trim(), 0));
                continue;
            }

            var drawn = cell.Outputs.Count(o => o is DisplayElement or ReturnValueElement && Html(o).Contains("class=\"golab-chart\"", StringComparison.Ordinal));
            if (sections.Count > 0 && drawn > 0) sections[^1] = (sections[^1].Section, sections[^1].Charts + drawn);
        }

        return sections;
    }

    private static string Html(InteractiveDocumentOutputElement o) =>
        (o switch { DisplayElement d => d.Data, ReturnValueElement r => r.Data, _ => null })?.TryGetValue("text/html", out var html) == true
            ? html.ToString() ?? "" : "";

    [Fact]
    public void Committed_notebooks_carry_no_error_outputs_and_have_cell_ids()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "notebooks"), "*.ipynb"))
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal(5, json.RootElement.GetProperty("nbformat_minor").GetInt32());
            Assert.Equal("golab-csharp", json.RootElement.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
            foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(cell.GetProperty("id").GetString()), path);
                if (cell.TryGetProperty("outputs", out var outputs))
                    foreach (var o in outputs.EnumerateArray())
                        Assert.NotEqual("error", o.GetProperty("output_type").GetString());
            }
        }
    }
}
