namespace GoRuntimeLab.Notebooks.Kernel;

/// <summary>What <see cref="KernelInstaller.Install"/> found and did.</summary>
/// <param name="Name">The kernel name (what <c>--ExecutePreprocessor.kernel_name</c> or a notebook's kernelspec names).</param>
/// <param name="KernelDir">The kernelspec folder, <c>…/kernels/&lt;name&gt;</c>; it holds everything that was installed.</param>
/// <param name="KernelJsonPath">The kernel.json inside <paramref name="KernelDir"/>.</param>
/// <param name="JupyterPath">
/// With a prefix: the value to put in <c>JUPYTER_PATH</c> so Jupyter finds the kernel (<c>&lt;prefix&gt;/share/jupyter</c>).
/// Null for a per-user install, which Jupyter finds by default.
/// </param>
/// <param name="Changed">False when an identical install was already in place and nothing was written.</param>
/// <param name="ToolVersion">The Microsoft.dotnet-interactive build the kernel host was copied from.</param>
/// <param name="FSharpCoreVersion">The FSharp.Core version swapped into the kernel host.</param>
/// <param name="Actions">What was done, one line per step, for a log or a CLI.</param>
public sealed record KernelInstallResult(
    string Name,
    string KernelDir,
    string KernelJsonPath,
    string? JupyterPath,
    bool Changed,
    string ToolVersion,
    string FSharpCoreVersion,
    IReadOnlyList<string> Actions);
