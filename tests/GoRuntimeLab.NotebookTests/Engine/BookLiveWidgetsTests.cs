using GoRuntimeLab.Notebooks.Book;

namespace GoRuntimeLab.NotebookTests.Engine;

/// <summary>How the book places the live widgets (the browser side is Live/LiveWidgetTests): one copy of what the
/// runtime loads in live/, the script only on pages that have a widget, and one line when there is no browser build.</summary>
public class BookLiveWidgetsTests
{
    private const string Widget = "<div data-golab-live=\"alloc class\" data-golab-positional=\"size\" data-arg-size=\"33\"></div>";

    [Fact]
    public async Task Pages_with_a_widget_load_the_script_and_the_runtime_is_copied_once_without_stale_files()
    {
        using var dir = new TempDir();
        var bundle = FakeBundle(dir);
        TestNotebook.Write(dir.File("nb/01-one.ipynb"), ("md", "# One\n\n" + Widget), ("code", "1 + 1"));
        TestNotebook.Write(dir.File("nb/02-two.ipynb"), ("md", "# Two"), ("code", "2 + 2"));
        var log = new StringWriter();

        var result = await BookBuilder.BuildAsync(new BookOptions(dir.File("nb"), dir.File("site"), () => "//js"u8.ToArray()) { LiveBundle = bundle, Log = log });

        Assert.False(result.Failed);
        Assert.Contains("live widgets: golab for the browser", log.ToString(), StringComparison.Ordinal);
        var one = File.ReadAllText(dir.File("site/01-one.html"));
        Assert.Contains(LiveWidgets.ScriptTag, one, StringComparison.Ordinal);
        Assert.Contains("data-golab-live=\"alloc class\"", one, StringComparison.Ordinal);
        Assert.DoesNotContain("golab-live.js", File.ReadAllText(dir.File("site/02-two.html")), StringComparison.Ordinal);
        Assert.DoesNotContain("golab-live.js", File.ReadAllText(dir.File("site/index.html")), StringComparison.Ordinal);
        Assert.Equal(["dotnet.js", "dotnet.native.abc.wasm", "golab.abc.wasm"],
            Directory.GetFiles(dir.File("site/live/_framework")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(LiveWidgets.Script(), File.ReadAllBytes(dir.File("site/live/golab-live.js")));
    }

    [Fact]
    public async Task Without_a_browser_build_the_book_still_renders_and_says_so_in_one_line()
    {
        using var dir = new TempDir();
        TestNotebook.Write(dir.File("nb/01-one.ipynb"), ("md", "# One\n\n" + Widget), ("code", "1 + 1"));
        var log = new StringWriter();

        var result = await BookBuilder.BuildAsync(new BookOptions(dir.File("nb"), dir.File("site"), () => "//js"u8.ToArray()) { LiveBundle = dir.File("nowhere"), Log = log });

        Assert.False(result.Failed);
        Assert.Single(log.ToString().Split('\n'), l => l.StartsWith("live widgets: off", StringComparison.Ordinal));
        Assert.DoesNotContain("golab-live.js", File.ReadAllText(dir.File("site/01-one.html")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("site/live")));
    }

    [Fact]
    public async Task A_book_without_widgets_copies_no_runtime_and_says_nothing_about_it()
    {
        using var dir = new TempDir();
        TestNotebook.Write(dir.File("nb/01-one.ipynb"), ("md", "# One"), ("code", "1 + 1"));
        var log = new StringWriter();

        await BookBuilder.BuildAsync(new BookOptions(dir.File("nb"), dir.File("site"), () => "//js"u8.ToArray()) { LiveBundle = FakeBundle(dir), Log = log });

        Assert.DoesNotContain("live widgets", log.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("site/live")));
    }

    // A published bundle's shape: dotnet.js names the fingerprinted files it loads; an older copy lies beside them.
    private static string FakeBundle(TempDir dir)
    {
        var framework = Directory.CreateDirectory(dir.File("bundle/_framework")).FullName;
        File.WriteAllText(Path.Combine(framework, "dotnet.js"), "const boot = {\"golab.wasm\": \"golab.abc.wasm\", \"native\": \"dotnet.native.abc.wasm\"};");
        File.WriteAllText(Path.Combine(framework, "golab.abc.wasm"), "new");
        File.WriteAllText(Path.Combine(framework, "golab.old.wasm"), "stale");
        File.WriteAllText(Path.Combine(framework, "dotnet.native.abc.wasm"), "native");
        return dir.File("bundle");
    }
}
