using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GoRuntimeLab.Notebooks.Kernel;

/// <summary>
/// Installs and removes the kit's Jupyter kernelspec (ARCHITECTURE.md §6). Plotly.NET 6.0.0 needs FSharp.Core 10.1,
/// the pinned Microsoft.dotnet-interactive tool ships 10.0, so the kernel runs a private copy of the tool with
/// FSharp.Core 10.1.403 swapped in. Everything lives in one folder, <c>kernels/&lt;name&gt;/</c> (kernel.json, logos and
/// the host copy under <c>host/</c>), so removing the kernel removes everything and touches nothing else.
/// </summary>
public static partial class KernelInstaller
{
    /// <summary>What Jupyter front ends show in their kernel pickers.</summary>
    public const string DisplayName = "C# (GoRuntimeLab)";

    /// <summary>The subfolder of the kernelspec that holds the patched copy of the tool.</summary>
    public const string HostFolderName = "host";

    /// <summary>Records what the host copy was built from; compared on every install to decide whether to rebuild.</summary>
    public const string StampFileName = "golab-host.json";

    /// <summary>The key under kernel.json's <c>metadata</c> that marks a kernelspec as the kit's own.</summary>
    public const string MetadataKey = "golab";

    private const string KitName = "GoRuntimeLab";

    // Bump when the host layout or the kernel.json shape changes, so installs made by an older kit are rebuilt.
    private const int Layout = 1;

    // Jupyter's own logo file names; the tool ships the same images under resources/.
    private static readonly string[] LogoFiles = ["logo-32x32.png", "logo-64x64.png"];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        // Paths with non-ASCII user names stay readable; the file is only ever read as JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Installs (or brings up to date) the kernelspec. A second call with the same inputs writes nothing and returns
    /// <see cref="KernelInstallResult.Changed"/> = false. The new kernelspec is built in a temporary sibling folder
    /// and moved into place, so a failure never leaves a half-written kernel.
    /// </summary>
    /// <exception cref="KitInputException">Bad name or prefix, or a kernelspec of that name that is not the kit's.</exception>
    /// <exception cref="InvalidOperationException">The pinned tool or FSharp.Core 10.1 cannot be found.</exception>
    public static KernelInstallResult Install(KernelInstallOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var target = Resolve(options);
        var actions = new List<string>();
        void Step(string line)
        {
            actions.Add(line);
            progress?.Report(line);
        }

        RefuseForeign(target, "overwrite");

        var tool = InteractiveTool.Locate(options.ToolPackageFolder, progress);
        var fsharp = FSharpCoreSource.FromThisProcess();
        progress?.Report($"tool: {InteractiveTool.DisplayName} {ShortVersion(tool.Version)} in {tool.Folder}");
        progress?.Report($"FSharp.Core: {fsharp.Version} ({fsharp.AssemblyVersion}) from {fsharp.DllPath}");

        var hostDir = Path.Combine(target.KernelDir, HostFolderName);
        var kernelJson = KernelJson(Path.Combine(hostDir, tool.EntryPoint), tool, fsharp);
        var stamp = Stamp(tool, fsharp);
        var logos = LogoFiles
            .Select(f => (Source: Path.Combine(tool.Folder, "resources", f), Name: f))
            .Where(l => File.Exists(l.Source))
            .ToList();

        if (IsUpToDate(target, tool, fsharp, kernelJson, stamp, logos))
        {
            Step($"kernel '{target.Name}' is already up to date in {target.KernelDir}; nothing written");
            return Result(target, changed: false, tool, fsharp, actions);
        }

        Directory.CreateDirectory(target.KernelsDir);
        var staging = Path.Combine(target.KernelsDir, $".{target.Name}.partial-{Guid.NewGuid():N}");
        try
        {
            var stagingHost = Path.Combine(staging, HostFolderName);
            var (files, bytes) = CopyTree(tool.Folder, stagingHost, IsReplacedFSharpCoreFile);
            Step($"copied {files} files ({bytes / (1024 * 1024)} MiB) of {InteractiveTool.DisplayName} {ShortVersion(tool.Version)} into {HostFolderName}/");

            var swapped = SwapInFSharpCore(tool.Folder, stagingHost, fsharp);
            Step($"swapped in FSharp.Core {fsharp.Version} ({string.Join(", ", swapped)})");

            WriteText(Path.Combine(stagingHost, StampFileName), stamp);
            foreach (var (source, name) in logos) File.Copy(source, Path.Combine(staging, name));
            if (logos.Count > 0) Step($"copied logos: {string.Join(", ", logos.Select(l => l.Name))}");

            // kernel.json last: Jupyter lists any folder holding one, so the staging folder stays invisible until now.
            WriteText(Path.Combine(staging, "kernel.json"), kernelJson);
            MoveIntoPlace(staging, target, Step);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }

        Step($"installed kernel '{target.Name}' ({DisplayName}) in {target.KernelDir}");
        return Result(target, changed: true, tool, fsharp, actions);
    }

