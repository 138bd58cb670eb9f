namespace GoRuntimeLab.Notebooks.Kernel;

/// <summary>Where and under which name <see cref="KernelInstaller"/> puts the kit's Jupyter kernelspec.</summary>
/// <param name="Prefix">
/// Install prefix, Jupyter's own <c>--prefix</c> convention: the kernel goes to
/// <c>&lt;prefix&gt;/share/jupyter/kernels/&lt;name&gt;/</c> and Jupyter finds it with
/// <c>JUPYTER_PATH=&lt;prefix&gt;/share/jupyter</c>. Null: the per-user Jupyter data folder
/// (<c>$JUPYTER_DATA_DIR</c>, else the platform default, e.g. <c>~/.local/share/jupyter</c>), which Jupyter and
/// VS Code search without any setting.
/// </param>
/// <param name="Name">Kernel name (folder name and <c>kernel_name</c>): lower-case letters, digits, '.', '_', '-'.</param>
/// <param name="ToolPackageFolder">
/// Override for tests: the Microsoft.dotnet-interactive tool folder to copy (the one holding
/// <c>DotnetToolSettings.xml</c>, or the package folder above <c>tools/</c>). Null: the pinned tool in the NuGet cache.
/// </param>
public sealed record KernelInstallOptions(
    string? Prefix = null,
    string Name = KernelInstallOptions.DefaultName,
    string? ToolPackageFolder = null)
{
    /// <summary>The kernel name the notebooks and the book expect.</summary>
    public const string DefaultName = "golab-csharp";
}
