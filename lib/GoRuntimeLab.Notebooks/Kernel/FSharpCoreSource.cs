using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;

namespace GoRuntimeLab.Notebooks.Kernel;

/// <summary>The FSharp.Core this engine runs with (pinned to 10.1.403), which is what the kernel host gets.</summary>
/// <param name="DllPath">Full path of FSharp.Core.dll.</param>
/// <param name="AssemblyVersion">Its assembly version (10.1.0.0 for every 10.1.x).</param>
/// <param name="Version">
/// Its version as NuGet names the package, e.g. "10.1.403": the product version without the servicing label
/// ("10.1.403-servicing.26523.112") or build metadata ("+sha") that the compiler team stamps into stable builds.
/// </param>
/// <param name="ProductVersion">The full product version, for the stamp: tells two builds of one version apart.</param>
/// <param name="Sha256">Hex SHA-256 of the DLL: tells two builds with the same version apart.</param>
internal sealed record FSharpCoreSource(string DllPath, Version AssemblyVersion, string Version, string ProductVersion, string Sha256)
{
    /// <summary>Plotly.NET 6.0.0 references FSharp.Core 10.1.0.0; anything older is the bug this installer fixes.</summary>
    public static readonly Version Minimum = new(10, 1, 0, 0);

    public static FSharpCoreSource FromThisProcess()
    {
        // The engine project references FSharp.Core 10.1.403, so the copy loaded here is the one to hand on.
        var assembly = typeof(Microsoft.FSharp.Core.Unit).Assembly;
        var path = assembly.Location;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                "cannot find FSharp.Core.dll on disk (this program seems to be published as a single file); " +
                "run the kit from its build output, e.g. `dotnet run --project lib/GoRuntimeLab.Cli -- kernel install`.");
        }
        return FromFile(path);
    }

    public static FSharpCoreSource FromFile(string path)
    {
        var assemblyVersion = AssemblyName.GetAssemblyName(path).Version ?? new Version(0, 0);
        if (assemblyVersion < Minimum)
        {
            throw new InvalidOperationException(
                $"{path} is FSharp.Core {assemblyVersion}, but the kernel needs {Minimum} or later for Plotly.NET; " +
                "the kit's engine should have loaded FSharp.Core 10.1.403 (rebuild lib/GoRuntimeLab.Notebooks).");
        }
        var product = FileVersionInfo.GetVersionInfo(path).ProductVersion ?? assemblyVersion.ToString();
        var end = product.IndexOfAny(['-', '+']);
        var version = end < 0 ? product : product[..end];
        using var stream = File.OpenRead(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new FSharpCoreSource(Path.GetFullPath(path), assemblyVersion, version, product, sha);
    }
}
