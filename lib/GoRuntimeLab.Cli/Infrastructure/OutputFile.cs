using System.CommandLine;
using System.CommandLine.Parsing;

namespace GoRuntimeLab.Cli.Infrastructure;

/// <summary>
/// Files the CLI writes (<c>--html OUT</c>, <c>--out OUT</c>, <c>--chrome-trace OUT</c>): the path is checked while
/// the command line is parsed — before any work — and written atomically, so a failure never leaves half a file.
/// No folder is ever created: the named file's folder must exist.
/// </summary>
internal static class OutputFile
{
    /// <summary>An option naming a file to write; checked at parse time by <see cref="Problem"/>.</summary>
    public static Option<string> Required(string name, string description, string helpName) =>
        Checked(new Option<string>(name) { Description = description, Required = true, HelpName = helpName });

    /// <summary>An optional option naming a file to write.</summary>
    public static Option<string?> Optional(string name, string description, string helpName) =>
        Checked(new Option<string?>(name) { Description = description, HelpName = helpName });

    /// <summary>Why <paramref name="path"/> cannot be written as a file, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (InvalidPath(path, out var full) is { } invalid) return invalid;
        if (Directory.Exists(full)) return $"\"{path}\" is a folder; name a file inside it";
        var folder = Path.GetDirectoryName(full);
        if (folder is null) return $"\"{path}\" has no parent folder";
        if (File.Exists(folder)) return $"\"{Path.GetDirectoryName(path)}\" is a file, not a folder";
        if (!Directory.Exists(folder)) return $"folder \"{Path.GetDirectoryName(path)}\" does not exist (golab creates no folders; make it first)";
        if (File.Exists(full) && (File.GetAttributes(full) & FileAttributes.ReadOnly) != 0) return $"\"{path}\" is read-only";

        // The only reliable test of "can I write here" is to write: a probe file next to the target, removed at once.
        var probe = Path.Combine(folder, $".golab-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write in \"{Path.GetDirectoryName(path)}\" ({e.Message})";
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temporary file in the same folder.</summary>
    public static void WriteAllText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text));

    /// <summary>Lets <paramref name="write"/> fill a temporary file in the target's folder, then moves it into place.</summary>
    public static void Write(string path, Action<string> write)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Why <paramref name="path"/> is no path at all (empty, or not one the OS takes), or null with its full form.</summary>
    internal static string? InvalidPath(string path, out string full)
    {
        full = "";
        if (string.IsNullOrWhiteSpace(path)) return "empty path";
        try
        {
            full = Path.GetFullPath(path);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"\"{path}\" is not a valid path";
        }
    }

    /// <summary>Adds a parse-time check: the typed value's <paramref name="problem"/>, if any, is a parse error naming the option.</summary>
    internal static T Checked<T>(T option, Func<string, string?>? problem = null) where T : Option
    {
        problem ??= Problem;
        option.Validators.Add(r =>
        {
            if (r.Implicit || r.Tokens.Count == 0) return;
            if (problem(r.Tokens[^1].Value) is { } why) r.AddError($"{option.Name}: {why}");
        });
        return option;
    }
}
