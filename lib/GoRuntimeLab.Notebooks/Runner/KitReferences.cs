using System.Text.RegularExpressions;
using GoRuntimeLab;

namespace GoRuntimeLab.Notebooks.Runner;

/// <summary>
/// Resolves the notebooks' references to the kit's own libraries (<c>#r "../lib/GoRuntimeLab.Charts/bin/GoRuntimeLab.Charts.dll"</c>,
/// relative to notebooks/) to the copies the running engine ships with.
/// </summary>
/// <remarks>
/// The path in the notebooks exists only when the libraries were built in place (<c>dotnet build lib/GoRuntimeLab.Cli</c>,
/// the fixed <c>lib/&lt;Project&gt;/bin/</c> output). Built with <c>dotnet build -o DIR</c> or installed as a tool, the
/// engine's own folder holds the same assemblies and lib/*/bin does not exist. Either way the process runs one copy of
/// each kit assembly (the one already loaded, or the one beside the engine); the cells are compiled against that same
/// copy, so compile time and run time agree. A kit reference that resolves nowhere stops the run before its first cell
/// with one line that says what to build. Only the submitted code changes: the notebook keeps its path as written.
/// </remarks>
public static partial class KitReferences
{
    // `#r "path"` at the start of a line (what the kernel's directive parser accepts).
    [GeneratedRegex("""^(?<lead>[ \t]*#r[ \t]+)"(?<path>[^"\r\n]+)"(?<rest>[ \t]*)$""", RegexOptions.Multiline)]
    private static partial Regex Reference();

    // lib/GoRuntimeLab*/bin/<Assembly>.dll: the kit's fixed build output (lib/Directory.Build.props), any prefix.
    [GeneratedRegex("""(?:^|[/\\])lib[/\\]GoRuntimeLab[^/\\]*[/\\]bin[/\\](?<file>[^/\\]+\.dll)$""", RegexOptions.IgnoreCase)]
    private static partial Regex KitLibrary();

    /// <summary>The code with every kit reference pointing at the copy this process uses. Other references
    /// (packages, the learner's own DLLs) are left alone.</summary>
    /// <param name="code">A cell's source.</param>
    /// <param name="notebookFolder">The folder relative paths start at (the notebook's).</param>
    /// <param name="notebook">The notebook's path, named in the error.</param>
    /// <param name="cell">The cell's 0-based index among all cells, named in the error.</param>
    /// <exception cref="KitInputException">A kit reference that exists neither as written nor beside the engine.</exception>
    public static string Resolve(string code, string notebookFolder, string notebook, int cell)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!code.Contains("#r", StringComparison.Ordinal)) return code;
        return Reference().Replace(code, m =>
        {
            var written = m.Groups["path"].Value;
            var kit = KitLibrary().Match(written.Trim());
            if (!kit.Success) return m.Value;
            var shipped = Shipped(kit.Groups["file"].Value);
            if (shipped is not null) return $"{m.Groups["lead"].Value}\"{shipped}\"{m.Groups["rest"].Value}";
            if (File.Exists(Path.GetFullPath(written, notebookFolder))) return m.Value;
            throw new KitInputException(
                $"{notebook} cell {cell}: #r \"{written}\" names the kit's library, which is not built there (no {Path.GetFullPath(written, notebookFolder)}) " +
                $"and does not ship beside this engine ({AppContext.BaseDirectory}); build it first: dotnet build lib/GoRuntimeLab.Cli")
            {
                FilePath = notebook,
            };
        });
    }

    /// <summary>The kit assembly this process runs: the copy already loaded, else the one beside the engine; null when
    /// neither (e.g. a test host that deliberately does not copy the chart library).</summary>
    public static string? Shipped(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase) && a.Location.Length > 0);
        if (loaded is not null) return loaded.Location;
        foreach (var folder in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(typeof(KitReferences).Assembly.Location) })
        {
            if (string.IsNullOrEmpty(folder)) continue;
            var candidate = Path.Combine(folder, fileName);
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }
}
