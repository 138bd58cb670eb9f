using System.CommandLine;

namespace GoRuntimeLab.Cli.Infrastructure;

/// <summary>
/// Options naming a folder the CLI writes into (<c>kernel --prefix DIR</c>): checked while the command line is
/// parsed, so a file standing where a folder must be, or a place nothing can be written, stops the command first.
/// </summary>
internal static class OutputFolder
{
    /// <summary>An optional folder option (null when absent), checked by <see cref="Problem"/>.</summary>
    public static Option<string?> Optional(string name, string description, string helpName) =>
        OutputFile.Checked(new Option<string?>(name) { Description = description, HelpName = helpName }, Problem);

    /// <summary>Why <paramref name="path"/> cannot be (or become) a folder, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (OutputFile.InvalidPath(path, out var full) is { } invalid) return invalid;
        // The folder itself, or the nearest part of it that exists, must be a folder: "README.md/prefix" never can be.
        for (var dir = full; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir)) return $"\"{dir}\" is a file, not a folder";
            if (Directory.Exists(dir)) return null;
        }

        return $"\"{path}\" has no existing parent folder";
    }
}