    /// <summary>
    /// Removes the kernelspec folder if it is the kit's (its kernel.json carries the kit's metadata); refuses to
    /// remove anything else. Returns <see cref="KernelRemoveResult.Removed"/> = false when there is nothing to remove.
    /// </summary>
    /// <exception cref="KitInputException">Bad name or prefix, or a kernelspec of that name that is not the kit's.</exception>
    public static KernelRemoveResult Remove(KernelInstallOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var target = Resolve(options);
        if (!Directory.Exists(target.KernelDir))
        {
            progress?.Report($"no kernel '{target.Name}' in {target.KernelsDir}; nothing to remove");
            return new KernelRemoveResult(target.Name, target.KernelDir, Removed: false);
        }

        RefuseForeign(target, "remove");

        // Rename first, then delete: a delete that fails half-way (a file in use on Windows) leaves a hidden folder,
        // never a kernelspec that Jupyter lists but cannot start.
        var doomed = Path.Combine(target.KernelsDir, $".{target.Name}.removing-{Guid.NewGuid():N}");
        Directory.Move(target.KernelDir, doomed);
        if (!TryDelete(doomed))
            progress?.Report($"warning: could not delete {doomed} completely (files in use?); delete it by hand");
        progress?.Report($"removed kernel '{target.Name}' from {target.KernelDir}");
        return new KernelRemoveResult(target.Name, target.KernelDir, Removed: true);
    }

    /// <summary>True when <paramref name="kernelDir"/> holds a kernel.json whose metadata marks it as the kit's.</summary>
    public static bool IsKitKernelSpec(string kernelDir)
    {
        var path = Path.Combine(kernelDir, "kernel.json");
        if (!File.Exists(path)) return false;
        try
        {
            var kit = JsonNode.Parse(File.ReadAllText(path))?["metadata"]?[MetadataKey]?["kit"];
            return kit is JsonValue value && value.TryGetValue<string>(out var s) && s == KitName;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // A node of an unexpected kind (e.g. "metadata" is an array): not ours.
            return false;
        }
    }

    /// <summary>The per-user Jupyter data folder, computed like jupyter_core's <c>jupyter_data_dir()</c>.</summary>
    public static string UserJupyterDataDir()
    {
        var fromEnv = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrEmpty(fromEnv)) return Path.GetFullPath(fromEnv);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        if (OperatingSystem.IsWindows())
        {
            var appData = Environment.GetEnvironmentVariable("APPDATA");
            return string.IsNullOrEmpty(appData) ? Path.Combine(home, ".jupyter", "data") : Path.Combine(appData, "jupyter");
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
    }

    // Jupyter accepts [a-z0-9._-] (it lower-cases folder names). The first character must be a letter or digit:
    // a leading '.' would hide the folder and collide with this installer's staging folders, a leading '-' reads
    // as an option on command lines.
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial Regex KernelNamePattern();

    // Bad options name the option's property (KitInputException.Parameter); a command line maps that to its own flag.
    private const string NameParameter = nameof(KernelInstallOptions) + "." + nameof(KernelInstallOptions.Name);
    private const string PrefixParameter = nameof(KernelInstallOptions) + "." + nameof(KernelInstallOptions.Prefix);

    private static KitInputException Bad(string parameter, string reason) => new(reason) { Parameter = parameter };

    private sealed record Target(string Name, string KernelsDir, string KernelDir, string? JupyterPath);

