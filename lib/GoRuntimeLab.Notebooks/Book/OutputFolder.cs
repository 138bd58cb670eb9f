namespace GoRuntimeLab.Notebooks.Book;

/// <summary>
/// Checks the book's output folder before any work (<see cref="Check"/>: pure, writes nothing) and creates it just
/// before the first file is written (<see cref="Create"/>). Only the named folder is ever created, never its parents,
/// and a folder that is, contains or lies inside the notebooks folder is refused: the book writes an executed copy of
/// every chapter and would overwrite the sources.
/// </summary>
internal static class OutputFolder
{
    private const string Parameter = nameof(BookOptions) + "." + nameof(BookOptions.OutputDirectory);

    /// <summary>The full path of <paramref name="output"/>, or a <see cref="KitInputException"/> naming
    /// <c>BookOptions.OutputDirectory</c> and the path.</summary>
    public static string Check(string output, string notebooksDirectory)
    {
        if (string.IsNullOrWhiteSpace(output))
            throw Bad("the output folder is empty; name a folder for the book, e.g. site");
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(output));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Bad($"'{output}' is not a usable folder path ({e.Message})");
        }
        if (File.Exists(full))
            throw Bad($"'{full}' is a file, not a folder");

        var notebooks = Real(Path.TrimEndingDirectorySeparator(Path.GetFullPath(notebooksDirectory)));
        var real = Real(full);
        var relation = real == notebooks ? "is the notebooks folder"
            : Within(real, notebooks) ? $"is inside the notebooks folder '{notebooks}'"
            : Within(notebooks, real) ? $"contains the notebooks folder '{notebooks}'"
            : null;
        if (relation is not null)
            throw Bad($"'{full}' {relation}: the book writes executed copies of the chapters and would overwrite their sources; choose a folder outside it, e.g. site");

        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
            throw Bad($"'{full}': its parent folder '{parent}' does not exist (the book creates only the output folder itself)");
        return full;
    }

    /// <summary>Creates the folder checked by <see cref="Check"/> (if missing) and proves it writable; on failure
    /// nothing is left behind and the error names the folder.</summary>
    public static void Create(string full)
    {
        var created = !Directory.Exists(full);
        try
        {
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".golab-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (created && Directory.Exists(full))
            {
                try { Directory.Delete(full, recursive: false); }
                catch (IOException) { /* not ours to force */ }
            }
            throw Bad($"'{full}' is not writable ({e.Message})");
        }
    }

    private static KitInputException Bad(string reason) => new(reason) { Parameter = Parameter };

    // True when path lies strictly below folder.
    private static bool Within(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != "." && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !Path.IsPathRooted(relative);
    }

    // The path with every symbolic link along its existing part resolved (what realpath(3) does), so a link to the
    // notebooks folder is recognised as the notebooks folder.
    private static string Real(string full)
    {
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = new DirectoryInfo(next);
            if (info.Exists && info.LinkTarget is not null)
                next = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next;
            current = next;
        }
        return Path.TrimEndingDirectorySeparator(current);
    }
}
