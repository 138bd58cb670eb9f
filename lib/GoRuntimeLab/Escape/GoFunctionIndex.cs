// Mirrors: the names cmd/compile gives functions in -m output ("Counter", "(*Tally).Inc", "Celsius.String",
// closures "Counter.func1"), found from top-level `func` lines of gofmt-formatted source. Go 1.19–1.23.
// Simplified: a line scanner, not a Go parser — declarations must start at column 1 and end with a "}" line (gofmt style).
using System.Text.RegularExpressions;
using GoRuntimeLab.IO;

namespace GoRuntimeLab.Escape;

/// <summary>Which top-level function of a Go package holds a given file:line, so findings can be grouped per function.</summary>
public sealed partial class GoFunctionIndex
{
    private readonly List<(string File, int Start, int End, string Name)> functions;

    private GoFunctionIndex(List<(string File, int Start, int End, string Name)> functions) => this.functions = functions;

    /// <summary>The functions in declaration order: file, first and last line, compiler-style name.</summary>
    public IReadOnlyList<(string File, int Start, int End, string Name)> Functions => functions;

    /// <summary>A Go source file the kit reads: at most 16 MiB (the largest files in Go's own tree are under 1 MiB).</summary>
    public static readonly KitReadLimits GoSourceLimits = new("Go source file", 16L << 20);

    /// <summary>Indexes every *.go file directly in <paramref name="directory"/> (or the one file given).</summary>
    /// <exception cref="KitInputException">The folder or file does not exist, or holds no .go file.</exception>
    public static GoFunctionIndex FromPath(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string[] files = File.Exists(directory) ? [directory]
            : Directory.Exists(directory) ? [.. Directory.EnumerateFiles(directory, "*.go").Order(StringComparer.Ordinal)]
            : throw KitFile.NotFound(directory, "directory", "file or folder");
        if (files.Length == 0) throw KitInputException.For("no .go files here", parameter: "directory", file: directory);
        return FromSources(files.Select(f => (Path.GetFileName(f), KitFile.ReadAllText(f, GoSourceLimits, "directory"))));
    }

    /// <summary>Indexes sources given as (file name, text) pairs.</summary>
    public static GoFunctionIndex FromSources(IEnumerable<(string File, string Text)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var found = new List<(string, int, int, string)>();
        foreach (var (file, text) in sources)
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var m = FuncLine().Match(lines[i]);
                if (!m.Success) continue;
                var end = i;
                // A one-line function ends on its own line; otherwise gofmt closes it with "}" in column 1.
                if (!lines[i].TrimEnd().EndsWith('}'))
                    while (end + 1 < lines.Length && !lines[end].StartsWith('}')) end++;
                found.Add((file, i + 1, end + 1, CompilerName(m)));
            }
        }
        return new GoFunctionIndex(found);
    }

    /// <summary>The compiler-style name of the function whose body holds <paramref name="file"/>:<paramref name="line"/>, or null.</summary>
    public string? FunctionAt(string file, int line)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = file.Replace('\\', '/').Split('/')[^1];
        foreach (var f in functions)
            if (f.File == name && line >= f.Start && line <= f.End) return f.Name;
        return null;
    }

    // "func (t *Tally) Inc()" → "(*Tally).Inc"; "func (c Celsius) String()" → "Celsius.String" (ir.FuncName style).
    private static string CompilerName(Match m)
    {
        var name = m.Groups["name"].Value;
        if (!m.Groups["recv"].Success) return name;
        var recv = m.Groups["recv"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var bracket = recv.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0) recv = recv[..bracket];
        return recv.StartsWith('*') ? $"({recv}).{name}" : $"{recv}.{name}";
    }

    [GeneratedRegex(@"^func (?:\((?<recv>[^)]*)\) )?(?<name>[\p{L}_][\p{L}\p{Nd}_]*)\s*[\[(]")]
    private static partial Regex FuncLine();
}
