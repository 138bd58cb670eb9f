using System.Globalization;
using System.Text.RegularExpressions;

namespace GoRuntimeLab.Tests.Alloc;

/// <summary>
/// runtime/sizeclasses.go read as text: the comment table and the four arrays. Used as the oracle for
/// <see cref="GoRuntimeLab.Alloc.SizeClasses"/> (the Debian sources when installed, else the copies in data/oracles).
/// </summary>
internal sealed partial record GoSizeClassSource(string Path, string CommentTable, int[] ClassToSize, int[] ClassToAllocNPages, int[] SizeToClass8, int[] SizeToClass128)
{
    public static GoSizeClassSource Read(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        // The comment block: from "// class  bytes/obj" to the last "// " line before the const block.
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("// class  bytes/obj", StringComparison.Ordinal));
        Assert.True(start >= 0, $"{path}: no size-class comment table");
        var table = new List<string>();
        for (var i = start; i < lines.Length && (lines[i].StartsWith("//", StringComparison.Ordinal) || lines[i].Length == 0); i++)
            table.Add(lines[i].Length == 0 ? "" : lines[i][3..]);
        while (table[^1].Length == 0) table.RemoveAt(table.Count - 1);
        return new GoSizeClassSource(path, string.Join("\n", table) + "\n",
            ReadArray(text, "class_to_size"), ReadArray(text, "class_to_allocnpages"), ReadArray(text, "size_to_class8"), ReadArray(text, "size_to_class128"));
    }

    private static int[] ReadArray(string text, string name)
    {
        var m = Regex.Match(text, "var " + name + @" = \[[^\]]*\]uint\d+\{([^}]*)\}");
        Assert.True(m.Success, $"no array {name}");
        return m.Groups[1].Value.Split(',').Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The committed copy for a release ("1.19.8", "1.23.5") and, when present, the installed source.</summary>
    public static IEnumerable<string> Paths(string release)
    {
        yield return System.IO.Path.Combine(GoRuntimeLab.Testing.Requirement.RepoRoot(), "data", "oracles", "sizeclasses", $"sizeclasses-go{release}.go.txt");
        var installed = release.StartsWith("1.19", StringComparison.Ordinal)
            ? "/usr/lib/go-1.19/src/runtime/sizeclasses.go"
            : "/opt/go123/usr/lib/go-1.23/src/runtime/sizeclasses.go";
        if (File.Exists(installed)) yield return installed;
    }
}
