using System.Text.Json.Nodes;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests;

/// <summary>
/// The whole course rendered once per test run, the way a newcomer gets it: a fresh checkout (no build outputs), the
/// CLI built to another folder (<c>dotnet build lib/GoRuntimeLab.Cli -c Release -o DIR</c>, as for a tool install),
/// then <c>golab book</c> over every chapter. The fresh-checkout, chapter, page and browser tests all read this one
/// result instead of building and executing each notebook again; running it out of process also keeps this test
/// host's working directory untouched, so other collections run in parallel.
/// </summary>
/// <remarks>
/// The checkout is the repository's files as git lists them (tracked, plus new files that are not ignored; never
/// bin/ or obj/), copied from the working tree: in CI that is exactly a fresh clone, and locally it is the code being
/// changed rather than the last commit. The build skips the analyzers and the XML docs, which change nothing in the
/// assemblies and which the solution build of the same sources already enforces.
/// </remarks>
public sealed class ExecutedBook : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("golab-book-").FullName;

    /// <summary>The fresh checkout the book is rendered from.</summary>
    public string Checkout => Path.Combine(_dir, "checkout");

    /// <summary>Where the CLI was built (<c>-o</c>).</summary>
    public string CliFolder => Path.Combine(_dir, "cli");

    public string Site => Path.Combine(_dir, "site");

    public int CheckoutFiles { get; private set; }

    public Golab.Result CliBuild { get; private set; } = null!;

    /// <summary>The <c>golab book</c> run; null when the CLI did not build.</summary>
    public Golab.Result? Build { get; private set; }

    public Task InitializeAsync() => Task.Run(() =>
    {
        var env = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        CheckoutFiles = CopyCheckout(Requirement.RepoRoot(), Checkout);
        CliBuild = Golab.Exec("dotnet", Checkout, env, "build", "lib/GoRuntimeLab.Cli", "-c", "Release", "-o", CliFolder, "-v", "q", "-nologo",
            "-p:RunAnalyzers=false", "-p:GenerateDocumentationFile=false");
        if (CliBuild.ExitCode == 0)
            Build = Golab.RunDll(Path.Combine(CliFolder, "golab.dll"), Checkout, env, "book", "--out", Site);
    });

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* the OS temp cleaner gets it */ }
        return Task.CompletedTask;
    }

    /// <summary>The <c>golab book</c> run; fails the test (with the build's output) when the CLI did not build.</summary>
    public Golab.Result Book
    {
        get
        {
            Assert.True(Build is not null, $"dotnet build -o of the fresh checkout failed:\n{CliBuild.Stdout}\n{CliBuild.Stderr}");
            return Build!;
        }
    }

    /// <summary>The chapter notebooks of the repository, by file name.</summary>
    public static IEnumerable<string> Chapters() =>
        Directory.GetFiles(Path.Combine(Requirement.RepoRoot(), "notebooks"), "*.ipynb").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal);

    /// <summary>The executed copy of <paramref name="notebook"/> the book wrote (asserts it exists).</summary>
    public JsonNode Executed(string notebook)
    {
        var path = Path.Combine(Site, notebook);
        Assert.True(File.Exists(path), $"the book wrote no {path}:\n{Book.Stdout}\n{Book.Stderr}");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    /// <summary>What the book printed about <paramref name="notebook"/>'s failed cells ("FAILED file cell N: error").</summary>
    public IReadOnlyList<string> FailedLines(string notebook) =>
        Book.Stdout.Split('\n').Where(l => l.TrimStart().StartsWith($"FAILED {notebook} ", StringComparison.Ordinal)).ToList();

    // Copies the files git lists for the checkout (tracked and not deleted, plus untracked ones that are not ignored).
    internal static int CopyCheckout(string root, string target)
    {
        var list = Golab.Exec("git", root, null, "ls-files", "-z", "--cached", "--others", "--exclude-standard");
        if (list.ExitCode != 0) throw new InvalidOperationException("git ls-files failed: " + list.Stderr);
        var count = 0;
        foreach (var relative in list.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            var source = Path.Combine(root, relative);
            if (!File.Exists(source)) continue; // deleted in the working tree
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
            count++;
        }
        return count;
    }
}
