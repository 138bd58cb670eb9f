using System.Reflection;

namespace GoRuntimeLab.Notebooks.Book;

/// <summary>
/// The book's live widgets (issue 15). A markdown cell marks a widget with an element such as
/// <c>&lt;div data-golab-live="gc simulate" data-arg-gogc="100"&gt;&lt;/div&gt;</c> (Markdig passes it through); the book
/// copies golab's browser build (lib/GoRuntimeLab.Wasm, published into <c>_framework/</c>) once to <c>live/</c>,
/// writes <c>live/golab-live.js</c> beside it, and loads that script on the pages that have a widget. The script runs
/// golab's own command line in the browser and sets <c>data-golab-result</c> to its <c>--json</c> document.
/// </summary>
public static class LiveWidgets
{
    /// <summary>The attribute that marks a widget: the golab command it runs ("gc simulate").</summary>
    public const string Attribute = "data-golab-live";

    /// <summary>The folder under the site that holds the script and the one copy of the runtime.</summary>
    public const string Folder = "live";

    /// <summary>The script tag a page with widgets loads, before plotly.min.js and async, so the runtime boots while
    /// the page parses (a classic script: over file:// it says the widgets need http rather than failing to load a
    /// module).</summary>
    public const string ScriptTag = "<script src=\"live/golab-live.js\" async></script>";

    private const string ScriptResource = "GoRuntimeLab.Notebooks.Book.golab-live.js";

    /// <summary>Whether <paramref name="html"/> holds a widget.</summary>
    public static bool HasWidgets(string html) => html.Contains(Attribute + "=", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="bundle"/> is a published browser build (it has <c>_framework/dotnet.js</c>).</summary>
    public static bool IsBundle(string? bundle) => bundle is not null && File.Exists(Path.Combine(bundle, "_framework", "dotnet.js"));

    /// <summary>golab-live.js, as shipped inside this assembly.</summary>
    public static byte[] Script()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException("GoRuntimeLab.Notebooks has no resource " + ScriptResource);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Copies the files of <paramref name="bundle"/>'s <c>_framework</c> that its dotnet.js loads to <paramref name="outDir"/>/live/_framework
    /// (replacing an older copy) and writes live/golab-live.js. Returns the payload size in bytes.</summary>
    public static long Install(string bundle, string outDir)
    {
        var live = Path.Combine(outDir, Folder);
        var framework = Path.Combine(live, "_framework");
        if (Directory.Exists(framework)) Directory.Delete(framework, recursive: true);
        Directory.CreateDirectory(framework);
        long bytes = 0;
        var source = Path.Combine(bundle, "_framework");
        // Only what the runtime loads: dotnet.js and the files its boot manifest names (an incremental publish can
        // leave older fingerprinted copies beside them).
        var loader = File.ReadAllText(Path.Combine(source, "dotnet.js"));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.TopDirectoryOnly)
                     .Where(f => Path.GetFileName(f) == "dotnet.js" || loader.Contains('"' + Path.GetFileName(f) + '"', StringComparison.Ordinal)))
        {
            var target = Path.Combine(framework, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            bytes += new FileInfo(file).Length;
        }
        AtomicFile.Write(Path.Combine(live, "golab-live.js"), Script());
        return bytes;
    }
}
