using System.Text.Json.Nodes;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests;

/// <summary>
/// The dotnet-interactive tool pinned in dotnet-tools.json, located the way the SDK restores it. Worked out here
/// from the manifest, independently of the installer under test, so the tests check the installer rather than echo it.
/// </summary>
internal static class PinnedTool
{
    public static string ManifestVersion()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Requirement.RepoRoot(), "dotnet-tools.json")))!;
        return (string)manifest["tools"]!["microsoft.dotnet-interactive"]!["version"]!;
    }

    /// <summary>The tool's entry DLL in the NuGet cache; asserts it is there (an install under test restores it).</summary>
    public static string EntryDll()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var entry = Path.Combine(packages, "microsoft.dotnet-interactive", ManifestVersion(), "tools", "net10.0", "any", "Microsoft.DotNet.Interactive.App.dll");
        Assert.True(File.Exists(entry), entry + " is missing; run `dotnet tool restore`");
        return entry;
    }
}
