// Mirrors: nothing in Go; where the labs find the repository's data/ folder (real Go recordings).
namespace GoRuntimeLab.Labs;

/// <summary>
/// The repository's <c>data/</c> folder, for labs whose answer is read from a real Go recording: found above the
/// current directory (a notebook runs in notebooks/, golab anywhere in the repository) or above this library.
/// </summary>
public static class LabData
{
    private static readonly Lazy<string?> Found = new(Find, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The full path of <paramref name="parts"/> under data/.</summary>
    /// <exception cref="KitInputException">No data/ folder with recordings above the current directory or the library.</exception>
    public static string Path(params string[] parts)
    {
        var root = Found.Value ?? throw KitInputException.For(
            $"the labs need the repository's data/recordings (none above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}); run from inside the GoRuntimeLab repository",
            parameter: "data");
        return System.IO.Path.Combine([root, .. parts]);
    }

    private static string? Find()
    {
        var starts = new[] { Environment.CurrentDirectory, AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(typeof(LabData).Assembly.Location) ?? "" };
        foreach (var start in starts.Where(s => s.Length > 0))
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var data = System.IO.Path.Combine(dir.FullName, "data");
                if (Directory.Exists(System.IO.Path.Combine(data, "recordings")) && Directory.Exists(System.IO.Path.Combine(data, "go")))
                    return data;
            }
        return null;
    }
}
