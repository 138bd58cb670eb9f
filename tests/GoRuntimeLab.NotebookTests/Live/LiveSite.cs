using System.Runtime.Loader;
using System.Text;
using GoRuntimeLab.Notebooks.Book;
using GoRuntimeLab.Testing;

namespace GoRuntimeLab.NotebookTests.Live;

/// <summary>
/// A small book page with live widgets, assembled exactly as <c>golab book</c> does (the page frame of
/// <see cref="PageRenderer"/>, <see cref="LiveWidgets.Install"/> of the browser build the CLI's build shipped in
/// lib/GoRuntimeLab.Cli/bin/live, the book's plotly.min.js), served from a loopback HTTP server.
/// </summary>
public sealed class LiveSite : IDisposable
{
    public const string Page = "live.html";

    private readonly string _dir = Directory.CreateTempSubdirectory("golab-live-").FullName;
    private readonly Lazy<StaticSite> _server;

    public LiveSite()
    {
        _server = new Lazy<StaticSite>(() => new StaticSite(_dir));
    }

    /// <summary>The browser build that the CLI's build publishes beside golab.dll.</summary>
    public static string Bundle => Path.Combine(Requirement.RepoRoot(), "lib", "GoRuntimeLab.Cli", "bin", LiveWidgets.Folder);

    public string Folder => _dir;

    /// <summary>Bytes of the WebAssembly payload copied into the site (live/_framework).</summary>
    public long PayloadBytes { get; private set; }

    /// <summary>Writes the page with <paramref name="widgetsHtml"/> (once) and returns its http URL.</summary>
    public string Serve(string widgetsHtml, string page = Page)
    {
        Assert.True(LiveWidgets.IsBundle(Bundle), $"no browser build of golab at {Bundle}: build lib/GoRuntimeLab.Cli (it publishes lib/GoRuntimeLab.Wasm)");
        lock (_dir)
        {
            if (!File.Exists(Path.Combine(_dir, "plotly.min.js")))
            {
                File.WriteAllBytes(Path.Combine(_dir, "plotly.min.js"), PlotlyJs());
                PayloadBytes = LiveWidgets.Install(Bundle, _dir);
            }
            File.WriteAllText(Path.Combine(_dir, page), PageRenderer.Page("live widgets", widgetsHtml, live: true), Encoding.UTF8);
        }
        return _server.Value.Url(page);
    }

    /// <summary>The plotly.js the book ships (Plotly.NET's embedded copy), read without loading Plotly.NET's types.</summary>
    private static byte[] PlotlyJs()
    {
        var dll = Path.Combine(Requirement.RepoRoot(), "lib", "GoRuntimeLab.Charts", "bin", "Plotly.NET.dll");
        var context = new AssemblyLoadContext("plotly-resource", isCollectible: true);
        try
        {
            using var file = File.OpenRead(dll);
            var assembly = context.LoadFromStream(file);
            var name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        finally
        {
            context.Unload();
        }
    }

    public void Dispose()
    {
        if (_server.IsValueCreated) _server.Value.Dispose();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* the OS temp cleaner gets it */ }
    }
}
