using GoRuntimeLab.Testing;
using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests;

/// <summary>The stock kernel (the pinned tool as shipped, FSharp.Core 10.0) in real Jupyter: a bare Plotly.NET chart fails
/// with the FSharp.Core 10.1 error, and chapter 1 explains the fix instead of failing (see <see cref="JupyterRuns"/>).
/// Its kernelspec uses HTTP ports of its own, so it runs beside <see cref="JupyterKernelTests"/>.</summary>
public sealed class JupyterStockKernelTests(JupyterKernels kernels, ITestOutputHelper output) : JupyterRuns(kernels, output), IClassFixture<JupyterKernels>
{
    [SkippableFact]
    public void The_same_chart_fails_in_the_stock_kernel_with_an_FSharp_Core_10_1_error()
    {
        RequireJupyter();
        var stockData = InstallStockKernel();
        var notebook = WriteNotebook(Path.Combine(Root, "nb", "chart.ipynb"), StockKernel, ChartCell1, ChartCell2);

        var run = ExecuteNotebook(notebook, stockData, StockKernel, allowErrors: true);

        Assert.True(run.ExitCode == 0, run.Log);
        var errors = Ipynb.Outputs(run.Executed!).Where(o => (string?)o["output_type"] == "error").Select(o => o.ToJsonString()).ToList();
        Assert.True(errors.Count > 0, "the stock kernel ran the chart without error: the kit kernel test proves nothing");
        Assert.Contains(errors, e => e.Contains("FSharp.Core, Version=10.1", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void In_the_stock_kernel_chapter_1_explains_the_fix_without_a_stack_trace_and_still_draws_the_XPlot_chart()
    {
        RequireJupyter();
        var stockData = InstallStockKernel();
        var notebook = Path.Combine(Requirement.RepoRoot(), "notebooks", "01-getting-started.ipynb");

        var run = ExecuteNotebook(notebook, stockData, StockKernel, allowErrors: true);

        Assert.True(run.ExitCode == 0, run.Log);
        var code = run.Executed!["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        var setup = code[0]!["outputs"]!.AsArray().Select(o => o!.ToJsonString(Readable)).ToList();
        Assert.DoesNotContain(setup, o => o.Contains("\"output_type\":\"error\"", StringComparison.Ordinal));
        Assert.Contains(setup, o => o.Contains("kernel install", StringComparison.Ordinal) && o.Contains("FSharp.Core", StringComparison.Ordinal)
            && o.Contains("图表无法", StringComparison.Ordinal));
        Assert.DoesNotContain(setup, o => o.Contains("   at ", StringComparison.Ordinal)); // no stack trace
        var xplot = code[1]!["outputs"]!.AsArray().Select(o => o!.ToJsonString(Readable)).ToList();
        Assert.DoesNotContain(xplot, o => o.Contains("\"output_type\":\"error\"", StringComparison.Ordinal));
        Assert.Contains(xplot, o => o.Contains("newPlot", StringComparison.Ordinal) && o.Contains("golab-chart", StringComparison.Ordinal));
    }
}
