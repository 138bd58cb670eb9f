using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Escape;

/// <summary>Paths of the escape data in the repository.</summary>
internal static class EscapeData
{
    public static string Root => Requirement.RepoRoot();

    public static string CaseDir => Path.Combine(Root, "data", "go", "escape");

    public static string Recordings => Path.Combine(Root, "data", "recordings", "escape");

    public static string Recording(string version, int level) => Path.Combine(Recordings, $"cases-{version}-m{level}.txt");

    public static readonly string[] Versions = ["go1.19", "go1.23"];

    /// <summary>Every recording of compiler output: the four case recordings and every testdir/*/*.out.</summary>
    public static IEnumerable<string> AllOutputs() =>
        Directory.EnumerateFiles(Recordings, "cases-*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(Recordings, "testdir"), "*.out", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> AllOutputNames()
    {
        var data = new TheoryData<string>();
        foreach (var f in AllOutputs()) data.Add(Path.GetRelativePath(Recordings, f));
        return data;
    }
}
