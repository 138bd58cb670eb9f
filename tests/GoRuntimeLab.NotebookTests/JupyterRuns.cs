using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using GoRuntimeLab.Notebooks.Kernel;
using GoRuntimeLab.Testing;
using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests;
/// <summary>
/// Real Jupyter (nbconvert) against the kit kernel and a stock kernel installed in a temp prefix
/// (<see cref="JupyterKernels"/>, once per class): proves the FSharp.Core 10.1 swap makes Plotly.NET work where the
/// stock kernel fails (ARCHITECTURE.md §6). Skips without Jupyter unless GOLAB_REQUIRE_JUPYTER=1. The tests are split
/// over two classes, so the two collections run side by side.
/// </summary>
public abstract class JupyterRuns : IDisposable
{
    protected const string KitKernel = "golab-csharp";
    protected const string StockKernel = "golab-stock-test";

    // Cell 2 uses Plotly.NET.CSharp, whose Chart.Point needs FSharp.Core 10.1 at run time: the failure in a stock kernel.
    protected const string ChartCell1 = "#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"";
    protected const string ChartCell2 =
        "var chart = Plotly.NET.CSharp.Chart.Point<double, double, string>(x: new[] { 1.0, 2, 3, 4 }, y: new[] { 1.0, 4, 9, 16 });\n" +
        "display(HTML(Plotly.NET.GenericChart.toEmbeddedHTML(chart)));";
    private readonly ITestOutputHelper _output;
    private readonly JupyterKernels _kernels;
    private readonly string _root = Directory.CreateTempSubdirectory("golab-jupyter-test-").FullName;

    protected JupyterRuns(JupyterKernels kernels, ITestOutputHelper output)
    {
        _kernels = kernels;
        _output = output;
    }

    public void Dispose()
    {
        // Belt and braces: nbconvert shuts its kernel down, but a kernel must never outlive the test run.
        var killed = KillKernelsMentioning(_root);
        if (killed > 0) _output.WriteLine($"killed {killed} leftover kernel process(es)");
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* the OS temp cleaner gets it */ }
        GC.SuppressFinalize(this);
    }

    protected string Root => _root;

    // Chinese text and '<' stay as they are, so assertions can look for them.
    protected static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    protected string InstallStockKernel() => _kernels.Stock(StockKernel);

    protected static void RequireJupyter() =>
        Requirement.Tool(
            Requirement.OnPath("jupyter") is not null && Requirement.OnPath("jupyter-nbconvert") is not null,
            "GOLAB_REQUIRE_JUPYTER",
            "jupyter with nbconvert is not on PATH (Debian: apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)");

    // Returns the JUPYTER_PATH entry that finds it.
    protected string InstallKitKernel() => _kernels.Kit();

    protected static void AssertRanCleanWithPlotlyChart(NotebookRun run)
    {
        Assert.True(run.ExitCode == 0, $"nbconvert exited {run.ExitCode}:\n{run.Log}");
        var outputs = Ipynb.Outputs(run.Executed!).ToList();
        var errors = outputs.Where(o => (string?)o["output_type"] == "error").Select(o => o.ToJsonString()).ToList();
        Assert.True(errors.Count == 0, "error outputs:\n" + string.Join("\n", errors));
        var html = outputs.Select(Ipynb.Html).ToList();
        // Plotly.NET's own HTML calls Plotly.newPlot; the kit's formatter (class="golab-chart") calls it through its loader.
        Assert.True(html.Any(h => h.Contains(".newPlot(", StringComparison.Ordinal)), "no text/html output holds a Plotly chart (newPlot)");
    }

    protected sealed record NotebookRun(int ExitCode, string Log, JsonNode? Executed, TimeSpan Elapsed);

    /// <summary>
    /// <c>jupyter nbconvert --execute</c> on <paramref name="notebookPath"/> with only <paramref name="jupyterPath"/>'s
    /// kernels in sight; the executed copy goes to a temp folder (the source notebook is not touched).
    /// </summary>
    protected NotebookRun ExecuteNotebook(string notebookPath, string jupyterPath, string kernelName, bool allowErrors)
    {
        var outDir = Path.Combine(_root, "out-" + kernelName);
        var runtimeDir = Path.Combine(_root, "runtime");
        var dataDir = Path.Combine(_root, "jupyter-data");
        Directory.CreateDirectory(runtimeDir);
        Directory.CreateDirectory(dataDir);

        // Its own working directory: other collections run in parallel, and the in-process runner moves this process's.
        var start = new ProcessStartInfo("jupyter") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "nbconvert", "--to", "notebook", "--execute", notebookPath, "--output-dir", outDir,
                     "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=" + kernelName,
                 })
            start.ArgumentList.Add(arg);
        if (allowErrors) start.ArgumentList.Add("--allow-errors");
        start.Environment["JUPYTER_PATH"] = jupyterPath;
        // The connection file lands here, so the kernel's command line names this test's folder (see Dispose).
        start.Environment["JUPYTER_RUNTIME_DIR"] = runtimeDir;
        // Hermetic: the user's own kernelspecs (even one named golab-csharp) stay out of sight.
        start.Environment["JUPYTER_DATA_DIR"] = dataDir;
        start.Environment["PYDEVD_DISABLE_FILE_VALIDATION"] = "1";

        var log = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"jupyter nbconvert on {notebookPath} did not finish in 15 minutes:\n{log}");
        }
        process.WaitForExit();
        var elapsed = clock.Elapsed;
        _output.WriteLine($"jupyter nbconvert --execute {Path.GetFileName(notebookPath)} on {kernelName}: {elapsed.TotalSeconds:F1} s, exit {process.ExitCode}");

        var executedPath = Path.Combine(outDir, Path.GetFileName(notebookPath));
        var executed = File.Exists(executedPath) ? JsonNode.Parse(File.ReadAllText(executedPath)) : null;
        if (process.ExitCode == 0) Assert.True(executed is not null, $"nbconvert wrote no {executedPath}:\n{log}");

        var leftovers = KillKernelsMentioning(_root);
        Assert.True(leftovers == 0, $"{leftovers} kernel process(es) were still running after nbconvert exited (killed)");
        return new NotebookRun(process.ExitCode, log.ToString(), executed, elapsed);
    }

    protected static string WriteNotebook(string path, string kernelName, params string[] codeCells)
    {
        var cells = new JsonArray();
        for (var i = 0; i < codeCells.Length; i++)
        {
            cells.Add(new JsonObject
            {
                ["cell_type"] = "code",
                ["id"] = $"cell-{i + 1}",
                ["metadata"] = new JsonObject { ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" } },
                ["execution_count"] = null,
                ["outputs"] = new JsonArray(),
                ["source"] = codeCells[i],
            });
        }
        var notebook = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["name"] = kernelName, ["display_name"] = "C#", ["language"] = "C#" },
                ["language_info"] = new JsonObject { ["name"] = "C#" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    /// <summary>
    /// Kills processes whose command line mentions <paramref name="marker"/> (this test's temp folder: the kernel's
    /// connection file and, for the kit kernel, its host live there), so only kernels this test started are touched.
    /// Linux only (/proc); elsewhere nothing is checked.
    /// </summary>
    internal static int KillKernelsMentioning(string marker)
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var killed = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // exited meanwhile, or not ours to read
            }
            if (!commandLine.Contains(marker, StringComparison.Ordinal)) continue;
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
                killed++;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
        return killed;
    }
}
