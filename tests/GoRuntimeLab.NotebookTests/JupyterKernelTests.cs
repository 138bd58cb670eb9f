using GoRuntimeLab.Testing;
using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests;

/// <summary>The kit kernel in real Jupyter: every chapter runs clean with its kit charts, and a bare Plotly.NET chart draws
/// (see <see cref="JupyterRuns"/>).</summary>
public sealed class JupyterKernelTests(JupyterKernels kernels, ITestOutputHelper output) : JupyterRuns(kernels, output), IClassFixture<JupyterKernels>
{
    [SkippableTheory]
    [InlineData("01-getting-started.ipynb")]
    [InlineData("02-runtime-internals.ipynb")]
    [InlineData("03-diagnostics.ipynb")]
    public void Every_chapter_runs_in_the_kit_kernel(string chapter)
    {
        RequireJupyter();
        var notebook = Path.Combine(Requirement.RepoRoot(), "notebooks", chapter);
        Assert.True(File.Exists(notebook), notebook);

        var jupyterPath = InstallKitKernel();
        var run = ExecuteNotebook(notebook, jupyterPath, KitKernel, allowErrors: false);

        AssertRanCleanWithPlotlyChart(run);
        var kitCharts = Ipynb.Outputs(run.Executed!).Count(o => Ipynb.Html(o).Contains("class=\"golab-chart\"", StringComparison.Ordinal));
        Assert.True(kitCharts >= 2, $"{chapter}: {kitCharts} kit charts in real Jupyter");
    }

    [SkippableFact]
    public void A_Plotly_NET_chart_runs_in_the_kit_kernel()
    {
        RequireJupyter();
        var notebook = WriteNotebook(Path.Combine(Root, "nb", "chart.ipynb"), KitKernel, ChartCell1, ChartCell2);

        var jupyterPath = InstallKitKernel();
        var run = ExecuteNotebook(notebook, jupyterPath, KitKernel, allowErrors: false);

        AssertRanCleanWithPlotlyChart(run);
    }
}
