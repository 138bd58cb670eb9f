using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using GoRuntimeLab.Notebooks.Kernel;
using GoRuntimeLab.Testing;
using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests.Delivery;

/// <summary>
/// Binder and the dev container cannot be run here (no Docker in CI), so this runs what both of them run:
/// <c>binder/install-kit.sh</c>, in a fresh checkout with a clean HOME, then <c>jupyter nbconvert --execute</c> of
/// chapter 1 with no kernel named on the command line — the notebook's own metadata must select the installed kit
/// kernel, as JupyterLab on Binder and VS Code do. The NuGet package cache is shared (NUGET_PACKAGES) so packages are
/// not downloaded again; nothing else of the user's is visible.
/// </summary>
public sealed class BinderInstallTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("golab-binder-test-").FullName;

    [SkippableFact]
    public void The_install_script_in_a_clean_home_gives_a_kernel_that_runs_chapter_1_from_its_metadata()
    {
        Requirement.Tool(Requirement.OnPath("jupyter") is not null && Requirement.OnPath("jupyter-nbconvert") is not null, "GOLAB_REQUIRE_JUPYTER",
            "jupyter with nbconvert is not on PATH (Debian: apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel)");
        var checkout = Path.Combine(_root, "checkout");
        ExecutedBook.CopyCheckout(Requirement.RepoRoot(), checkout);
        var home = Directory.CreateDirectory(Path.Combine(_root, "home")).FullName;
        var runtime = Directory.CreateDirectory(Path.Combine(_root, "runtime")).FullName;
        var env = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                                 ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            ["JUPYTER_RUNTIME_DIR"] = runtime, // the kernel's command line names this test's folder (see Dispose)
            ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1",
        };

        var install = Run("bash", checkout, env, ["binder/install-kit.sh"]);
        Assert.True(install.ExitCode == 0, $"install-kit.sh exited {install.ExitCode}:\n{install.Log}");
        var kernelJson = Path.Combine(home, ".local", "share", "jupyter", "kernels", KernelInstallOptions.DefaultName, "kernel.json");
        Assert.True(File.Exists(kernelJson), $"no {kernelJson}:\n{install.Log}");

        var outDir = Path.Combine(_root, "out");
        var run = Run("jupyter", checkout, env,
            ["nbconvert", "--to", "notebook", "--execute", "notebooks/01-getting-started.ipynb", "--output-dir", outDir, "--ExecutePreprocessor.timeout=600"]);
        Assert.True(run.ExitCode == 0, $"nbconvert exited {run.ExitCode}:\n{run.Log}");
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "01-getting-started.ipynb")))!;
        Assert.Equal(KernelInstallOptions.DefaultName, (string?)executed["metadata"]!["kernelspec"]!["name"]);
        var errors = Ipynb.Outputs(executed).Where(o => (string?)o["output_type"] == "error").Select(o => o.ToJsonString()).ToList();
        Assert.True(errors.Count == 0, "error outputs:\n" + string.Join("\n", errors));
        Assert.Contains(Ipynb.Outputs(executed).Select(Ipynb.Html), h => h.Contains(".newPlot(", StringComparison.Ordinal));
    }

    private sealed record Ran(int ExitCode, string Log);

    private Ran Run(string file, string workingDirectory, Dictionary<string, string> env, string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        foreach (var k in new[] { "JUPYTER_PATH", "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "DOTNET_CLI_HOME", "XDG_DATA_HOME" }) start.Environment.Remove(k);
        var log = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 20 minutes:\n{log}");
        }
        process.WaitForExit();
        output.WriteLine($"{file} {string.Join(' ', args)}: exit {process.ExitCode} in {clock.Elapsed.TotalSeconds:F0} s");
        return new Ran(process.ExitCode, log.ToString());
    }

    public void Dispose()
    {
        JupyterRuns.KillKernelsMentioning(_root);
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* the OS temp cleaner gets it */ }
    }
}
