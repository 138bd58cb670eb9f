using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using GoRuntimeLab.Notebooks.Kernel;
using GoRuntimeLab.Testing;
using Xunit.Abstractions;

namespace GoRuntimeLab.NotebookTests;

/// <summary>
/// <c>KernelInstaller</c> and <c>golab kernel</c> against temp prefixes: the kernelspec layout, the FSharp.Core swap,
/// idempotence, atomicity and never touching other kernelspecs. No Jupyter needed (JupyterKernelTests runs one).
/// </summary>
public sealed class KernelInstallTests : IDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly string _root = Directory.CreateTempSubdirectory("golab-kernel-test-").FullName;

    public KernelInstallTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* the OS temp cleaner gets it */ }
    }

    private string Prefix => Path.Combine(_root, "prefix");
    private string KernelsDir => Path.Combine(Prefix, "share", "jupyter", "kernels");

    [Fact]
    public void Install_into_a_prefix_writes_a_kernelspec_whose_host_has_FSharp_Core_10_1()
    {
        var clock = Stopwatch.StartNew();
        var result = KernelInstaller.Install(new KernelInstallOptions(Prefix), new LineLog(_output));
        _output.WriteLine($"install (cold): {clock.Elapsed.TotalSeconds:F2} s");

        var kernelDir = Path.Combine(KernelsDir, "golab-csharp");
        Assert.True(result.Changed);
        Assert.Equal("golab-csharp", result.Name);
        Assert.Equal(kernelDir, result.KernelDir);
        Assert.Equal(Path.Combine(kernelDir, "kernel.json"), result.KernelJsonPath);
        Assert.Equal(Path.Combine(Prefix, "share", "jupyter"), result.JupyterPath);
        Assert.True(File.Exists(result.KernelJsonPath));

        var spec = JsonNode.Parse(File.ReadAllText(result.KernelJsonPath))!;
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToList();
        _output.WriteLine(File.ReadAllText(result.KernelJsonPath));
        Assert.Equal("dotnet", argv[0]);
        Assert.Equal(Path.Combine(kernelDir, "host", "Microsoft.DotNet.Interactive.App.dll"), argv[1]);
        Assert.True(File.Exists(argv[1]));
        Assert.Equal(["jupyter", "--default-kernel", "csharp", "{connection_file}", "--http-local-only"], argv.Skip(2));
        Assert.Equal("C# (GoRuntimeLab)", (string?)spec["display_name"]);
        Assert.Equal("C#", (string?)spec["language"]);
        Assert.Equal("GoRuntimeLab", (string?)spec["metadata"]!["golab"]!["kit"]);
        Assert.Equal(PinnedTool.ManifestVersion(), (string?)spec["metadata"]!["golab"]!["toolVersion"]);
        Assert.Equal("10.1.403", (string?)spec["metadata"]!["golab"]!["fsharpCore"]);
        Assert.True(File.Exists(Path.Combine(kernelDir, "logo-64x64.png")));

        // The swap happened in the copy and only there: the NuGet cache keeps the tool's own 10.0.
        var hostFSharp = Path.Combine(kernelDir, "host", "FSharp.Core.dll");
        Assert.Equal(new Version(10, 1, 0, 0), AssemblyName.GetAssemblyName(hostFSharp).Version);
        var toolDir = Path.GetDirectoryName(PinnedTool.EntryDll())!;
        Assert.Equal(new Version(10, 0, 0, 0), AssemblyName.GetAssemblyName(Path.Combine(toolDir, "FSharp.Core.dll")).Version);
        Assert.True(File.Exists(Path.Combine(kernelDir, "host", KernelInstaller.StampFileName)));

        // Nothing but the kernelspec: no staging folder left behind.
        Assert.Equal(["golab-csharp"], Directory.GetFileSystemEntries(KernelsDir).Select(Path.GetFileName));
    }

    [Fact]
    public void Second_install_writes_nothing()
    {
        KernelInstaller.Install(new KernelInstallOptions(Prefix));
        var kernelDir = Path.Combine(KernelsDir, "golab-csharp");
        var before = Snapshot(kernelDir);

        var clock = Stopwatch.StartNew();
        var again = KernelInstaller.Install(new KernelInstallOptions(Prefix));
        _output.WriteLine($"install (warm, up to date): {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.False(again.Changed);
        AssertUnchanged(before, Snapshot(kernelDir));
    }

    [Fact]
    public void A_damaged_host_is_rebuilt()
    {
        var first = KernelInstaller.Install(new KernelInstallOptions(Prefix));
        var hostFSharp = Path.Combine(first.KernelDir, "host", "FSharp.Core.dll");
        File.Copy(Path.Combine(Path.GetDirectoryName(PinnedTool.EntryDll())!, "FSharp.Core.dll"), hostFSharp, overwrite: true);

        var again = KernelInstaller.Install(new KernelInstallOptions(Prefix));

        Assert.True(again.Changed);
        Assert.Equal(new Version(10, 1, 0, 0), AssemblyName.GetAssemblyName(hostFSharp).Version);
        Assert.Equal(["golab-csharp"], Directory.GetFileSystemEntries(KernelsDir).Select(Path.GetFileName));
    }

    [Fact]
    public void An_unrelated_kernelspec_survives_install_and_remove()
    {
        var sibling = Path.Combine(KernelsDir, "python3-mine");
        Directory.CreateDirectory(sibling);
        File.WriteAllText(Path.Combine(sibling, "kernel.json"), """{"argv": ["python3"], "display_name": "Mine", "language": "python"}""");
        File.WriteAllText(Path.Combine(sibling, "extra.txt"), "keep me");
        var before = Snapshot(sibling);

        KernelInstaller.Install(new KernelInstallOptions(Prefix));
        AssertUnchanged(before, Snapshot(sibling));

        var removed = KernelInstaller.Remove(new KernelInstallOptions(Prefix));

        Assert.True(removed.Removed);
        Assert.False(Directory.Exists(Path.Combine(KernelsDir, "golab-csharp")));
        AssertUnchanged(before, Snapshot(sibling));
        Assert.Equal(["python3-mine"], Directory.GetFileSystemEntries(KernelsDir).Select(Path.GetFileName));
    }

    [Fact]
    public void Remove_when_absent_reports_nothing_removed()
    {
        var result = KernelInstaller.Remove(new KernelInstallOptions(Prefix));

        Assert.False(result.Removed);
        Assert.Equal(Path.Combine(KernelsDir, "golab-csharp"), result.KernelDir);
        Assert.False(Directory.Exists(Prefix));
    }

    [Fact]
    public void A_foreign_kernelspec_with_our_name_is_neither_removed_nor_overwritten()
    {
        var foreign = Path.Combine(KernelsDir, "golab-csharp");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "kernel.json"), """{"argv": ["x"], "display_name": "Someone else's", "language": "C#", "metadata": {}}""");
        var before = Snapshot(foreign);

        var remove = Assert.Throws<KitInputException>(() => KernelInstaller.Remove(new KernelInstallOptions(Prefix)));
        var install = Assert.Throws<KitInputException>(() => KernelInstaller.Install(new KernelInstallOptions(Prefix)));

        _output.WriteLine(remove.Message);
        Assert.Equal("KernelInstallOptions.Name", remove.Parameter);
        Assert.Contains("not a GoRuntimeLab kernelspec", remove.Message, StringComparison.Ordinal);
        Assert.Equal("KernelInstallOptions.Name", install.Parameter);
        AssertUnchanged(before, Snapshot(foreign));
    }

    [Theory]
    [InlineData("Bad Name!")]
    [InlineData("")]
    [InlineData("UPPER")]
    [InlineData(".hidden")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    public void A_bad_name_is_a_KitInputException_naming_the_parameter(string name)
    {
        var e = Assert.Throws<KitInputException>(() => KernelInstaller.Install(new KernelInstallOptions(Prefix, name)));
        Assert.Equal("KernelInstallOptions.Name", e.Parameter);
        Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal); // the installer names its own parameter, not a flag
        Assert.Throws<KitInputException>(() => KernelInstaller.Remove(new KernelInstallOptions(Prefix, name)));
        Assert.False(Directory.Exists(Prefix));
    }

    [Fact]
    public void A_bad_prefix_is_a_KitInputException_naming_the_parameter()
    {
        var file = Path.Combine(_root, "a-file");
        File.WriteAllText(file, "");

        Assert.Equal("KernelInstallOptions.Prefix", Assert.Throws<KitInputException>(() => KernelInstaller.Install(new KernelInstallOptions(file))).Parameter);
        Assert.Equal("KernelInstallOptions.Prefix", Assert.Throws<KitInputException>(() => KernelInstaller.Install(new KernelInstallOptions("  "))).Parameter);
        Assert.Equal("KernelInstallOptions.Prefix", Assert.Throws<KitInputException>(() => KernelInstaller.Remove(new KernelInstallOptions(""))).Parameter);
    }

    [Fact]
    public void A_failed_install_leaves_the_previous_kernel_and_no_partial_folder()
    {
        var good = KernelInstaller.Install(new KernelInstallOptions(Prefix));
        // Damage the host so the next install has work to do (an intact one would be up to date, nothing to fail).
        File.Delete(Path.Combine(good.KernelDir, "host", "FSharp.Core.dll"));
        var before = Snapshot(good.KernelDir);

        // A tool folder whose copy fails half-way: the real entry point, then a dangling symlink that cannot be copied.
        var brokenTool = Path.Combine(_root, "broken-tool");
        Directory.CreateDirectory(brokenTool);
        var realTool = Path.GetDirectoryName(PinnedTool.EntryDll())!;
        File.Copy(Path.Combine(realTool, "DotnetToolSettings.xml"), Path.Combine(brokenTool, "DotnetToolSettings.xml"));
        File.Copy(PinnedTool.EntryDll(), Path.Combine(brokenTool, Path.GetFileName(PinnedTool.EntryDll())));
        File.CreateSymbolicLink(Path.Combine(brokenTool, "zz-dangling.dll"), Path.Combine(_root, "does-not-exist.dll"));

        Assert.ThrowsAny<IOException>(() => KernelInstaller.Install(new KernelInstallOptions(Prefix, ToolPackageFolder: brokenTool)));

        AssertUnchanged(before, Snapshot(good.KernelDir));
        Assert.Equal(["golab-csharp"], Directory.GetFileSystemEntries(KernelsDir).Select(Path.GetFileName));

        // And a first install that fails leaves no kernel at all.
        Assert.ThrowsAny<IOException>(() => KernelInstaller.Install(new KernelInstallOptions(Prefix, "golab-other", brokenTool)));
        Assert.Equal(["golab-csharp"], Directory.GetFileSystemEntries(KernelsDir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_tool_folder_override_that_is_not_a_tool_is_a_KitInputException()
    {
        var e = Assert.Throws<KitInputException>(() => KernelInstaller.Install(new KernelInstallOptions(Prefix, ToolPackageFolder: _root)));
        Assert.Equal("KernelInstallOptions.ToolPackageFolder", e.Parameter);
    }

    [Fact]
    public void The_cli_installs_and_removes_and_exits_2_on_a_bad_name()
    {
        Assert.True(File.Exists(Golab.Dll), $"{Golab.Dll} is missing; build lib/GoRuntimeLab.Cli");
        var cwd = Requirement.RepoRoot();

        var install = Golab.Run(cwd, "kernel", "install", "--prefix", Prefix);
        Assert.True(install.ExitCode == 0, install.Stderr);
        var kernelJson = Path.Combine(KernelsDir, "golab-csharp", "kernel.json");
        Assert.Contains(kernelJson, install.Stdout, StringComparison.Ordinal);
        Assert.Contains("JUPYTER_PATH=" + Path.Combine(Prefix, "share", "jupyter"), install.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(kernelJson));

        var again = Golab.Run(cwd, "kernel", "install", "--prefix", Prefix);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already up to date", again.Stdout, StringComparison.Ordinal);
        _output.WriteLine($"golab kernel install: cold {install.Elapsed.TotalSeconds:F2} s, warm {again.Elapsed.TotalSeconds:F2} s (process start included)");

        var bad = Golab.Run(cwd, "kernel", "install", "--prefix", Prefix, "--name", "Bad Name!");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("golab: --name: 'Bad Name!' is not a valid kernel name", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Golab.Run(cwd, "kernel", "remove", "--prefix", Prefix, "--name", "Bad Name!").ExitCode);

        var remove = Golab.Run(cwd, "kernel", "remove", "--prefix", Prefix);
        Assert.True(remove.ExitCode == 0, remove.Stderr);
        Assert.Contains("removed", remove.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(KernelsDir, "golab-csharp")));

        var removeAgain = Golab.Run(cwd, "kernel", "remove", "--prefix", Prefix);
        Assert.Equal(0, removeAgain.ExitCode);
        Assert.Contains("not installed", removeAgain.Stdout, StringComparison.Ordinal);
    }

    // Relative path → (SHA-256, mtime) of every file under dir.
    private static Dictionary<string, (string Hash, DateTime Mtime)> Snapshot(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f),
            f =>
            {
                using var stream = File.OpenRead(f);
                return (Convert.ToHexString(SHA256.HashData(stream)), File.GetLastWriteTimeUtc(f));
            });

    private static void AssertUnchanged(Dictionary<string, (string Hash, DateTime Mtime)> before, Dictionary<string, (string Hash, DateTime Mtime)> after)
    {
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, (hash, mtime)) in before)
        {
            Assert.True(hash == after[path].Hash, path + " changed content");
            Assert.True(mtime == after[path].Mtime, path + " was rewritten (mtime changed)");
        }
    }

    // Installer progress into the test log, synchronously (System.Progress<T> would post to the thread pool).
    private sealed class LineLog(ITestOutputHelper output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine("  " + value);
    }
}
