using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GoRuntimeLab.Notebooks.Kernel;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Delivery;

/// <summary>The files that deliver the course beyond one machine (issue 15): the notebooks' kernelspec metadata that
/// makes JupyterLab and VS Code pick the kit kernel, the Binder and dev-container configurations calling the one install
/// script, and the README pointing at them.</summary>
public partial class DeliveryFilesTests
{
    private static string Root => Requirement.RepoRoot();

    public static TheoryData<string> Notebooks() => new(ExecutedBook.Chapters());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_notebook_names_the_kit_kernel_so_jupyterlab_and_vs_code_preselect_it(string notebook)
    {
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "notebooks", notebook)))!["metadata"]!;
        // VS Code's Jupyter extension and JupyterLab match kernelspec.name against the installed kernelspecs.
        Assert.Equal(KernelInstallOptions.DefaultName, (string?)metadata["kernelspec"]!["name"]);
        Assert.Equal(KernelInstaller.DisplayName, (string?)metadata["kernelspec"]!["display_name"]);
        Assert.Equal("C#", (string?)metadata["kernelspec"]!["language"]);
        Assert.Equal("C#", (string?)metadata["language_info"]!["name"]);
    }

    [Fact]
    public void Binder_and_the_dev_container_run_the_shared_install_script()
    {
        Assert.True(File.Exists(Path.Combine(Root, "binder", "install-kit.sh")));
        var dockerfile = File.ReadAllText(Path.Combine(Root, "binder", "Dockerfile"));
        Assert.Matches(@"(?m)^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0", dockerfile);
        Assert.Contains("RUN bash binder/install-kit.sh", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ARG NB_UID", dockerfile, StringComparison.Ordinal);

        var json = JsonComments().Replace(File.ReadAllText(Path.Combine(Root, ".devcontainer", "devcontainer.json")), "");
        var devcontainer = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })!;
        Assert.Equal("bash binder/install-kit.sh", (string?)devcontainer["postCreateCommand"]);
        Assert.Contains("dotnet:10.0", (string?)devcontainer["image"], StringComparison.Ordinal);
        Assert.NotNull(devcontainer["features"]!["ghcr.io/devcontainers/features/go:1"]);
        var extensions = devcontainer["customizations"]!["vscode"]!["extensions"]!.AsArray().Select(e => (string?)e).ToList();
        Assert.Contains("ms-toolsai.jupyter", extensions);
        Assert.Contains("ms-dotnettools.csharp", extensions);
    }

    [Fact]
    public void The_readme_links_binder_the_dev_container_and_the_meetup_page()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        Assert.Contains("https://mybinder.org/badge_logo.svg", readme, StringComparison.Ordinal);
        Assert.Contains(".devcontainer/devcontainer.json", readme, StringComparison.Ordinal);
        Assert.Contains("docs/live-book-and-meetups.md", readme, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Root, "docs", "live-book-and-meetups.md")));
    }

    [GeneratedRegex(@"(?m)^\s*//.*$")]
    private static partial Regex JsonComments();
}
