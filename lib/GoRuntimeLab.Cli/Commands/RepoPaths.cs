using GoRuntimeLab.Cli.Infrastructure;

namespace GoRuntimeLab.Cli.Commands;

/// <summary>Finds the repository's folders from the current directory (or the tool's own location), so
/// <c>golab</c> works from the repository root or any folder below it.</summary>
internal static class RepoPaths
{
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "notebooks")))
                    return dir.FullName;
        throw new KitInputException("not inside the GoRuntimeLab repository (no folder with global.json and notebooks/ above the current directory); pass --notebooks DIR");
    }

    public static string Notebooks() => Path.Combine(Root(), "notebooks");
}
