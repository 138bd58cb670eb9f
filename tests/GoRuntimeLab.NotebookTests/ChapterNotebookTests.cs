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
        var charts = run.AllOutputs.Select(o => o.Output)
            .SelectMany(o => o switch { DisplayElement d => d.Data, ReturnValueElement r => r.Data, _ => new Dictionary<string, object>() })
            .Where(kv => kv.Key == "text/html" && kv.Value.ToString()!.Contains("newPlot", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(charts);
        Assert.Contains(charts, c => c.Value.ToString()!.Contains("class=\"golab-chart\"", StringComparison.Ordinal));
    }

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
