using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace GoRuntimeLab.Notebooks.Kernel;

/// <summary>A Microsoft.dotnet-interactive tool folder on disk: the files to copy and the entry DLL to run.</summary>
/// <param name="Folder">The folder holding DotnetToolSettings.xml and the tool's DLLs (<c>tools/net10.0/any</c>).</param>
/// <param name="EntryPoint">The entry DLL's file name, as DotnetToolSettings.xml names it.</param>
/// <param name="Version">The entry DLL's product version, e.g. "1.0.712001+df4e5cbc…".</param>
internal sealed record InteractiveTool(string Folder, string EntryPoint, string Version)
{
    /// <summary>The package id, as NuGet lays it out in the global packages folder (lower case).</summary>
    public const string PackageId = "microsoft.dotnet-interactive";

    /// <summary>
    /// The pinned build (dotnet-tools.json). The tool is frozen upstream and the FSharp.Core swap was measured on
    /// exactly this build, so a different one is not picked up silently.
    /// </summary>
    public const string PinnedVersion = "1.0.712001";

    public const string DisplayName = "Microsoft.dotnet-interactive";

    /// <summary>Reads a tool folder (or a package folder above <c>tools/</c>); null if it is not one.</summary>
    public static InteractiveTool? TryRead(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        var settings = Path.Combine(folder, "DotnetToolSettings.xml");
        if (!File.Exists(settings))
        {
            // A package folder: the tool lives in tools/<tfm>/any/.
            var tools = Path.Combine(folder, "tools");
            if (!Directory.Exists(tools)) return null;
            var candidates = Directory.GetFiles(tools, "DotnetToolSettings.xml", SearchOption.AllDirectories);
            if (candidates.Length != 1) return null;
            settings = candidates[0];
            folder = Path.GetDirectoryName(settings)!;
        }

        string? entryPoint;
        try
        {
            entryPoint = XDocument.Load(settings).Descendants("Command")
                .Select(c => (string?)c.Attribute("EntryPoint"))
                .FirstOrDefault(e => !string.IsNullOrEmpty(e));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
        if (entryPoint is null || !File.Exists(Path.Combine(folder, entryPoint))) return null;

        var version = FileVersionInfo.GetVersionInfo(Path.Combine(folder, entryPoint)).ProductVersion ?? "unknown";
        return new InteractiveTool(Path.GetFullPath(folder), entryPoint, version);
    }

    /// <summary>
    /// Finds the pinned tool in the NuGet global packages folder; if it is not there, runs <c>dotnet tool restore</c>
    /// where the kit's tool manifest is and looks again.
    /// </summary>
    public static InteractiveTool Locate(string? overrideFolder, IProgress<string>? progress)
    {
        if (overrideFolder is not null)
        {
            return TryRead(overrideFolder)
                ?? throw new KitInputException(
                    $"'{overrideFolder}' is not a Microsoft.dotnet-interactive tool folder (no DotnetToolSettings.xml with an existing entry point)")
                {
                    Parameter = nameof(KernelInstallOptions) + "." + nameof(KernelInstallOptions.ToolPackageFolder),
                };
        }

        var packageFolder = Path.Combine(GlobalPackagesFolder(), PackageId, PinnedVersion);
        var tool = TryRead(packageFolder) ?? FromResolverCache();
        if (tool is not null) return tool;

        var manifestDir = FindManifestDirectory();
        if (manifestDir is null)
        {
            throw new InvalidOperationException(
                $"{DisplayName} {PinnedVersion} is not in {packageFolder}, and no dotnet-tools.json was found above " +
                $"'{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'. Run `dotnet tool restore` in the kit's " +
                "folder (the one holding dotnet-tools.json), or set NUGET_PACKAGES to the packages folder that holds the tool.");
        }

        progress?.Report($"{DisplayName} {PinnedVersion} not in {packageFolder}; running `dotnet tool restore` in {manifestDir}");
        var (exitCode, output) = RunToolRestore(manifestDir);
        foreach (var line in output) progress?.Report("  " + line);

        return TryRead(packageFolder) ?? FromResolverCache()
            ?? throw new InvalidOperationException(
                $"{DisplayName} {PinnedVersion} is still not in {packageFolder} after `dotnet tool restore` in {manifestDir} " +
                $"(exit code {exitCode}). Run `dotnet tool restore` there yourself and read its errors; if NuGet keeps " +
                "packages elsewhere, set NUGET_PACKAGES to that folder.");
    }

    /// <summary>NuGet's global packages folder: NUGET_PACKAGES, else ~/.nuget/packages.</summary>
    public static string GlobalPackagesFolder()
    {
        var fromEnv = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>
    /// Where the SDK itself last resolved the pinned tool (<c>~/.dotnet/toolResolverCache/1/&lt;id&gt;</c>, what
    /// <c>dotnet interactive</c> runs). Needed because <c>dotnet tool restore</c> reports success without downloading
    /// when this cache points at a packages folder other than the one computed above (a NuGet.Config
    /// globalPackagesFolder, or a different NUGET_PACKAGES at restore time). An SDK-internal file, so best effort:
    /// anything unreadable is ignored.
    /// </summary>
    // The cache's JSON key (a const, not a literal: the analyzer would take it for this record's Version property).
    private const string ResolverVersionKey = "Version";

    private static InteractiveTool? FromResolverCache()
    {
        var cliHome = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME");
        var cache = Path.Combine(string.IsNullOrEmpty(cliHome) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : cliHome,
            ".dotnet", "toolResolverCache");
        if (!Directory.Exists(cache)) return null;
        foreach (var file in Directory.EnumerateFiles(cache, PackageId, SearchOption.AllDirectories))
        {
            try
            {
                if (JsonNode.Parse(File.ReadAllText(file)) is not JsonArray entries) continue;
                foreach (var entry in entries)
                {
                    if ((string?)entry?[ResolverVersionKey] != PinnedVersion || (string?)entry?["PathToExecutable"] is not { } exe) continue;
                    var tool = TryRead(Path.GetDirectoryName(exe)!);
                    if (tool is not null) return tool;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or FormatException)
            {
                // Not the format we know: fall back to restoring.
            }
        }
        return null;
    }

    /// <summary>The nearest folder, above the current directory or above this program, whose tool manifest pins the tool.</summary>
    private static string? FindManifestDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                // SDK 10 writes ./dotnet-tools.json; older SDKs wrote .config/dotnet-tools.json. Both are honoured.
                foreach (var manifest in new[] { Path.Combine(dir.FullName, "dotnet-tools.json"), Path.Combine(dir.FullName, ".config", "dotnet-tools.json") })
                {
                    if (File.Exists(manifest) && File.ReadAllText(manifest).Contains(PackageId, StringComparison.OrdinalIgnoreCase))
                        return dir.FullName;
                }
            }
        }
        return null;
    }

    private static (int ExitCode, List<string> Output) RunToolRestore(string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("tool");
        start.ArgumentList.Add("restore");

        var output = new List<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrWhiteSpace(e.Data)) lock (output) output.Add(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not run `dotnet tool restore` in {workingDirectory}: {e.Message}. Is the .NET SDK on PATH?", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A restore downloads ~60 MB; ten minutes is generous, and a hung restore must not hang the installer forever.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"`dotnet tool restore` in {workingDirectory} did not finish within 10 minutes.");
        }
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