    private static Target Resolve(KernelInstallOptions options)
    {
        var name = options.Name;
        if (string.IsNullOrEmpty(name) || !KernelNamePattern().IsMatch(name))
        {
            throw Bad(NameParameter,
                $"'{name}' is not a valid kernel name: use 1-100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }

        string dataDir;
        string? jupyterPath = null;
        if (options.Prefix is null)
        {
            dataDir = UserJupyterDataDir();
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.Prefix))
                throw Bad(PrefixParameter, "the prefix is empty; give a folder, or no prefix for a per-user install");
            string prefix;
            try
            {
                prefix = Path.GetFullPath(options.Prefix);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw Bad(PrefixParameter, $"'{options.Prefix}' is not a usable folder path ({e.Message})");
            }
            if (File.Exists(prefix))
                throw Bad(PrefixParameter, $"'{options.Prefix}' is a file, not a folder");
            dataDir = Path.Combine(prefix, "share", "jupyter");
            jupyterPath = dataDir;
        }

        var kernelsDir = Path.Combine(dataDir, "kernels");
        return new Target(name, kernelsDir, Path.Combine(kernelsDir, name), jupyterPath);
    }

    private static void RefuseForeign(Target target, string verb)
    {
        if (File.Exists(target.KernelDir))
            throw Bad(NameParameter, $"{target.KernelDir} is a file, not a kernelspec; refusing to {verb} it");
        if (Directory.Exists(target.KernelDir) && !IsKitKernelSpec(target.KernelDir))
        {
            throw Bad(NameParameter,
                $"{target.KernelDir} is not a GoRuntimeLab kernelspec (its kernel.json has no \"{MetadataKey}\" metadata); " +
                $"refusing to {verb} it. Choose another kernel name, or remove it with `jupyter kernelspec remove {target.Name}` if you mean to.");
        }
    }

    private static bool IsUpToDate(Target target, InteractiveTool tool, FSharpCoreSource fsharp, string kernelJson, string stamp,
        List<(string Source, string Name)> logos)
    {
        var hostDir = Path.Combine(target.KernelDir, HostFolderName);
        var hostFSharp = Path.Combine(hostDir, "FSharp.Core.dll");
        if (!SameText(Path.Combine(target.KernelDir, "kernel.json"), kernelJson)) return false;
        if (!SameText(Path.Combine(hostDir, StampFileName), stamp)) return false;
        // The stamp says what was meant; these say the host is still whole (nobody deleted or replaced the key files).
        if (!File.Exists(Path.Combine(hostDir, tool.EntryPoint)) || !File.Exists(hostFSharp)) return false;
        if (Sha256(hostFSharp) != fsharp.Sha256) return false;
        foreach (var (source, name) in logos)
        {
            var installed = Path.Combine(target.KernelDir, name);
            if (!File.Exists(installed) || !File.ReadAllBytes(installed).AsSpan().SequenceEqual(File.ReadAllBytes(source))) return false;
        }
        return true;
    }

