using System.Text.RegularExpressions;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.Tests.Gc.Trace;

/// <summary>The real gctrace recordings in data/recordings/gc/ (made by data/go/gcload/record.sh).</summary>
internal static partial class GcRecordings
{
    public static string Folder => Path.Combine(Requirement.RepoRoot(), "data", "recordings", "gc");

    public static IReadOnlyList<string> Files()
    {
        var files = Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 14, $"expected the 7 cases × 2 Go versions in {Folder}, found {files.Count}");
        return files;
    }

    /// <summary>Every gc line of every recording, by the plain text rule (no parser involved).</summary>
    public static IReadOnlyList<string> AllGcLines() =>
        Files().SelectMany(File.ReadAllLines).Where(l => GcLineText().IsMatch(l)).ToList();

    [GeneratedRegex(@"^gc \d")]
    public static partial Regex GcLineText();
}
