using System.Text.Json.Nodes;
using GoRuntimeLab.Notebooks.Kernel;

namespace GoRuntimeLab.NotebookTests;

/// <summary>
/// The kernels <see cref="JupyterRuns"/> run in, installed once for the class in a temp prefix (each install
/// copies the whole tool): the kit kernel, and a stock kernelspec pointing at the pinned tool as shipped. Installed on
/// first use, so a run without Jupyter (the tests skip) installs nothing.
/// </summary>
public sealed class JupyterKernels : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("golab-jupyter-kernels-").FullName;
    private readonly Lazy<string> _kit;
    private readonly object _gate = new();
    private string? _stock;

    public JupyterKernels() => _kit = new Lazy<string>(InstallKit);

    /// <summary>The JUPYTER_PATH entry that finds the kit kernel (golab-csharp).</summary>
    public string Kit() => _kit.Value;

    /// <summary>The JUPYTER_PATH entry that finds <paramref name="name"/>: the pinned tool as shipped (FSharp.Core
    /// 10.0), i.e. what a learner's stock kernel is.</summary>
    public string Stock(string name)
    {
        lock (_gate)
        {
            if (_stock is not null) return _stock;
            // The kit install makes sure the pinned tool is restored; the stock kernelspec then points at the tool itself.
            Kit();
            var stockData = Path.Combine(_root, "stock", "share", "jupyter");
            var stockDir = Path.Combine(stockData, "kernels", name);
            Directory.CreateDirectory(stockDir);
            File.WriteAllText(Path.Combine(stockDir, "kernel.json"), new JsonObject
            {
                // Ports of its own: the kit kernel keeps the tool's default range (2048-3000), and two kernels starting at
                // once in one range can pick the same port (one then fails: "address already in use").
                ["argv"] = new JsonArray("dotnet", PinnedTool.EntryDll(), "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-local-only",
                    "--http-port-range", "3001-3999"),
                ["display_name"] = "C# (stock dotnet-interactive, test)",
                ["language"] = "C#",
            }.ToJsonString());
            return _stock = stockData;
        }
    }

    private string InstallKit()
    {
        var result = KernelInstaller.Install(new KernelInstallOptions(Path.Combine(_root, "prefix")));
        return result.JupyterPath!;
    }

    public void Dispose()
    {
        // The kit kernel's host lives here: no kernel started from it may outlive the tests.
        JupyterRuns.KillKernelsMentioning(_root);
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* the OS temp cleaner gets it */ }
    }
}