    private static string KernelJson(string entryPath, InteractiveTool tool, FSharpCoreSource fsharp)
    {
        var json = new JsonObject
        {
            // --http-local-only: the kernel's HTTP API otherwise listens on every interface (measured); its default
            // port range (2048-3000) still applies, so --http-port-range is not needed.
            ["argv"] = new JsonArray("dotnet", entryPath, "jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-local-only"),
            ["display_name"] = DisplayName,
            ["language"] = "C#",
            // The tool sends usage telemetry by default; a course kernel on learners' machines should not.
            ["env"] = new JsonObject { ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1" },
            ["metadata"] = new JsonObject
            {
                [MetadataKey] = new JsonObject
                {
                    ["kit"] = KitName,
                    ["kitVersion"] = ShortVersion(typeof(KernelInstaller).Assembly
                        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown"),
                    ["tool"] = InteractiveTool.DisplayName,
                    ["toolVersion"] = ShortVersion(tool.Version),
                    ["fsharpCore"] = fsharp.Version,
                    ["host"] = HostFolderName,
                },
            },
        };
        return json.ToJsonString(JsonOptions) + "\n";
    }

    private static string Stamp(InteractiveTool tool, FSharpCoreSource fsharp) =>
        new JsonObject
        {
            ["layout"] = Layout,
            ["tool"] = InteractiveTool.DisplayName,
            ["toolVersion"] = tool.Version,
            ["entryPoint"] = tool.EntryPoint,
            ["fsharpCore"] = fsharp.ProductVersion,
            ["fsharpCoreAssemblyVersion"] = fsharp.AssemblyVersion.ToString(),
            ["fsharpCoreSha256"] = fsharp.Sha256,
        }.ToJsonString(JsonOptions) + "\n";

    // The tool's own FSharp.Core files, which the host copy gets from the engine instead.
    private static bool IsReplacedFSharpCoreFile(string relativePath) =>
        relativePath is "FSharp.Core.dll" or "FSharp.Core.xml"
        || Path.GetFileName(relativePath) == "FSharp.Core.resources.dll";

    private static List<string> SwapInFSharpCore(string toolFolder, string hostDir, FSharpCoreSource fsharp)
    {
        var done = new List<string>();
        var sourceDir = Path.GetDirectoryName(fsharp.DllPath)!;
        File.Copy(fsharp.DllPath, Path.Combine(hostDir, "FSharp.Core.dll"));
        done.Add("FSharp.Core.dll");

        // Doc comments: only the ones that match the DLL; the tool's 10.0 file would describe the wrong build.
        var xml = Path.Combine(sourceDir, "FSharp.Core.xml");
        if (File.Exists(xml))
        {
            File.Copy(xml, Path.Combine(hostDir, "FSharp.Core.xml"));
            done.Add("FSharp.Core.xml");
        }

        // Satellite resources: 10.1 ones where the engine has them (it normally has all cultures), else the tool's.
        // A satellite of the wrong version is merely ignored by the runtime (English messages), so this is cosmetic.
        var satellites = 0;
        foreach (var toolSatellite in Directory.EnumerateFiles(toolFolder, "FSharp.Core.resources.dll", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(toolFolder, toolSatellite);
            var engineSatellite = Path.Combine(sourceDir, relative);
            var destination = Path.Combine(hostDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (File.Exists(engineSatellite))
            {
                File.Copy(engineSatellite, destination);
                satellites++;
            }
            else
            {
                File.Copy(toolSatellite, destination);
            }
        }
        if (satellites > 0) done.Add($"{satellites} satellite resource DLLs");
        return done;
    }

    private static void MoveIntoPlace(string staging, Target target, Action<string> step)
    {
        if (!Directory.Exists(target.KernelDir))
        {
            Directory.Move(staging, target.KernelDir);
            return;
        }

        // Linux has no portable atomic directory swap, so: old aside, new in, old deleted. If the second move fails,
        // the old kernel goes back, so there is always either the old or the new complete kernelspec.
        var old = Path.Combine(target.KernelsDir, $".{target.Name}.old-{Guid.NewGuid():N}");
        Directory.Move(target.KernelDir, old);
        try
        {
            Directory.Move(staging, target.KernelDir);
        }
        catch
        {
            Directory.Move(old, target.KernelDir);
            throw;
        }
        if (TryDelete(old)) step($"replaced the previous install of '{target.Name}'");
        else step($"replaced the previous install of '{target.Name}'; warning: could not delete {old} completely (files in use?), delete it by hand");
    }

    private static (int Files, long Bytes) CopyTree(string source, string destination, Func<string, bool> skip)
    {
        var files = 0;
        var bytes = 0L;
        Directory.CreateDirectory(destination);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (skip(relative)) continue;
            File.Copy(file, Path.Combine(destination, relative));
            files++;
            bytes += new FileInfo(file).Length;
        }
        return (files, bytes);
    }

    private static bool SameText(string path, string expected) => File.Exists(path) && File.ReadAllText(path) == expected;

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    // UTF-8 without a BOM: Python's json.load rejects a BOM.
    private static void WriteText(string path, string text) => File.WriteAllText(path, text);

    private static string ShortVersion(string version)
    {
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static bool TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static KernelInstallResult Result(Target target, bool changed, InteractiveTool tool, FSharpCoreSource fsharp, List<string> actions) =>
        new(target.Name, target.KernelDir, Path.Combine(target.KernelDir, "kernel.json"), target.JupyterPath, changed,
            ShortVersion(tool.Version), fsharp.Version, actions);
}
